import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chartSource, siteSuite } from './site';
import { foreignRequests, waitForChart } from './views';

type Row = Record<string, any>;
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const blockEngine = async (page: Page): Promise<void> => {
  await page.route(/\.wasm$/, (route) => route.abort());
};

/**
 * A shared link draws true figures before DuckDB-WASM answers: here DuckDB never starts (its
 * wasm is blocked), and each deep link must still show the dataset's numbers, from the answers
 * the build prerendered for exactly that view state.
 */
describe('deep links drawn without DuckDB', () => {
  const suite = siteSuite();

  it('对比 with a measure and a level in the URL draws that measure for those bodies', async () => {
    const v = await suite.go('compare?measure=handled&level=county', blockEngine);
    await waitForChart(v.page, 'compare-bars');
    const year = Number(await v.page.getAttribute('table.rank', 'data-rank-year'));
    const county: Row[] = await suite.db.rows(`SELECT unit_key, year::INTEGER AS year, "apps__total__total" AS v FROM reports WHERE level = 'county'`);
    const want = Object.fromEntries([...new Set(county.map((r) => r.unit_key))].map((k) => [k, num(county.find((r) => r.unit_key === k && r.year === year)?.v)]));
    const src = await chartSource(v.page, 'compare-bars');
    expect(Object.fromEntries((src.unit_key as string[]).map((k, i) => [k, num(src.value[i])]))).toEqual(want);
    expect(foreignRequests(v)).toEqual([]);
  });

  it('申请 for one year draws every report\'s applications received', async () => {
    const v = await suite.go('applications?year=2024', blockEngine);
    await waitForChart(v.page, 'applications-received');
    const reports: Row[] = await suite.db.rows('SELECT report_id, "apps__new__total" AS v FROM reports ORDER BY report_id');
    const src = await chartSource(v.page, 'applications-received');
    const shown = Object.fromEntries((src.report_id as string[]).map((id, i) => [id, num(src.received[i])]));
    expect(shown).toEqual(Object.fromEntries(reports.map((r) => [r.report_id, num(r.v)])));
  });

  it('a unit profile link shows the form of that year with the dataset\'s figures', async () => {
    const [r] = await suite.db.rows("SELECT unit_key, \"apps__new__total\" AS v FROM reports WHERE report_id = 'pingtan-2020'");
    const v = await suite.go(`unit?u=${encodeURIComponent(String(r.unit_key))}&y=2020`, blockEngine);
    await v.page.waitForSelector('dl[data-report-id="pingtan-2020"]', { timeout: 30_000 });
    expect(await v.page.getAttribute('table[data-table] td[data-key="apps.new.total"]', 'data-value')).toBe(String(r.v));
  });
});
