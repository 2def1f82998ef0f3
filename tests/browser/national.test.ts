/**
 * 全国 in Chromium: the dataset's figures by place from its tiers, drilled from the whole country
 * to a county's bodies (its province's partition fetched only then), every figure checked
 * against the reports themselves in Node DuckDB.
 */
import { describe, expect, it } from 'vitest';
import { foreignRequests, siteSuite, waitForDataset, type Visit } from './site';
import { chartOption } from './views';

describe('全国 in Chromium', () => {
  const suite = siteSuite();
  const tierRequests = (v: Visit) => v.page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.includes('/tiers/')));

  async function open(path: string) {
    const v = await suite.go(path);
    await v.page.waitForSelector('table[data-table="national"]', { timeout: 30_000 });
    await waitForDataset(v.page, 'national');
    return v;
  }
  const table = (v: Visit) => v.page.$$eval('tr[data-place]', (trs) => trs.map((tr) => [tr.querySelector('th')!.textContent!.trim(), tr.querySelector('td')!.textContent!.trim()]));

  it('draws the provinces of the latest year with what their reports received, and fetches no province\'s detail', async () => {
    const v = await open('/national');
    const [{ y }] = await suite.db.rows('SELECT max(year) AS y FROM reports');
    const want = await suite.db.rows(`SELECT province_code AS p, sum(apps__new__total) AS n FROM reports WHERE year = ${Number(y)} AND province_code IS NOT NULL GROUP BY 1 ORDER BY n DESC`);
    expect(want.length).toBeGreaterThan(0);
    const o = await chartOption(v.page, 'national');
    const source = o.dataset[0].source as { label: string[]; value: number[] };
    expect([...source.value].reverse()).toEqual(want.map((w) => Number(w.n)));
    const NAME: Record<string, string> = { 23: '黑龙江省', 31: '上海市', 32: '江苏省', 35: '福建省' };
    expect([...source.label].reverse()).toEqual(want.map((w) => NAME[String(w.p)]));
    expect((await table(v)).map((r) => Number(r[1].replace(/,/g, '')))).toEqual(want.map((w) => Number(w.n)));
    expect((await tierRequests(v)).some((p) => p.includes('/detail/'))).toBe(false);
    expect(foreignRequests(v)).toEqual([]);
  });

  it('drills 江苏省 → 淮安市 → 洪泽区 by its links, then lists the county\'s bodies from the province\'s partition', async () => {
    const v = await open('/national?year=2024');
    await v.page.click('tr[data-place="32"] a');
    await v.page.waitForSelector('tr[data-place="3208"]');
    const cities = await suite.db.rows(`SELECT left(division_code, 4) AS c, sum(apps__new__total) AS n FROM reports WHERE year = 2024 AND province_code = '32' AND length(division_code) >= 4 GROUP BY 1 ORDER BY n DESC`);
    expect(await table(v)).toEqual(cities.map((c) => [c.c === '3208' ? '淮安市' : expect.any(String), Number(c.n).toLocaleString('zh-CN')]));
    await v.page.click('tr[data-place="3208"] a');
    await v.page.waitForSelector('tr[data-place="320813"]');
    await v.page.click('tr[data-place="320813"] a');
    await v.page.waitForSelector('[data-crumb="320813"][aria-current="page"]');
    await v.page.waitForFunction(() => document.querySelectorAll('tr[data-place]').length > 0 && !document.querySelector('tr[data-place="320813"]'));
    const bodies = await suite.db.rows(`SELECT unit, apps__new__total AS n FROM reports WHERE year = 2024 AND starts_with(division_code, '320813') ORDER BY n DESC`);
    expect(await table(v)).toEqual(bodies.map((b) => [b.unit, Number(b.n).toLocaleString('zh-CN')]));
    expect(await tierRequests(v)).toContain('/data/tiers/detail/province=32.arrow');
    expect(new URL(v.page.url()).searchParams.get('at')).toBe('320813');
  });
});
