import { describe, expect, it } from 'vitest';
import { siteSuite, type Visit } from './site';
import { expectClean, visitView } from './data-views';

type Shown = { unit: string; year: number; status: string; href: string | null };

describe('coverage view in Chromium', () => {
  const suite = siteSuite();

  async function go(path: string): Promise<Visit> {
    const v = await visitView(suite.server, path);
    suite.track(v);
    return v;
  }

  const cells = (v: Visit): Promise<Shown[]> => v.page.$$eval('td[data-unit-key]', (tds) => tds.map((td) => ({
    unit: td.getAttribute('data-unit-key')!, year: Number(td.getAttribute('data-year')), status: td.getAttribute('data-status')!,
    href: td.querySelector('a')?.getAttribute('href') ?? null })));

  async function expectMatches(shown: Shown[], where: string) {
    const truth = await suite.db.rows(`SELECT unit_key, year, n_findings FROM reports ${where}`);
    const units = new Set(truth.map((t) => t.unit_key));
    const [span] = await suite.db.rows(`SELECT min(year) AS y0, max(year) AS y1 FROM reports ${where}`);
    const years = Number(span.y1) - Number(span.y0) + 1;
    expect(shown).toHaveLength(units.size * years);
    for (const s of shown) {
      const t = truth.find((x) => x.unit_key === s.unit && Number(x.year) === s.year);
      expect(s.status, `${s.unit} ${s.year}`).toBe(!t ? 'missing' : Number(t.n_findings) > 0 ? 'findings' : 'reported');
      if (t) {
        const href = new URL(s.href!, 'http://x/');
        expect([href.pathname, href.searchParams.get('u'), href.searchParams.get('y')]).toEqual(['/unit', s.unit, String(s.year)]);
      } else expect(s.href).toBeNull();
    }
  }

  it('shows units × years as the dataset holds them, each report linked to its profile', async () => {
    const v = await go('/coverage');
    await expectMatches(await cells(v), '');
    const link = (await cells(v)).find((c) => c.status === 'findings')!;
    await v.page.click(`td[data-unit-key="${link.unit}"][data-year="${link.year}"] a`);
    await v.page.waitForSelector('[data-findings]', { timeout: 45_000 });
    expect(await v.page.getAttribute(`button[data-year="${link.year}"]`, 'aria-pressed')).toBe('true');
    expectClean(v);
  });

  it('filters by level and division prefix, kept in the URL, and explains a malformed prefix', async () => {
    const v = await go('/coverage?level=county');
    await expectMatches(await cells(v), "WHERE level = 'county'");
    await v.page.fill('[data-filter="div"]', '3208');
    await v.page.click('[data-apply]');
    await v.page.waitForURL(/div=3208/);
    const both = await suite.db.rows("SELECT DISTINCT unit_key FROM reports WHERE level = 'county' AND starts_with(division_code, '3208')");
    // The unfiltered matrix may come from the build's answers; a new prefix waits for DuckDB's boot.
    await expect.poll(async () => new Set((await cells(v)).map((c) => c.unit)).size, { timeout: 45_000 }).toBe(both.length);
    await expectMatches(await cells(v), "WHERE level = 'county' AND starts_with(division_code, '3208')");
    await v.page.selectOption('[data-filter="level"]', '');
    await v.page.waitForURL((u) => !u.search.includes('level='));
    await expect.poll(async () => new Set((await cells(v)).map((c) => c.unit)).size).toBe(
      (await suite.db.rows("SELECT DISTINCT unit_key FROM reports WHERE starts_with(division_code, '3208')")).length);
    await v.page.fill('[data-filter="div"]', '江苏');
    await v.page.click('[data-apply]');
    await v.page.waitForSelector('[role="alert"]');
    expect(await v.page.textContent('[role="alert"]')).toContain('行政区划代码前缀');
    expectClean(v);
  });
});
