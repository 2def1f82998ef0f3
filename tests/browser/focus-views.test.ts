import { beforeAll, describe, expect, it } from 'vitest';
import { chartSource, siteSuite, type Visit } from './site';
import { foreignRequests, sameNumbers, waitForChart } from './views';

type Row = Record<string, any>;
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const ORG = ['commercial', 'research', 'nonprofit', 'legal', 'other_org'];

describe('申请, 复议诉讼, 采购与收费 in Chromium', () => {
  const suite = siteSuite();
  let reports: Row[];
  beforeAll(async () => {
    reports = await suite.db.rows('SELECT * FROM reports ORDER BY unit_key, year, report_id');
  });

  async function go(path: string): Promise<Visit> {
    return suite.go(path);
  }
  /** A chart's column per report id, checked against `f` of each report. */
  async function expectPerReport(v: Visit, chart: string, column: string, f: (r: Row) => number | null) {
    const src = await chartSource(v.page, chart);
    const ids = src.report_id as string[];
    expect(ids.length, chart).toBeGreaterThan(0);
    const want = ids.map((id) => f(reports.find((r) => r.report_id === id)!));
    expect(sameNumbers(src[column], want), `${chart} ${column}`).toBe(true);
    return ids;
  }

  it('申请: ranks who had the most applications in a year, and draws received, handled and the applicant split', async () => {
    const year = 2024;
    const v = await go(`applications?year=${year}`);
    await waitForChart(v.page, 'applications-applicants');
    const inYear = reports.filter((r) => r.year === year && num(r.apps__new__total) !== null);
    const top = inYear.sort((a, b) => b.apps__new__total - a.apps__new__total)[0];
    const first = v.page.locator('table.rank tbody tr').first();
    expect(await first.getAttribute('data-unit-key')).toBe(top.unit_key);
    expect(await first.locator('[data-field="value"]').textContent()).toBe(top.apps__new__total.toLocaleString('zh-CN'));
    const ids = await expectPerReport(v, 'applications-received', 'received', (r) => num(r.apps__new__total));
    expect([...ids].sort()).toEqual(reports.map((r) => r.report_id).sort());
    await expectPerReport(v, 'applications-received', 'handled', (r) => num(r.apps__total__total));
    await expectPerReport(v, 'applications-applicants', 'received_natural', (r) => num(r.apps__new__natural));
    await expectPerReport(v, 'applications-applicants', 'received_org', (r) =>
      ORG.reduce<number | null>((s, c) => (s === null || num(r[`apps__new__${c}`]) === null ? null : s + r[`apps__new__${c}`]), 0));
    const rates = await chartSource(v.page, 'applications-rate');
    expect(rates.year.length).toBeGreaterThan(1);
    expect(v.consoleErrors).toEqual([]);
    expect(foreignRequests(v)).toEqual([]);
  });

  it('复议诉讼: lists every body-year corrected on review or in court, and draws 表四 by result', async () => {
    const v = await go('review');
    await waitForChart(v.page, 'review-rate');
    const items = await v.page.locator('[data-list="corrected"] li').allTextContents();
    const want = reports.flatMap((r) => ['review', 'suit_direct', 'suit_after_review']
      .filter((b) => num(r[`${b}__corrected`]) !== null && r[`${b}__corrected`] > 0)
      .map((b) => ({ year: r.year as number, n: r[`${b}__corrected`] as number, b })));
    expect(items).toHaveLength(want.length);
    for (const w of want) expect(items.some((t) => t.includes(String(w.year)) && t.includes(`结果纠正 ${w.n} 件`))).toBe(true);
    for (const c of ['upheld', 'corrected', 'other', 'pending']) {
      await expectPerReport(v, 'review-review', `review__${c}`, (r) => num(r[`review__${c}`]));
    }
    await expectPerReport(v, 'review-rate', 'review_correction_rate', (r) => {
      const d = num(r.review__total) === null || num(r.review__pending) === null ? null : r.review__total - r.review__pending;
      return num(r.review__corrected) === null || !d ? null : r.review__corrected / d;
    });
    expect(v.consoleErrors).toEqual([]);
  });

  it('采购与收费: says which years 平潭 reported procurement, and keeps each template in its own charts', async () => {
    const v = await go('procurement');
    await waitForChart(v.page, 'fees-2021');
    const pingtan = reports.filter((r) => String(r.unit).includes('平潭'));
    const years = pingtan.filter((r) => num(r.t2__procurement__items) !== null || num(r.t2__procurement__amount_yuan) !== null).map((r) => r.year);
    expect(years.length).toBeGreaterThan(0);
    const line = await v.page.locator(`[data-list="procurement-years"] li[data-unit-key="${pingtan[0].unit_key}"]`).textContent();
    expect(line).toContain(`${years.join('、')} 年报告了政府集中采购`);
    expect(await v.page.locator('[data-note="templates"]').textContent()).toContain('不连成一条趋势线');
    const old = await expectPerReport(v, 'procurement-items', 't2__procurement__items', (r) => num(r.t2__procurement__items));
    await expectPerReport(v, 'procurement-amount', 't2__procurement__amount_yuan', (r) => num(r.t2__procurement__amount_yuan));
    const fresh = await expectPerReport(v, 'fees-2021', 't2__fees__amount_yuan', (r) => num(r.t2__fees__amount_yuan));
    const template = (id: string) => reports.find((r) => r.report_id === id)!.template;
    expect(old.every((id) => template(id) === '2019')).toBe(true);
    expect(fresh.every((id) => template(id) === '2021')).toBe(true);
    expect(v.consoleErrors).toEqual([]);
  });

  it('keeps a focused view\'s filters in the URL across a reload', async () => {
    const v = await go('review?level=county');
    await waitForChart(v.page, 'review-review');
    await v.page.check('input[data-year="2024"]');
    await v.page.waitForFunction(() => new URL(location.href).searchParams.get('years') === '2024');
    const want = reports.filter((r) => r.level === 'county' && r.year === 2024).map((r) => r.report_id).sort();
    await expect.poll(async () => [...((await chartSource(v.page, 'review-review')).report_id as string[])].sort()).toEqual(want);
    await v.page.reload();
    await waitForChart(v.page, 'review-review');
    expect(await v.page.inputValue('select[data-filter="level"]')).toBe('county');
    expect(await v.page.isChecked('input[data-year="2024"]')).toBe(true);
    expect([...((await chartSource(v.page, 'review-review')).report_id as string[])].sort()).toEqual(want);
  });
});
