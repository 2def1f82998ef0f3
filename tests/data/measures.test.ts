import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ROWS, keyColumn } from '../../src/lib/format';
import { MEASURES, measuresByReportSql, whereClause, type MeasureId } from '../../src/lib/data/measures';
import { coverageSql, headlineSql, levelsSql, totalsSql } from '../../src/lib/data/overview';
import { summarize, type HeadlineRow, type SummaryInput } from '../../src/lib/data/summary';
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
  it('narrows by each field alone, and by none at all', () => {
    expect(whereClause()).toBe('');
    expect(whereClause({ yearTo: 2022.9 })).toBe('WHERE year <= 2022');
    expect(whereClause({ yearFrom: 2020, yearTo: 2021 })).toBe('WHERE year >= 2020 AND year <= 2021');
    expect(whereClause({ level: 'township' })).toBe("WHERE level = 'township'");
    // A division code is 2 to 12 digits and nothing else.
    expect(whereClause({ division: '350128' })).toBe("WHERE starts_with(division_code, '350128')");
    for (const bad of ['3', '1234567890123', 'x32', '32x', '32 ']) expect(() => whereClause({ division: bad }), bad).toThrow(/bad division code/);
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

  it('filters reports by year and division as a user picks them (corpus: four reports of 2024, two of 淮安 3208)', async () => {
    const y2024 = await db.rows(measuresByReportSql(['received'], { yearFrom: 2024, yearTo: 2024 }));
    expect(y2024.map((r) => [r.unit, r.received])).toEqual([
      ['上海市科委', 34], ['平潭综合实验区', 218], ['淮安市人民政府', 3119], ['淮安市洪泽区人民政府', 95],
    ]);
    const huaian = await db.rows(measuresByReportSql(['handled'], { division: '3208', level: 'county' }));
    expect(huaian.map((r) => [r.unit, r.year, r.handled])).toEqual([['洪泽区人民政府', 2023, 21], ['淮安市洪泽区人民政府', 2024, 95]]);
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

  // From the answer keys (../shared/corpus/gold): 收到 apps.new.total, 办理 apps.total.total,
  // 公开率 (予以公开 + 部分公开) / 办理. 柴河镇 handled none: its rate is null, not 0.
  const HEADLINE: Record<string, [number, number, number | null]> = {
    'chaihe-2020': [0, 0, null],
    'pingtan-2019': [23, 23, (7 + 1) / 23],
    'pingtan-2020': [21, 21, (7 + 6) / 21],
    'pingtan-2021': [70, 69, (30 + 5) / 69],
    'pingtan-2022': [74, 75, (21 + 9) / 75],
    'pingtan-2023': [81, 81, (22 + 20) / 81],
    'pingtan-2024': [218, 218, (71 + 29) / 218],
    'pingtan-2025': [154, 148, (33 + 38) / 148],
    'huaian-hongze-2023': [21, 21, (0 + 4) / 21],
    'huaian-hongze-2024': [95, 95, (50 + 9) / 95],
    'huaian-city-2024': [3119, 3050, (1362 + 454) / 3050],
    'shuyang-fgj-2023': [26, 26, (26 + 0) / 26],
    'shanghai-stcsm-2024': [34, 35, (9 + 0) / 35],
  };
  const expectHeadline = (rows: readonly Row[] | readonly HeadlineRow[]) => {
    expect(rows.map((r) => r.report_id).sort()).toEqual(Object.keys(HEADLINE).sort());
    for (const r of rows) {
      const [received, handled, rate] = HEADLINE[String(r.report_id)];
      expect([r.report_id, r.received, r.handled]).toEqual([r.report_id, received, handled]);
      if (rate === null) expect(r.disclosure_rate, String(r.report_id)).toBeNull();
      else expect(r.disclosure_rate, String(r.report_id)).toBeCloseTo(rate, 12);
    }
  };

  it('the headline (SQL and summarize) gives the answer keys’ figures', async () => {
    expectHeadline(await db.rows(headlineSql()));
    expectHeadline(summarize(reports as SummaryInput[]).headline);
  });

  it('coverage and totals (SQL and summarize) count the corpus’s six bodies, one across two title wordings', async () => {
    // 洪泽区人民政府 (2023) and 淮安市洪泽区人民政府 (2024) are one body; 13 reports, 2019–2025.
    const s = summarize(reports as SummaryInput[]);
    const [tot] = await db.rows(totalsSql());
    const years = [2019, 2020, 2021, 2022, 2023, 2024, 2025];
    expect(tot).toEqual({ units: 6, reports: 13, years });
    expect({ units: s.units, reports: s.reports, years: s.years }).toEqual({ units: 6, reports: 13, years });
    const levels = { county: 2, city: 1, township: 1, department: 2 };
    expect(Object.fromEntries((await db.rows(levelsSql())).map((r) => [r.level, r.units]))).toEqual(levels);
    expect(s.levels).toEqual(levels);
    const byReport = new Map(reports.map((r) => [`${r.unit}|${r.year}`, r.report_id]));
    for (const cov of [await db.rows(coverageSql()), s.coverage]) {
      const key = (unit: string, year: number) => cov.find((c) => byReport.get(`${c.unit}|${c.year}`) === byReport.get(`${unit}|${year}`))?.unit_key;
      expect(key('洪泽区人民政府', 2023)).toBeDefined();
      expect(key('洪泽区人民政府', 2023)).toBe(key('淮安市洪泽区人民政府', 2024));
      expect(key('淮安市人民政府', 2024)).not.toBe(key('淮安市洪泽区人民政府', 2024));
      // Rule 2 and rule 5 findings of the answer keys, and rule 6 (上年结转) across pingtan's years.
      const flagged = cov.filter((c) => c.status === 'findings').map((c) => byReport.get(`${c.unit}|${c.year}`)).sort();
      expect(flagged).toEqual(['huaian-hongze-2023', 'pingtan-2020', 'pingtan-2023', 'pingtan-2024', 'pingtan-2025']);
    }
  });
});
