import { beforeAll, describe, expect, it } from 'vitest';
import { formatCount, formatRatio } from '../../src/lib/charts/format';
import { chartSource, siteSuite, visit, waitForDuckDB, type Visit } from './site';

/** The headline figures straight from the raw columns of reports.parquet, not through the app's SQL. */
const TRUTH_SQL = `SELECT report_id, unit_key, unit, year, apps__new__total AS received, apps__total__total AS handled,
  (apps__granted__total + apps__partial__total) / NULLIF(apps__total__total, 0) AS disclosure_rate
  FROM reports ORDER BY unit, year, report_id`;

type Truth = { report_id: string; unit_key: string; unit: string; year: number; received: number | null; handled: number | null; disclosure_rate: number | null };

describe('overview in Chromium', () => {
  const suite = siteSuite();
  let truth: Truth[];
  beforeAll(async () => {
    truth = (await suite.db.rows(TRUTH_SQL)) as Truth[];
  });

  async function go(setup?: Parameters<typeof visit>[1]): Promise<Visit> {
    return suite.go('/', setup);
  }

  /**
   * The overview draws one bar group per body (named by its latest title, 人民政府 left out)
   * and one bar per year: every report's figure is in its body's group, in its year's series.
   */
  async function expectSameNumbers(page: Visit['page']) {
    const latest = new Map<string, Truth>();
    for (const t of truth) if (!latest.has(t.unit_key) || latest.get(t.unit_key)!.year <= t.year) latest.set(t.unit_key, t);
    const names = [...latest.values()].map((t) => t.unit.replace(/人民政府$/, ''));
    const years = [...new Set(truth.map((t) => t.year))].sort((a, b) => a - b);
    for (const [chart, field] of [['headline', 'received'], ['headline-rate', 'disclosure_rate']] as const) {
      const src = await chartSource(page, chart);
      expect(src.label).toEqual(names);
      const series = await page.evaluate((n) => (window as unknown as { __gongkaiCharts: Record<string, { getOption(): { series: { name: string }[] } }> })
        .__gongkaiCharts[n].getOption().series.map((x) => x.name), chart);
      expect(series).toEqual(years.map(String));
      [...latest.keys()].forEach((key, u) => years.forEach((y, s) => {
        const t = truth.find((x) => x.unit_key === key && x.year === y);
        const got = src[`s${s}`][u] as number | null;
        const want = t ? t[field] : null;
        if (want === null) expect(got, `${key} ${y}`).toBeNull();
        else expect(got as number, `${key} ${y}`).toBeCloseTo(want, 12);
      }));
    }
  }

  it('draws the headline chart from DuckDB with exactly the dataset values, with no console errors and no foreign requests', async () => {
    const v = await go();
    await waitForDuckDB(v.page);
    await expectSameNumbers(v.page);
    // Screen readers hear the same numbers, a missing ratio as — and never NaN.
    const aria = (await v.page.getAttribute('[data-chart="headline"]', 'aria-label')) ?? '';
    // One part per year (the chart's series), each naming every body with its figure or state.
    const years = [...new Set(truth.map((t) => t.year))].sort((a, b) => a - b);
    for (const y of years) expect(aria).toContain(`${y}——`);
    expect(aria).not.toMatch(/NaN|undefined|null/);
    if (truth.some((t) => t.received === null)) expect(aria).toContain('：未填报');
    expect(v.consoleErrors).toEqual([]);
    const foreign = v.requests.filter((u) => !u.startsWith(`${v.origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(foreign).toEqual([]);
    // Exactly one wasm bundle, and it is the eh build.
    // (the worker checks the file with a HEAD request before compiling it: one URL, two requests)
    const wasm = [...new Set(v.requests.filter((u) => u.endsWith('.wasm')))];
    expect(wasm).toHaveLength(1);
    expect(wasm[0]).toMatch(/duckdb-eh\.[^/]*\.wasm$/);
  });

  it('shows the numbers of one unit as the dataset holds them, null as 未填报', async () => {
    const v = await go();
    await waitForDuckDB(v.page);
    const counts = new Map<string, number>();
    for (const t of truth) counts.set(t.unit, (counts.get(t.unit) ?? 0) + 1);
    const unit = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
    for (const t of truth.filter((x) => x.unit === unit)) {
      const row = v.page.locator(`tr[data-report-id="${t.report_id}"]`);
      expect(await row.locator('th').textContent()).toBe(unit);
      expect(await row.locator('[data-field="received"]').textContent()).toBe(formatCount(t.received));
      expect(await row.locator('[data-field="handled"]').textContent()).toBe(formatCount(t.handled));
      expect(await row.locator('[data-field="disclosure_rate"]').textContent()).toBe(t.disclosure_rate === null && t.handled === 0 ? '无法计算（0 件）' : formatRatio(t.disclosure_rate));
    }
    const [tot] = await suite.db.rows('SELECT count(DISTINCT unit_key)::INTEGER AS units, count(*)::INTEGER AS reports FROM reports');
    expect(await v.page.locator('[data-total="units"]').textContent()).toBe(String(tot.units));
    expect(await v.page.locator('[data-total="reports"]').textContent()).toBe(String(tot.reports));
    // Every report of the dataset appears in the coverage matrix in its unit's row and year.
    const marked = await v.page.locator('td[data-unit-key]:not([data-status="missing"])').count();
    expect(marked).toBe(tot.reports);
    // Its rows come in the order of 覆盖's matrix: Chinese collation of each body's latest title.
    const order = await v.page.locator('table.coverage tbody th[scope="row"]').allTextContents();
    expect(order).toEqual(['柴河镇人民政府', '淮安市洪泽区人民政府', '淮安市人民政府', '平潭综合实验区', '上海市科委', '沭阳县发展和改革局']);
  });

  it('draws the first chart from summary.json alone when DuckDB cannot start', async () => {
    const v = await go(async (page) => {
      await page.route(/\.wasm$/, (route) => route.abort());
    });
    await v.page.waitForSelector('section[data-source="summary"][data-engine="failed"]', { timeout: 30_000 });
    await v.page.waitForFunction(() => performance.getEntriesByName('gongkai:first-chart').length > 0);
    await expectSameNumbers(v.page);
  });

  it('works again after a reload', async () => {
    const v = await go();
    await waitForDuckDB(v.page);
    await v.page.reload();
    await waitForDuckDB(v.page);
    await expectSameNumbers(v.page);
    expect(v.consoleErrors).toEqual([]);
  });
});
