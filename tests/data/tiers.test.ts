/**
 * The national view's tiers as the shipped dataset holds them (data/tiers/, written by `npm run
 * data` through src/cli/tiers.ts), checked against the reports themselves: every province, city
 * and county × year sums what its reports say, a province's detail partition holds its reports,
 * and every region has its name.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_DIR } from '../support/dataset';
import { openNodeDuckDB, type NodeDuckDB } from '../support/node-duckdb';

const tier = (f: string) => tableFromIPC(readFileSync(join(DATA_DIR, 'tiers', f))).toArray().map((r) => r.toJSON() as Record<string, unknown>);
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

describe('the shipped dataset\'s tiers', () => {
  let db: NodeDuckDB;
  beforeAll(async () => { db = await openNodeDuckDB(); });
  afterAll(() => db?.close());

  it.each([['province', 2], ['city', 4], ['county', 6]] as const)('rollup-%s: each region × year sums its reports', async (name, digits) => {
    const want = await db.rows(`SELECT left(division_code, ${digits}) AS code, year, count(*) AS reports,
      sum(apps__new__total) AS received, sum(apps__total__total) AS handled, sum(apps__granted__total) AS granted
      FROM reports WHERE length(division_code) >= ${digits} GROUP BY ALL ORDER BY code, year`);
    const got = tier(`rollup-${name}.arrow`);
    expect(want.length).toBeGreaterThan(0);
    expect(got.map((r) => [r.code, r.year, r.reports, r.received, r.handled, r.granted].map(num).map((v, i) => (i === 0 ? r.code : v))))
      .toEqual(want.map((r) => [r.code, num(r.year), num(r.reports), num(r.received), num(r.handled), num(r.granted)]));
  });

  it('each province\'s detail partition holds its reports, one row each, with the body\'s figures', async () => {
    const files = readdirSync(join(DATA_DIR, 'tiers', 'detail')).filter((f) => f.endsWith('.arrow'));
    const provinces = await db.rows(`SELECT province_code AS p, count(*) AS n FROM reports WHERE province_code IS NOT NULL GROUP BY 1 ORDER BY 1`);
    expect(files.sort()).toEqual(provinces.map((p) => `province=${p.p}.arrow`));
    for (const p of provinces) {
      const rows = tier(`detail/province=${p.p}.arrow`);
      expect(rows).toHaveLength(Number(p.n));
      const want = await db.rows(`SELECT report_id, apps__new__total AS received FROM reports WHERE province_code = '${p.p}' ORDER BY report_id`);
      expect(rows.map((r) => [r.report_id, num(r.received)]).sort()).toEqual(want.map((r) => [r.report_id, num(r.received)]).sort());
    }
  });

  it('names every region of the rollups in Chinese', () => {
    const names = JSON.parse(readFileSync(join(DATA_DIR, 'tiers', 'names.json'), 'utf8')) as Record<string, string>;
    const codes = new Set(['province', 'city', 'county'].flatMap((l) => tier(`rollup-${l}.arrow`).map((r) => r.code as string)));
    for (const c of codes) expect(names[c], c).toMatch(/^[\u4e00-\u9fff]+$/);
    expect(names['32']).toBe('江苏省');
    expect(names['3208']).toBe('淮安市');
  });
});
