import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ROWS, keyColumn } from '../../src/lib/format';
import { MEASURES, measuresByReportSql, whereClause, type MeasureId } from '../../src/lib/data/measures';
import { coverageSql, headlineSql, levelsSql, totalsSql } from '../../src/lib/data/overview';
import { summarize, type SummaryInput } from '../../src/lib/data/summary';
import { requireData } from '../support/dataset';
import { openNodeDuckDB, type NodeDuckDB } from '../support/node-duckdb';

type Row = Record<string, unknown>;
const v = (r: Row, key: string): number | null => {
  const x = r[keyColumn(key)];
  return typeof x === 'number' ? x : null;
};
/** The spec's definitions, written out again in plain JS to check the SQL against. */
const addAll = (r: Row, keys: string[]): number | null =>
  keys.reduce<number | null>((s, k) => (s === null || v(r, k) === null ? null : s + (v(r, k) as number)), 0);
const div = (n: number | null, d: number | null): number | null => (n === null || d === null || d === 0 ? null : n / d);
const subRows = (g: string) => APP_ROWS.filter((a) => a.group === g && /^\d/.test(a.label)).map((a) => `apps.${a.row}.total`);

const EXPECTED: Record<MeasureId, (r: Row) => number | null> = {
  received: (r) => v(r, 'apps.new.total'),
  handled: (r) => v(r, 'apps.total.total'),
  disclosure_rate: (r) => div(addAll(r, ['apps.granted.total', 'apps.partial.total']), v(r, 'apps.total.total')),
  denied: (r) => addAll(r, subRows('denied')),
  unavailable: (r) => addAll(r, subRows('unavailable')),
  rejected: (r) => addAll(r, subRows('rejected')),
  review_correction_rate: (r) => {
    const t = v(r, 'review.total'), p = v(r, 'review.pending');
    return div(v(r, 'review.corrected'), t === null || p === null ? null : t - p);
  },
  litigation: (r) => addAll(r, ['suit_direct.total', 'suit_after_review.total']),
  procurement_items: (r) => v(r, 't2.procurement.items'),
  procurement_amount: (r) => v(r, 't2.procurement.amount_yuan'),
  granted: (r) => v(r, 'apps.granted.total'),
  partial: (r) => v(r, 'apps.partial.total'),
  other_handling: (r) => v(r, 'apps.other.total'),
  received_natural: (r) => v(r, 'apps.new.natural'),
  received_org: (r) => addAll(r, ['commercial', 'research', 'nonprofit', 'legal', 'other_org'].map((c) => `apps.new.${c}`)),
};
const IDS = Object.keys(MEASURES) as MeasureId[];

describe('measure SQL text', () => {
  it('names sub-rows from the canonical keys', () => {
    expect(subRows('denied')).toHaveLength(8);
    expect(subRows('unavailable')).toHaveLength(3);
    expect(subRows('rejected')).toHaveLength(5);
    for (const k of subRows('denied')) expect(MEASURES.denied.sql).toContain(`"${keyColumn(k)}"`);
  });
  it('guards every ratio with NULLIF', () => {
    expect(MEASURES.disclosure_rate.sql).toContain('NULLIF');
    expect(MEASURES.review_correction_rate.sql).toContain('NULLIF');
  });
  it('builds filters on the division code and refuses anything that is not one', () => {
    expect(whereClause({ division: '3208', level: 'county', yearFrom: 2021 })).toBe(
      "WHERE level = 'county' AND starts_with(division_code, '3208') AND year >= 2021",
    );
    expect(() => whereClause({ division: "32'; DROP" })).toThrow();
  });
});

describe('measure SQL over the dataset', () => {
  let db: NodeDuckDB;
  let reports: Row[];
  beforeAll(async () => {
    requireData();
    db = await openNodeDuckDB();
    reports = await db.rows('SELECT * FROM reports ORDER BY report_id');
  });
  afterAll(() => db?.close());

  it.each(IDS)('%s equals the spec definition for every report', async (id) => {
    const got = await db.rows(measuresByReportSql([id]));
    const byId = new Map(got.map((r) => [r.report_id, r[id]]));
    expect(byId.size).toBe(reports.length);
    for (const r of reports) {
      const want = EXPECTED[id](r);
      const have = byId.get(r.report_id) as number | null;
      if (want === null) expect(have, `${id} of ${r.report_id}`).toBeNull();
      else expect(have, `${id} of ${r.report_id}`).toBeCloseTo(want, 9);
    }
  });

  it('gives null, never 0 or NaN, for a ratio over 0 or null and for a sum with a null part', async () => {
    await db.conn.run('CREATE OR REPLACE TEMP TABLE edge AS SELECT * FROM reports LIMIT 0');
    const c = (k: string) => `"${keyColumn(k)}"`;
    await db.conn.run(`INSERT INTO edge (report_id, unit, year, ${c('apps.granted.total')}, ${c('apps.partial.total')},
      ${c('apps.total.total')}, ${c('review.corrected')}, ${c('review.total')}, ${c('review.pending')},
      ${c('suit_direct.total')}, ${c('suit_after_review.total')})
      VALUES ('zero', 'u', 2021, 0, 0, 0, 0, 3, 3, 1, NULL), ('nulls', 'u', 2022, NULL, 1, NULL, 1, NULL, 0, 2, 3)`);
    const got = await db.rows(measuresByReportSql(['disclosure_rate', 'review_correction_rate', 'litigation'], {}, 'edge'));
    expect(got.map((r) => [r.report_id, r.disclosure_rate, r.review_correction_rate, r.litigation])).toEqual([
      ['zero', null, null, null],
      ['nulls', null, null, 5],
    ]);
  });

  it('headline and coverage agree with summarize() of the same rows', async () => {
    const s = summarize(reports as SummaryInput[]);
    const head = await db.rows(headlineSql());
    expect(head.map((r) => [r.report_id, r.received, r.handled])).toEqual(
      s.headline.map((h) => [h.report_id, h.received, h.handled]),
    );
    head.forEach((r, i) => {
      const want = s.headline[i].disclosure_rate;
      if (want === null) expect(r.disclosure_rate).toBeNull();
      else expect(r.disclosure_rate).toBeCloseTo(want, 12);
    });
    const cov = await db.rows(coverageSql());
    expect(cov.map((r) => [r.unit_key, r.unit, r.year, r.status])).toEqual(s.coverage.map((c) => [c.unit_key, c.unit, c.year, c.status]));
    const [tot] = await db.rows(totalsSql());
    expect(tot).toEqual({ units: s.units, reports: s.reports, years: s.years });
    const lv = await db.rows(levelsSql());
    expect(Object.fromEntries(lv.map((r) => [r.level, r.units]))).toEqual(s.levels);
  });
});
