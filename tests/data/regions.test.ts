/**
 * The drill-down's sums by place and the coverage shares, run by DuckDB in Node over the shipped
 * parquet. Expected figures are written by hand from the 13 reports (data/reports.parquet):
 *   淮安市人民政府 (3208) 2024: received 3,119, handled 3,050, granted 1,362, partial 454
 *   淮安市洪泽区人民政府 (320813) 2023: 21 / 21 / 0 / 4; 2024: 95 / 95 / 50 / 9
 *   沭阳县发展和改革局 (321322) 2023: 26 / 26 / 26 / 0
 *   柴河镇人民政府 (231083104) 2020: received 0; 上海市科委 (31) 2024: 34
 *   平潭综合实验区 (350128) 2019–2025: received 23, 21, 70, 74, 81, 218, 154; procurement items 2019 135, 2020 395
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findMeasure } from '../../src/lib/compare/catalog';
import { childNoun, crumbs, drillRows, pickRows, REGION_LIST_MAX } from '../../src/lib/compare/drill';
import { NO_FILTER, placeOf, placeParams } from '../../src/lib/compare/filter';
import { namesFrom } from '../../src/lib/compare/names';
import { ranking } from '../../src/lib/compare/pivot';
import { regionMeasureSql, regionPivot, soleChild } from '../../src/lib/compare/regions';
import { regionCoverage, regionCoverageSql, share } from '../../src/lib/coverage/regions';
import { loadDivisions } from '../../src/lib/divisions/load';
import { ancestors, childLength } from '../../src/lib/divisions/path';
import { requireData } from '../support/dataset';
import { openNodeDuckDB, type NodeDuckDB } from '../support/node-duckdb';

const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025];
const m = (id: string) => findMeasure(id)!;

describe('sums by place (DuckDB over the shipped parquet)', () => {
  let db: NodeDuckDB;
  beforeAll(async () => {
    requireData();
    db = await openNodeDuckDB();
  });
  afterAll(() => db?.close());

  const pivotOf = async (id: string, prefix: string, level = '') =>
    regionPivot(await db.query(regionMeasureSql(m(id), { prefix, level })), YEARS, (code, unit) => code ?? `unit:${unit}`);
  const at = (p: Awaited<ReturnType<typeof pivotOf>>, key: string, year: number) =>
    p.pivot.values[p.pivot.units.findIndex((u) => u.key === key)]?.[YEARS.indexOf(year)];

  it('sums a count per province; a province without a report that year has no figure (无此年报), not 0', async () => {
    const p = await pivotOf('received', '');
    expect(p.pivot.units.map((u) => u.key)).toEqual(['23', '31', '32', '35']);
    expect(at(p, '32', 2024)).toBe(3119 + 95);
    expect(at(p, '32', 2023)).toBe(21 + 26);
    expect(at(p, '35', 2024)).toBe(218);
    expect(at(p, '23', 2020)).toBe(0); // a real 0 stays 0
    expect(at(p, '23', 2024)).toBeUndefined();
    expect(at(p, '32', 2019)).toBeUndefined();
    expect(p.rows.find((r) => r.key === '32')!.counts.get(2024)).toEqual({ units: 2, valued: 2 });
  });

  it('goes on by itself only through a place with one child place and no body of its own', async () => {
    const sole = async (prefix: string) => soleChild(await db.query(regionMeasureSql(m('received'), { prefix, level: '' })));
    expect(await sole('')).toBeNull(); // four provinces
    expect(await sole('32')).toBeNull(); // 淮安市 and 宿迁市
    expect(await sole('35')).toBe('3501'); // 平潭 alone, under 福州市
    expect(await sole('3501')).toBe('350128');
    expect(await sole('350128')).toBeNull(); // 平潭 is a body at the county itself
    expect(await sole('31')).toBeNull(); // 上海市科委 sits at the province itself
  });

  it('recomputes a ratio from the summed parts, never the mean of the ratios', async () => {
    const p = await pivotOf('disclosure_rate', '32');
    // 淮安市 2024: (1362 + 454) / 3050 and 洪泽区 (50 + 9) / 95; together 1875 / 3145.
    expect(at(p, '3208', 2024)).toBeCloseTo(1875 / 3145, 12);
    expect(at(p, '3208', 2024)).not.toBeCloseTo(((1362 + 454) / 3050 + 59 / 95) / 2, 3);
    expect(at(p, '3208', 2023)).toBeCloseTo(4 / 21, 12);
    expect(at(p, '3213', 2023)).toBe(1);
  });

  it('goes down a level: a city lists its counties and, apart, the bodies at the city itself', async () => {
    const p = await pivotOf('received', '3208');
    expect(p.pivot.units.map((u) => u.key)).toEqual(['320813', 'unit:3208|人民政府']);
    expect(at(p, '320813', 2024)).toBe(95);
    expect(at(p, 'unit:3208|人民政府', 2024)).toBe(3119);
    expect(at(p, 'unit:3208|人民政府', 2023)).toBeUndefined();
    // Under a township there are only bodies.
    const town = await pivotOf('received', '231083104');
    expect(town.pivot.units.map((u) => u.key)).toEqual(['unit:231083104|柴河镇人民政府']);
  });

  it('keeps 表格无此项 and a level filter apart from the sums', async () => {
    const p = await pivotOf('procurement_items', '');
    expect(at(p, '35', 2019)).toBe(135);
    expect(at(p, '35', 2020)).toBe(395);
    expect(at(p, '35', 2021)).toBe('absent'); // the 2021 form has no such row
    expect(at(p, '31', 2024)).toBe('absent');
    const county = await pivotOf('received', '32', 'county');
    expect(county.pivot.units.map((u) => u.key)).toEqual(['3208']);
    expect(at(county, '3208', 2024)).toBe(95);
  });

  it('counts the share of known bodies that reported, place × year', async () => {
    const top = regionCoverage(await db.query(regionCoverageSql({ prefix: '', level: '' })));
    const js = top.find((r) => r.code === '32')!;
    // 江苏: 淮安市, 洪泽区 and 沭阳县发改局 known; 2023 洪泽区 and 沭阳, 2024 淮安市 and 洪泽区.
    expect(js.known).toBe(3);
    expect(share(js, 2023)).toBeCloseTo(2 / 3, 12);
    expect(share(js, 2024)).toBeCloseTo(2 / 3, 12);
    expect(share(js, 2019)).toBeNull();
    expect(js.byYear.get(2023)).toEqual({ reported: 2, withFindings: 1 });
    expect(share(top.find((r) => r.code === '35')!, 2025)).toBe(1);
    const city = regionCoverage(await db.query(regionCoverageSql({ prefix: '3208', level: '' })));
    expect(city.map((r) => [r.code, r.known])).toEqual([['320813', 1], [null, 1]]);
    expect(share(city[1], 2024)).toBe(1);
    expect(share(city[1], 2023)).toBeNull();
  });
});

describe('the drill-down’s places and trail', () => {
  it('walks province → city → county → township in the code’s prefixes', () => {
    expect(childLength('')).toBe(2);
    expect(childLength('23')).toBe(4);
    expect(childLength('231083')).toBe(9);
    expect(childLength('231083104')).toBeNull();
    expect(ancestors('231083104')).toEqual(['23', '2310', '231083', '231083104']);
    expect(placeParams('231083104')).toEqual({ province: '23', city: '2310', county: '231083', town: '231083104' });
    expect(placeParams('3208')).toEqual({ province: '32', city: '3208', county: '', town: '' });
    expect(placeOf({ ...NO_FILTER, province: '32', city: '3208' })).toBe('3208');
    expect(placeOf(NO_FILTER)).toBe('');
    expect(childNoun('')).toBe('省份');
    expect(childNoun('231083')).toBe('乡镇/街道');
  });

  it('names every step from the division table, townships included', () => {
    const names = namesFrom(loadDivisions());
    expect(crumbs('231083104', names).map((c) => c.label)).toEqual(['全国', '黑龙江省', '牡丹江市', '海林市', '柴河镇']);
  });

  it('lists every place when few; past 30, the top and bottom N with the rest summarized', () => {
    const p = { units: [] as { key: string; label: string }[], years: [2024], values: [] as number[][], notes: [] as undefined[][] };
    for (let i = 1; i <= 40; i++) { p.units.push({ key: `r${i}`, label: `r${i}` }); p.values.push([i]); p.notes.push([undefined]); }
    const s = drillRows(ranking(p, 2024), 3);
    expect(REGION_LIST_MAX).toBe(30);
    expect(s.top.map((x) => x.row.key)).toEqual(['r40', 'r39', 'r38']);
    expect(s.bottom.map((x) => x.row.key)).toEqual(['r3', 'r2', 'r1']);
    expect(s.rest).toEqual({ count: 34, median: 20.5, min: 4, max: 37 });
    const few = drillRows(ranking(pickRows(p, ['r5', 'r9', 'r1']), 2024), 1);
    expect(few.top.map((x) => x.row.key)).toEqual(['r9', 'r5', 'r1']);
    expect(few.rest).toBeNull();
  });
});
