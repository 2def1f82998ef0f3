import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetSummary } from '../../src/lib/data/summary';
import { KEY_INFO } from '../../src/lib/format';
import { coverageRecordsSql, divisionError, matrix, statusOf, yearSpan, type CoverageRecord } from '../../src/lib/coverage/model';
import { filterFindings, filterUncertain, QUALITY_DEFAULTS, unitHref, type FindingRow, type UncertainRow } from '../../src/lib/quality/model';
import { allFindingsSql, allUncertainSql } from '../../src/lib/unit/sql';
import { requireData } from '../support/dataset';
import { openNodeDuckDB, type NodeDuckDB } from '../support/node-duckdb';

describe('coverage and quality over the dataset', () => {
  let db: NodeDuckDB;
  beforeAll(async () => {
    requireData();
    db = await openNodeDuckDB();
  });
  afterAll(() => db?.close());

  it('puts every report in its unit’s row and year, findings marked', async () => {
    const records = (await db.rows(coverageRecordsSql())) as unknown as CoverageRecord[];
    const rows = matrix(records);
    const [t] = await db.rows('SELECT count(DISTINCT unit_key) AS units, count(*) AS reports, min(year) AS y0, max(year) AS y1 FROM reports');
    expect(rows).toHaveLength(Number(t.units));
    expect(rows.reduce((s, r) => s + r.byYear.size, 0)).toBe(Number(t.reports));
    expect(yearSpan(records)).toEqual(Array.from({ length: Number(t.y1) - Number(t.y0) + 1 }, (_, i) => Number(t.y0) + i));
    const withFindings = await db.rows('SELECT unit_key, year FROM reports WHERE n_findings > 0');
    for (const f of withFindings) expect(statusOf(rows.find((r) => r.unit_key === f.unit_key)?.byYear.get(Number(f.year)))).toBe('findings');
  });

  it('the overview’s matrix (from summary.json) and 覆盖’s (from DuckDB) list the same bodies in the same order', async () => {
    const records = (await db.rows(coverageRecordsSql())) as unknown as CoverageRecord[];
    const summary = JSON.parse(readFileSync('data/summary.json', 'utf8')) as DatasetSummary;
    const overview = matrix(summary.coverage).map((r) => [r.unit_key, r.unit]);
    expect(overview).toEqual(matrix(records).map((r) => [r.unit_key, r.unit]));
    // Chinese (pinyin) collation of the latest title: chai, huai an hong, huai an ren, ping, shang, shu.
    expect(overview.map(([, u]) => u)).toEqual(['柴河镇人民政府', '淮安市洪泽区人民政府', '淮安市人民政府', '平潭综合实验区', '上海市科委', '沭阳县发展和改革局']);
  });

  it('filters by level and division prefix in SQL', async () => {
    const county = (await db.rows(coverageRecordsSql({ level: 'county' }))) as unknown as CoverageRecord[];
    const [n] = await db.rows("SELECT count(*) AS n FROM reports WHERE level = 'county'");
    expect(county).toHaveLength(Number(n.n));
    const js = (await db.rows(coverageRecordsSql({ division: '32' }))) as unknown as CoverageRecord[];
    expect(js.length).toBeGreaterThan(0);
    expect(js.every((r) => r.division_code?.startsWith('32'))).toBe(true);
    expect(divisionError('32')).toBeNull();
    expect(divisionError('')).toBeNull();
    expect(divisionError('江苏')).toMatch(/数字/);
  });

  it('filters findings and uncertain cells the way SQL would', async () => {
    const all = (await db.rows(allFindingsSql())) as unknown as FindingRow[];
    const unc = (await db.rows(allUncertainSql())) as unknown as UncertainRow[];
    const [c] = await db.rows('SELECT count(*) AS f FROM findings');
    const [u] = await db.rows('SELECT count(*) AS u FROM cells WHERE uncertain');
    expect(all).toHaveLength(Number(c.f));
    expect(unc).toHaveLength(Number(u.u));
    const tableOf = (k: string) => KEY_INFO.get(k)?.table ?? '';
    for (const rule of [1, 2, 3, 4, 5, 6, 7]) {
      const [n] = await db.rows(`SELECT count(*) AS n FROM findings WHERE rule = ${rule}`);
      expect(filterFindings(all, { ...QUALITY_DEFAULTS, rule }), `rule ${rule}`).toHaveLength(Number(n.n));
      expect(filterUncertain(unc, { ...QUALITY_DEFAULTS, rule }, tableOf)).toEqual([]);
    }
    const t4 = filterFindings(all, { ...QUALITY_DEFAULTS, tbl: 't4', year: 2023 });
    const [n4] = await db.rows("SELECT count(*) AS n FROM findings f JOIN reports r USING (report_id) WHERE f.tbl = 't4' AND r.year = 2023");
    expect(t4).toHaveLength(Number(n4.n));
    expect(filterUncertain(unc, { ...QUALITY_DEFAULTS, tbl: 't3' }, tableOf)).toHaveLength(unc.filter((x) => x.key.startsWith('apps.')).length);
    expect(unitHref('350128|平潭综合实验区', 2020)).toBe('/unit?u=350128%7C%E5%B9%B3%E6%BD%AD%E7%BB%BC%E5%90%88%E5%AE%9E%E9%AA%8C%E5%8C%BA&y=2020');
  });
});
