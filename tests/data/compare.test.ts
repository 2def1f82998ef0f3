import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG, findMeasure, templateNote } from '../../src/lib/compare/catalog';
import { describeFilter, divisionOptions, matches, type UnitFilter } from '../../src/lib/compare/filter';
import { namesFrom } from '../../src/lib/compare/names';
import { pivot, unitsFrom, type UnitInfo } from '../../src/lib/compare/pivot';
import { procurementSentence, procurementYears } from '../../src/lib/compare/procurement';
import { reportRows } from '../../src/lib/compare/reports';
import { APPLICANT_KEYS, OUTCOMES, applicationsSql, keysOf, uncertainSql, measureSql, outcomesSql, procurementSql, reviewSql, unitsSql } from '../../src/lib/compare/sql';
import { chosenYears, focusYear } from '../../src/lib/compare/state';
import { loadDivisions } from '../../src/lib/divisions/load';
import { ALL_KEYS, keyColumn } from '../../src/lib/format';
import { requireData } from '../support/dataset';
import { openNodeDuckDB, type NodeDuckDB } from '../support/node-duckdb';

type Row = Record<string, unknown>;
const NONE: UnitFilter = { q: '', level: '', province: '', city: '', county: '', town: '' };

describe('comparison SQL over the dataset', () => {
  let db: NodeDuckDB;
  let reports: Row[];
  let units: UnitInfo[];
  beforeAll(async () => {
    requireData();
    db = await openNodeDuckDB();
    reports = await db.rows('SELECT * FROM reports ORDER BY unit_key, year, report_id');
    units = unitsFrom(await db.query(unitsSql()));
  });
  afterAll(() => db?.close());

  it('lists each body once, with every title it reported under and its years', () => {
    const keys = [...new Set(reports.map((r) => r.unit_key as string))].sort();
    expect(units.map((u) => u.key).sort()).toEqual(keys);
    for (const u of units) {
      const own = reports.filter((r) => r.unit_key === u.key);
      expect(u.titles.sort()).toEqual([...new Set(own.map((r) => r.unit as string))].sort());
      expect(u.years).toEqual([...new Set(own.map((r) => r.year as number))].sort());
    }
  });

  it('finds a body by part of any of its titles or of its division name', () => {
    const hongze = units.filter((u) => matches(u, { ...NONE, q: '洪泽' }));
    const truth = new Set(reports.filter((r) => String(r.unit).includes('洪泽') || String(r.division_name).includes('洪泽')).map((r) => r.unit_key));
    expect(hongze.map((u) => u.key).sort()).toEqual([...truth].sort());
    // Both titles of the one body are what the list shows.
    const titles = new Set(reports.filter((r) => String(r.unit).includes('洪泽')).map((r) => r.unit));
    expect(titles.size).toBeGreaterThan(1);
    expect(new Set(hongze.flatMap((u) => u.titles))).toEqual(titles);
    expect(units.filter((u) => matches(u, { ...NONE, q: '不存在的单位' }))).toEqual([]);
  });

  it('filters by division codes and level, and names the places in Chinese', () => {
    const names = namesFrom(loadDivisions());
    for (const f of [{ province: '32' }, { province: '32', city: '3208' }, { county: '350128' }, { level: 'county' }]) {
      const want = reports.filter((r) => Object.entries(f).every(([k, v]) => r[k === 'province' ? 'province_code' : k === 'city' ? 'city_code' : k === 'county' ? 'county_code' : k] === v));
      const got = units.filter((u) => matches(u, { ...NONE, ...f }));
      expect(got.map((u) => u.key).sort(), JSON.stringify(f)).toEqual([...new Set(want.map((r) => r.unit_key))].sort());
    }
    const menus = divisionOptions(units, { ...NONE, province: '32' }, names);
    expect(menus.provinces.find((o) => o.value === '32')?.label).toBe('江苏省');
    expect(menus.cities.map((o) => o.label)).toContain('淮安市');
    expect(menus.cities.every((o) => o.value.startsWith('32'))).toBe(true);
    expect(describeFilter({ ...NONE, city: '3208', level: 'county' }, names, [2023, 2024])).toBe('淮安市 · 县级 · 2023—2024 年');
  });

  it('gives every catalogue measure per report exactly as the raw columns say', async () => {
    const keys = new Set(CATALOG.flatMap((g) => g.measures.map((m) => m.id)));
    for (const k of ALL_KEYS) expect(keys.has(k), k).toBe(true);
    for (const id of ['received', 'apps.new.natural', 'review.corrected', 't2.fees.amount_yuan']) {
      const m = findMeasure(id)!;
      const got = await db.rows(measureSql(m.sql, null));
      const col = id === 'received' ? 'apps__new__total' : keyColumn(id);
      expect(got.map((r) => [r.report_id, r.value])).toEqual(reports.map((r) => [r.report_id, r[col] ?? null]));
    }
    expect(templateNote(findMeasure('t2.procurement.items')!)).toContain('2019 年版');
    expect(templateNote(findMeasure('received')!)).toBeNull();
  });

  it('selects only the chosen bodies, and nothing for an empty choice', async () => {
    const one = units[0].key;
    const got = await db.rows(measureSql(findMeasure('received')!.sql, [one]));
    expect(new Set(got.map((r) => r.unit_key))).toEqual(new Set([one]));
    expect(await db.rows(measureSql('1', []))).toEqual([]);
    // Quotes in a key cannot break out of the literal.
    expect(await db.rows(measureSql('1', ["x' OR '1'='1"]))).toEqual([]);
  });

  it('keeps 未报告 apart from 表格无此项 in the pivot', async () => {
    const m = findMeasure('t2.procurement.items')!;
    const years = [...new Set(reports.map((r) => r.year as number))].sort();
    const p = pivot(await db.query(measureSql(m.sql, null)), units, years, m.templates);
    p.units.forEach((u, i) => years.forEach((y, j) => {
      const r = reports.find((x) => x.unit_key === u.key && x.year === y);
      const v = p.values[i][j];
      if (!r) expect(v).toBeUndefined();
      else if (r.template !== '2019') expect(v).toBe('absent');
      else expect(v).toBe(r.t2__procurement__items ?? null);
    }));
  });

  it('gives the outcome, applicant, review and procurement columns of each report', async () => {
    const sums = (r: Row, cols: string[]) => cols.reduce<number | null>((s, c) => (s === null || r[c] === null ? null : s + (r[c] as number)), 0);
    const apps = await db.rows(applicationsSql(null));
    const outs = await db.rows(outcomesSql(null));
    reports.forEach((r, i) => {
      expect(apps[i].received_natural).toBe(r.apps__new__natural);
      expect(apps[i].received_org).toBe(sums(r, APPLICANT_KEYS.filter((k) => !/natural|total/.test(k)).map(keyColumn)));
      expect(outs[i].granted).toBe(r.apps__granted__total);
      expect(outs[i].other).toBe(r.apps__other__total);
      expect(outs[i].handled).toBe(r.apps__total__total);
    });
    expect(OUTCOMES.map((o) => o.label)).toEqual(['予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他处理']);
    const rev = await db.rows(reviewSql(null));
    reports.forEach((r, i) => expect(rev[i].review__corrected).toBe(r.review__corrected));
    const proc = await db.query(procurementSql(null));
    const years = procurementYears(proc, units);
    for (const p of years) {
      const own = reports.filter((r) => r.unit_key === p.key);
      expect(p.reported).toEqual(own.filter((r) => r.t2__procurement__items !== null || r.t2__procurement__amount_yuan !== null).map((r) => r.year));
      expect(p.noItem).toEqual(own.filter((r) => r.template === '2021').map((r) => r.year));
    }
    const pingtan = years.find((p) => p.label.includes('平潭'))!;
    expect(procurementSentence(pingtan)).toMatch(/^平潭综合实验区：2019、2020 年报告了政府集中采购；/);
  });

  it('finds the uncertain cells a measure reads, for the chosen bodies only', async () => {
    expect(keysOf(findMeasure('disclosure_rate')!.sql).sort()).toEqual(['apps.granted.total', 'apps.partial.total', 'apps.total.total']);
    const all = await db.rows("SELECT c.report_id, c.key, c.reason, r.unit_key FROM cells c JOIN reports r USING (report_id) WHERE c.uncertain");
    const keys = [...new Set(all.map((r) => r.key as string))];
    const got = await db.rows(uncertainSql(keys, null));
    expect(got.map((r) => [r.unit_key, r.key, r.reason]).sort()).toEqual(all.map((r) => [r.unit_key, r.key, r.reason]).sort());
    expect(await db.rows(uncertainSql(keys, []))).toEqual([]);
    expect(await db.rows(uncertainSql([], null))).toEqual([]);
  });

  it('lays report rows out in the chosen order and years only', async () => {
    const t = await db.query(applicationsSql(null));
    const chosen = [...units].reverse();
    const rows = reportRows(t, ['received'], chosen, [2024]);
    const want = chosen.flatMap((u) => reports.filter((r) => r.unit_key === u.key && r.year === 2024));
    expect(rows.reportIds).toEqual(want.map((r) => r.report_id));
    expect(rows.values.received).toEqual(want.map((r) => r.apps__new__total));
  });
});

describe('view state helpers', () => {
  it('reads years from the URL among those that exist; none means all', () => {
    expect(chosenYears(['2021', '1999'], [2020, 2021])).toEqual([2021]);
    expect(chosenYears([], [2020, 2021])).toEqual([2020, 2021]);
  });
  it('ranks the year asked for, else the one most bodies reported', () => {
    const us = [{ years: [2023, 2024] }, { years: [2024] }, { years: [2025] }];
    expect(focusYear(2023, [2023, 2024, 2025], us)).toBe(2023);
    expect(focusYear(0, [2023, 2024, 2025], us)).toBe(2024);
  });
});
