/**
 * The picker, the top/bottom ranking and the peer view (issue 11, UI for 44 k units) on the
 * shipped dataset, checked against data/*.parquet through Node DuckDB.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { siteSuite } from './site';
import { chartOption, foreignRequests, waitForChart } from './views';

type Row = Record<string, any>;

describe('finding, ranking and placing units in Chromium', () => {
  const suite = siteSuite();
  let reports: Row[];
  const keyOf = (unit: string) => reports.find((r) => r.unit === unit)!.unit_key as string;
  beforeAll(async () => {
    reports = await suite.db.rows('SELECT * FROM reports ORDER BY unit_key, year, report_id');
  });

  it('对比: typing chz, chaihe or its division code offers 柴河镇人民政府 alone; hongze finds 洪泽 by either title', async () => {
    const v = await suite.go('compare');
    await waitForChart(v.page, 'compare-bars');
    const items = v.page.locator('ul.units li');
    for (const q of ['chz', 'chaihe', 'CHAI HE', '231083104']) {
      await v.page.fill('input[data-filter="q"]', q);
      await expect.poll(() => items.evaluateAll((els) => els.map((e) => e.getAttribute('data-unit-key')))).toEqual([keyOf('柴河镇人民政府')]);
      expect(await items.first().textContent()).toContain('柴河镇人民政府');
    }
    await v.page.fill('input[data-filter="q"]', 'hongze');
    await expect.poll(() => items.evaluateAll((els) => els.map((e) => e.getAttribute('data-unit-key')))).toEqual([keyOf('洪泽区人民政府')]);
    // The chart follows the search: only the body found is drawn.
    await v.page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'hongze');
    expect(v.consoleErrors).toEqual([]);
    expect(foreignRequests(v)).toEqual([]);
  });

  it('/unit: the index finds a unit by initials, best match first, and links to its profile', async () => {
    const v = await suite.go('unit');
    await v.page.waitForSelector('table[data-units]');
    await v.page.fill('input[data-unit-search]', 'chz');
    const rows = v.page.locator('table[data-units] tbody tr');
    await expect.poll(() => rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-unit-key')))).toEqual([keyOf('柴河镇人民政府')]);
    // hzq: 洪泽区 from its first syllables; the county's other title 淮安市洪泽区 only from a later one — one body either way.
    await v.page.fill('input[data-unit-search]', 'hzq');
    await expect.poll(() => rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-unit-key')))).toEqual([keyOf('洪泽区人民政府')]);
    await v.page.fill('input[data-unit-search]', 'xyz');
    await expect.poll(() => v.page.textContent('p.empty')).toContain('没有符合“xyz”的单位');
    expect(v.consoleErrors).toEqual([]);
  });

  it('对比: the ranking lists the top and bottom N and one line for the rest; the bodies without a number are counted', async () => {
    const year = 2024;
    const valued = reports.filter((r) => r.year === year && typeof r.apps__new__total === 'number')
      .sort((a, b) => b.apps__new__total - a.apps__new__total);
    expect(valued.length).toBeGreaterThanOrEqual(4);
    const v = await suite.go(`compare?year=${year}&top=1`);
    await waitForChart(v.page, 'compare-bars');
    const keys = await v.page.locator('table.rank tbody tr[data-unit-key]').evaluateAll((els) => els.map((e) => e.getAttribute('data-unit-key')));
    expect(keys).toEqual([valued[0].unit_key, valued[valued.length - 1].unit_key]);
    const middle = valued.slice(1, -1).map((r) => r.apps__new__total as number);
    const rest = await v.page.locator('table.rank tr.rest').textContent();
    expect(rest).toContain(`其余 ${middle.length} 个单位`);
    expect(rest).toContain(`范围 ${Math.min(...middle)}—${Math.max(...middle)}`);
    const bodies = new Set(reports.map((r) => r.unit_key));
    const missing = bodies.size - valued.length;
    expect(await v.page.textContent('[data-missing]')).toContain(`另有 ${missing} 个单位该年无数字`);
    // Every body is in the CSV: the download holds all of them.
    const [download] = await Promise.all([v.page.waitForEvent('download'), v.page.click('button[data-export="ranking"]')]);
    const text = readFileSync((await download.path())!, 'utf8');
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(1 + bodies.size);
    // 名次, 单位, 2024 年, …: the valued bodies first, in order, each with its place and figure.
    valued.forEach((r, i) => expect(lines[1 + i]).toMatch(new RegExp(`^${i + 1},[^,]+,${r.apps__new__total},`)));
    expect(v.consoleErrors).toEqual([]);
  });

  it('/unit: a county is placed among the county-level units of the year, nulls left out, with a strip plot', async () => {
    const year = 2024;
    const self = reports.find((r) => r.unit === '淮安市洪泽区人民政府' && r.year === year)!;
    const peers = reports.filter((r) => r.year === year && r.level === 'county' && r.unit_key !== self.unit_key);
    expect(peers.length).toBeGreaterThan(0);
    const v = await suite.go(`unit?u=${encodeURIComponent(self.unit_key)}&y=${year}`);
    const section = v.page.locator('section.peers[data-peers-scope]:not([data-peers-scope=""])');
    await section.waitFor({ timeout: 45_000 });
    // Fewer than five county-level units anywhere nearer: the page compares with the whole dataset and says so.
    expect(await section.getAttribute('data-peers-scope')).toBe('all');
    expect(await section.getAttribute('data-peers-n')).toBe(String(peers.length));
    expect(await section.textContent()).toContain('不足 5 个');
    const own = self.apps__new__total as number;
    const above = peers.filter((p) => p.apps__new__total > own).length;
    const row = v.page.locator('table[data-peers] tr[data-measure="received"]');
    expect(await row.locator('[data-field="own"]').textContent()).toBe(String(own));
    expect(await row.locator('[data-field="place"]').textContent()).toContain(`第 ${above + 1} / ${peers.length + 1}`);
    await v.page.waitForFunction(() => ((window as any).__gongkaiCharts?.['unit-peers-received']?.getOption()?.series?.length ?? 0) === 2);
    const o = await chartOption(v.page, 'unit-peers-received');
    expect(o.series.map((s: any) => s.type)).toEqual(['scatter', 'scatter']);
    expect(o.series[0].data.map((d: any) => d.value[0]).sort()).toEqual(peers.map((p) => p.apps__new__total).sort());
    expect(o.series[1].data.map((d: any) => d.value[0])).toEqual([own]);
    // The dots are drawn, not only set: every peer's and the unit's symbol is on the canvas.
    const drawn = await v.page.evaluate(() => (window as any).__gongkaiCharts['unit-peers-received'].getZr().storage.getDisplayList()
      .filter((e: any) => !['line', 'tspan', 'text'].includes(e.type)).length);
    expect(drawn).toBeGreaterThanOrEqual(peers.length + 1);
    expect(v.consoleErrors).toEqual([]);
  });
});
