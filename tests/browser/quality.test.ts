import { describe, expect, it } from 'vitest';
import { siteSuite, type Visit } from './site';
import { expectClean, visitView } from './data-views';

describe('data quality view in Chromium', () => {
  const suite = siteSuite();

  async function go(path: string): Promise<Visit> {
    const v = await visitView(suite.server, path);
    suite.track(v);
    return v;
  }

  const listed = (v: Visit) => v.page.$$eval('table[data-table="findings"] tr[data-report-id]', (trs) => trs.map((tr) => ({
    report_id: tr.getAttribute('data-report-id')!, rule: Number(tr.getAttribute('data-rule')),
    message: tr.querySelector('[data-message]')?.textContent ?? '', href: tr.querySelector('a[data-link]')?.getAttribute('href') ?? '' })));

  it('lists every finding in the report’s own labels and every uncertain cell, each linked to its unit profile', async () => {
    const truth = await suite.db.rows(`SELECT f.report_id, f.rule, f.message, r.unit_key, r.year FROM findings f JOIN reports r USING (report_id)
      ORDER BY f.report_id, f.message`);
    const v = await go('/quality');
    const rows = await listed(v);
    const key = (x: Record<string, unknown>) => `${x.report_id}|${x.message}`;
    expect(rows.map(key).sort()).toEqual(truth.map(key).sort());
    for (const t of truth) {
      const row = rows.find((r) => key(r) === key(t))!;
      expect(row.rule).toBe(Number(t.rule));
      expect(row.message).not.toMatch(/apps\.|t2\.|review\.|__/);
      const href = new URL(row.href, v.page.url());
      expect(href.pathname).toBe('/unit');
      expect(href.searchParams.get('u')).toBe(t.unit_key);
      expect(href.searchParams.get('y')).toBe(String(t.year));
    }
    const unsure = await suite.db.rows('SELECT report_id, key, reason FROM cells WHERE uncertain');
    const shownUnsure = await v.page.$$eval('table[data-table="uncertain"] tr[data-key]', (trs) => trs.map((tr) => `${tr.getAttribute('data-report-id')}|${tr.getAttribute('data-key')}|${tr.textContent}`));
    expect(shownUnsure).toHaveLength(unsure.length);
    for (const u of unsure) expect(shownUnsure.some((s) => s.startsWith(`${u.report_id}|${u.key}|`) && s.includes(String(u.reason)))).toBe(true);
    const reports = new Set(truth.map((t) => t.report_id));
    expect(await v.page.textContent('[data-count="reports"]')).toBe(String(reports.size));
    // The question "which reports break a rule" has its answer in one sentence.
    const named = await v.page.$$eval('[data-broken-reports] a', (as) => as.map((a) => a.getAttribute('data-report-id')));
    expect(named.sort()).toEqual([...reports].sort());

    // A link opens that unit's profile at that year, with the finding shown there.
    const first = rows[0];
    await v.page.click(`table[data-table="findings"] a[href="${first.href}"] >> nth=0`);
    await v.page.waitForSelector(`dl[data-report-id="${first.report_id}"]`, { timeout: 45_000 });
    expect(await v.page.$$eval('table[data-findings] .msg', (els) => els.map((e) => e.textContent))).toContain(first.message);
    expectClean(v);
  });

  it('filters by rule, table, unit and year, with the filter in the URL', async () => {
    const v = await go('/quality');
    await v.page.selectOption('[data-filter="rule"]', '7');
    await v.page.waitForURL(/rule=7/);
    const r7 = await suite.db.rows('SELECT report_id, message FROM findings WHERE rule = 7');
    await expect.poll(async () => (await listed(v)).length).toBe(r7.length);
    expect((await listed(v)).every((r) => r.rule === 7)).toBe(true);
    await v.page.reload();
    await v.page.waitForSelector('section[data-ready="true"]', { timeout: 45_000 });
    expect((await listed(v)).length).toBe(r7.length);
    expect(await v.page.inputValue('[data-filter="rule"]')).toBe('7');

    const [p] = await suite.db.rows("SELECT unit_key FROM reports WHERE report_id = 'pingtan-2020'");
    const qs = new URLSearchParams({ tbl: 't3', unit: String(p.unit_key), year: '2020' });
    const w = await go(`/quality?${qs}`);
    const t3 = await suite.db.rows(`SELECT f.message FROM findings f JOIN reports r USING (report_id)
      WHERE f.tbl = 't3' AND r.unit_key = '${p.unit_key}' AND r.year = 2020`);
    expect((await listed(w)).map((r) => r.message).sort()).toEqual(t3.map((t) => t.message).sort());
    expectClean(v);
    expectClean(w);
  });
});
