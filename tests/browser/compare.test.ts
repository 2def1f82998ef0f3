import { beforeAll, describe, expect, it } from 'vitest';
import { chartSource, siteSuite, type Visit } from './site';
import { chartOption, foreignRequests, sameNumbers, waitForChart } from './views';

type Row = Record<string, any>;
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const rate = (r: Row): number | null => {
  const n = num(r.apps__granted__total), p = num(r.apps__partial__total), d = num(r.apps__total__total);
  return n === null || p === null || d === null || d === 0 ? null : (n + p) / d;
};

describe('对比 in Chromium', () => {
  const suite = siteSuite();
  let reports: Row[];
  beforeAll(async () => {
    reports = await suite.db.rows('SELECT * FROM reports ORDER BY unit_key, year, report_id');
  });

  async function go(path: string): Promise<Visit> {
    return suite.go(path);
  }
  const keysOf = (rs: Row[]) => [...new Set(rs.map((r) => r.unit_key as string))].sort();
  /** unit_key → the value of `f` in `year` (undefined where the body has no report). */
  const byUnit = (rs: Row[], year: number, f: (r: Row) => number | null) =>
    Object.fromEntries(keysOf(rs).map((k) => [k, rs.find((r) => r.unit_key === k && r.year === year)])
      .map(([k, r]) => [k, r ? f(r as Row) : null]));

  it('draws bars of 收到申请 for the year most bodies reported, with the dataset numbers, no errors, nothing off-origin', async () => {
    const v = await go('compare');
    await waitForChart(v.page, 'compare-bars');
    const perYear = new Map<number, Set<string>>();
    for (const r of reports) perYear.set(r.year, (perYear.get(r.year) ?? new Set()).add(r.unit_key));
    const year = [...perYear.entries()].sort((a, b) => b[1].size - a[1].size || b[0] - a[0])[0][0];
    const src = await chartSource(v.page, 'compare-bars');
    const want = byUnit(reports, year, (r) => num(r.apps__new__total));
    expect(Object.fromEntries((src.unit_key as string[]).map((k, i) => [k, src.value[i]]))).toEqual(want);
    // The ranking's first row is the body with the most applications that year.
    const top = Object.entries(want).filter(([, x]) => x !== null).sort((a, b) => (b[1] as number) - (a[1] as number))[0][0];
    expect(await v.page.locator('table.rank tbody tr').first().getAttribute('data-unit-key')).toBe(top);
    expect(await v.page.locator('table.rank').getAttribute('data-rank-year')).toBe(String(year));
    expect(v.consoleErrors).toEqual([]);
    expect(foreignRequests(v)).toEqual([]);
  });

  it('finds 洪泽 by name: one body, both of its titles, and charts it', async () => {
    const v = await go('compare');
    await waitForChart(v.page, 'compare-bars');
    await v.page.fill('input[data-filter="q"]', '洪泽');
    const hongze = reports.filter((r) => String(r.unit).includes('洪泽'));
    const items = v.page.locator('ul.units li');
    await expect.poll(() => items.count()).toBe(keysOf(hongze).length);
    const text = (await items.allTextContents()).join(' ');
    for (const title of new Set(hongze.map((r) => r.unit))) expect(text).toContain(title);
    await v.page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '洪泽');
    await expect.poll(async () => (await chartSource(v.page, 'compare-bars')).unit_key).toEqual(keysOf(hongze));
    expect(v.consoleErrors).toEqual([]);
  });

  it('reads its state from the URL, writes filter changes back, and a reload reproduces the view', async () => {
    const years = [2023, 2024];
    const v = await go(`compare?measure=disclosure_rate&chart=lines&years=${years.join(',')}&level=county`);
    await waitForChart(v.page, 'compare-lines');
    expect(await v.page.inputValue('select[data-control="measure"]')).toBe('disclosure_rate');
    expect(await v.page.inputValue('select[data-control="chart"]')).toBe('lines');
    expect(await v.page.inputValue('select[data-filter="level"]')).toBe('county');
    for (const y of years) expect(await v.page.isChecked(`input[data-year="${y}"]`)).toBe(true);
    const check = async (rs: Row[]) => {
      const src = await chartSource(v.page, 'compare-lines');
      expect(src.year).toEqual(years.map(String));
      expect(Object.keys(src).filter((k) => k !== 'year').sort()).toEqual(keysOf(rs));
      for (const k of keysOf(rs)) {
        const want = years.map((y) => { const r = rs.find((x) => x.unit_key === k && x.year === y); return r ? rate(r) : null; });
        expect(sameNumbers(src[k], want), k).toBe(true);
      }
    };
    await check(reports.filter((r) => r.level === 'county'));

    // A filter change goes into the address bar and redraws with only that place's bodies.
    const province = reports.find((r) => r.level === 'county')!.province_code as string;
    await v.page.selectOption('select[data-filter="province"]', province);
    await v.page.waitForFunction((p) => new URL(location.href).searchParams.get('province') === p, province);
    const inProvince = reports.filter((r) => r.level === 'county' && r.province_code === province);
    await expect.poll(async () => Object.keys(await chartSource(v.page, 'compare-lines')).length).toBe(keysOf(inProvince).length + 1);
    await check(inProvince);

    await v.page.reload();
    await waitForChart(v.page, 'compare-lines');
    expect(await v.page.inputValue('select[data-filter="province"]')).toBe(province);
    expect(await v.page.inputValue('select[data-filter="level"]')).toBe('county');
    await check(inProvince);
    expect(v.consoleErrors).toEqual([]);
  });

  it('keeps ticked bodies across searches, and its subtitle names what is drawn', async () => {
    const v = await go('compare?chart=lines');
    await waitForChart(v.page, 'compare-lines');
    const [a, b] = ['洪泽', '平潭'].map((q) => reports.find((r) => String(r.unit).includes(q))!);
    expect(a && b, 'the shipped dataset has 洪泽 and 平潭').toBeTruthy();
    for (const [q, r] of [['洪泽', a], ['平潭', b]] as const) {
      await v.page.fill('input[data-filter="q"]', q);
      await v.page.check(`ul.units li[data-unit-key="${r.unit_key}"] input`);
    }
    await expect.poll(async () => Object.keys(await chartSource(v.page, 'compare-lines')).filter((k) => k !== 'year').sort())
      .toEqual([a.unit_key, b.unit_key].sort());
    expect(await v.page.textContent('.hint')).toContain('已选 2 个单位');
    const subtitle = (await v.page.textContent('figure .subtitle')) ?? '';
    expect(subtitle).toContain('2 个单位');
    // Unticking from the chosen list (the search shows only 平潭 now) removes 洪泽.
    await v.page.click(`button[data-unselect="${a.unit_key}"]`);
    await expect.poll(async () => Object.keys(await chartSource(v.page, 'compare-lines')).filter((k) => k !== 'year')).toEqual([b.unit_key]);
    expect(v.consoleErrors).toEqual([]);
  });

  it('labels a body without a report that year as a gap, and ranks procurement in a year it exists', async () => {
    // 采购 exists only in the 2019 template (2019–2020 reports): the ranking year must be one of those.
    const v = await go('compare?measure=procurement_items');
    await waitForChart(v.page, 'compare-bars');
    const rankYear = Number(await v.page.locator('table.rank').getAttribute('data-rank-year'));
    expect([2019, 2020]).toContain(rankYear);
    const opts = await v.page.$$eval('select[data-control="year"] option', (os) => os.map((o) => Number((o as HTMLOptionElement).value)));
    expect(opts.every((y) => y <= 2020)).toBe(true);
    // A body with no report in the drawn year: its bar is null and its axis label says so.
    const withReport = new Set(reports.filter((r) => r.year === rankYear).map((r) => r.unit_key));
    const src = await chartSource(v.page, 'compare-bars');
    const missing = (src.unit_key as string[]).findIndex((k) => !withReport.has(k));
    if (missing >= 0) {
      expect(src.value[missing]).toBeNull();
      const label = await v.page.evaluate(([n, i]) => {
        const w = window as unknown as { __gongkaiCharts: Record<string, { getOption(): { xAxis: { axisLabel: { formatter: (v: string, i: number) => string } }[] } }> };
        return w.__gongkaiCharts[n].getOption().xAxis[0].axisLabel.formatter('x', i as number);
      }, ['compare-bars', missing] as const);
      expect(label).toContain('无此年报');
    }
    expect(v.consoleErrors).toEqual([]);
  });

  it('shows a figure the report leaves blank as 未填报, never 0', async () => {
    const [blank] = await suite.db.rows(`SELECT c.report_id, c.key, r.unit_key, r.year FROM cells c JOIN reports r USING (report_id)
      WHERE c.value IS NULL ORDER BY c.report_id, c.key LIMIT 1`);
    expect(blank).toBeDefined();
    const v = await go(`compare?measure=${blank.key}&units=${encodeURIComponent(String(blank.unit_key))}&year=${blank.year}`);
    await waitForChart(v.page, 'compare-bars');
    expect((await chartSource(v.page, 'compare-bars')).value).toEqual([null]);
    const cell = v.page.locator(`table.rank tr[data-unit-key="${blank.unit_key}"] [data-field="value"]`);
    expect(await cell.textContent()).toBe('未填报');
    expect(await v.page.getAttribute('[data-chart="compare-bars"]', 'aria-label')).toContain('未填报');
  });

  it('flags a figure the parser was unsure of, with its reason', async () => {
    const [doubt] = await suite.db.rows('SELECT c.key, c.reason, r.unit_key, r.year FROM cells c JOIN reports r USING (report_id) WHERE c.uncertain ORDER BY c.report_id, c.key LIMIT 1');
    expect(doubt, 'the shipped dataset has an uncertain cell').toBeDefined();
    const v = await go(`compare?measure=${doubt.key}&units=${encodeURIComponent(String(doubt.unit_key))}`);
    await waitForChart(v.page, 'compare-bars');
    // The chart may come from the build's prerendered answer; the flags follow from DuckDB.
    const note = v.page.locator('[data-list="uncertain"]');
    await expect.poll(() => note.textContent(), { timeout: 45_000 }).toContain(String(doubt.reason));
    expect(await note.textContent()).toContain(String(doubt.year));
  });

  it('draws the outcome composition as shares of the six outcomes per body-year', async () => {
    const v = await go('compare?chart=composition');
    await waitForChart(v.page, 'compare-composition');
    const src = await chartSource(v.page, 'compare-composition');
    const ids = src.report_id as string[];
    expect([...ids].sort()).toEqual(reports.map((r) => r.report_id).sort());
    const sub = (r: Row, prefix: string) => Object.keys(r).filter((k) => k.startsWith(`apps__${prefix}_`) && k.endsWith('__total') && !k.startsWith('apps__other_'));
    const parts = (r: Row): Record<string, number | null> => {
      const add = (ks: string[]) => ks.reduce<number | null>((s, k) => (s === null || num(r[k]) === null ? null : s + r[k]), 0);
      return { granted: num(r.apps__granted__total), partial: num(r.apps__partial__total), denied: add(sub(r, 'denied')),
        unavailable: add(sub(r, 'unavailable')), rejected: add(sub(r, 'rejected')), other: num(r.apps__other__total) };
    };
    ids.forEach((id, i) => {
      const p = parts(reports.find((r) => r.report_id === id)!);
      const vals = Object.values(p);
      const total = vals.some((x) => x === null) ? null : (vals as number[]).reduce((a, b) => a + b, 0);
      for (const [k, x] of Object.entries(p)) {
        const want = total === null || total === 0 || x === null ? null : x / total;
        expect(sameNumbers([src[k][i]], [want]), `${id} ${k}`).toBe(true);
      }
    });
    const opt = await chartOption(v.page, 'compare-composition');
    expect(opt.series.every((s: Row) => s.stack === 'all')).toBe(true);
  });

  it('draws small multiples: one grid per body on shared axes', async () => {
    const v = await go('compare?chart=multiples&measure=litigation');
    await waitForChart(v.page, 'compare-multiples');
    const opt = await chartOption(v.page, 'compare-multiples');
    const keys = keysOf(reports);
    expect(opt.grid).toHaveLength(keys.length);
    expect(new Set(opt.yAxis.map((y: Row) => y.max)).size).toBe(1);
    const src = opt.dataset[0].source as Record<string, unknown[]>;
    const years = (src.year as string[]).map(Number);
    for (const k of keys) {
      const want = years.map((y) => {
        const r = reports.find((x) => x.unit_key === k && x.year === y);
        return r && num(r.suit_direct__total) !== null && num(r.suit_after_review__total) !== null ? r.suit_direct__total + r.suit_after_review__total : null;
      });
      expect(sameNumbers(src[k], want), k).toBe(true);
    }
  });
});
