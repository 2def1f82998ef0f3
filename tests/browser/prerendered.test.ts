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
    const v = await suite.go('compare?measure=handled&level=county&chart=lines', blockEngine);
    await waitForChart(v.page, 'compare-lines');
    const want = await suite.db.rows(`SELECT unit_key, year::INTEGER AS year, "apps__total__total" AS v FROM reports
      WHERE level = 'county' ORDER BY unit_key, year`);
    const src = await chartSource(v.page, 'compare-lines');
    const got = (src.unit_key as string[]).map((k, i) => ({ unit_key: k, year: Number(src.year[i]), v: num(src.value[i]) }))
      .sort((a, b) => a.unit_key.localeCompare(b.unit_key) || a.year - b.year);
    expect(got).toEqual(want.map((r) => ({ unit_key: r.unit_key, year: r.year, v: num(r.v) })));
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
