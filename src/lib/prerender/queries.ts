/**
 * The SQL each view sends for its default state and for the URL states a shared link most
 * often carries (one filter: a level, a province, a city or a county; one body; any measure of
 * 对比; any unit's profile; a level on 覆盖). The build answers these ahead of time. The SQL comes
 * from the views' own builders, so an answer is used only while the view still asks exactly
 * that; a view that changes its SQL just waits for DuckDB again.
 */
import type { Connector } from '../data/connector';
import { LEVEL_LABELS, type Level } from '../format';
import { CATALOG, findMeasure } from '../compare/catalog';
import { FOCUS_DRILL } from '../compare/state';
import { NO_FILTER, matches, type UnitFilter } from '../compare/filter';
import { unitsFrom } from '../compare/pivot';
import {
  PROCUREMENT_KEYS, REVIEW_KEYS, applicationsSql, keysOf, measureSql, outcomesSql, procurementSql, reviewSql,
  uncertainSql, unitsSql as compareUnitsSql,
} from '../compare/sql';
import { coverageRecordsSql } from '../coverage/model';
import { regionCoverageSql } from '../coverage/regions';
import { regionMeasureSql } from '../compare/regions';
import { ancestors, sharedPlace } from '../divisions/path';
import {
  allFindingsSql, allUncertainSql, unitCellsSql, unitFindingsSql, unitMeasuresSql, unitReportsSql, unitsSql as profileUnitsSql,
} from '../unit/sql';

const DEFAULT_MEASURE = 'received';


/** The focused views: their SQL builder and the cells they flag as uncertain. */
const FOCUS_VIEWS: { sql: (keys: readonly string[]) => string; cellKeys: readonly string[] }[] = [
  { sql: applicationsSql, cellKeys: keysOf(applicationsSql(null)) },
  { sql: reviewSql, cellKeys: REVIEW_KEYS },
  { sql: procurementSql, cellKeys: PROCUREMENT_KEYS },
];

/**
 * Every SQL text worth answering ahead of time, most wanted first: the build keeps answers in
 * this order until its byte budget is spent (scripts/prerender-answers.ts), so a dataset of
 * thousands of bodies still ships every view's default state and the links shared most, not
 * one answer per body. `db` supplies the body list the states come from.
 */
export async function prerenderedQueries(db: Connector): Promise<string[]> {
  const out = new Set<string>();
  const units = unitsFrom(await db.query(compareUnitsSql()));
  const all = units.map((u) => u.key);
  const received = keysOf(findMeasure(DEFAULT_MEASURE)!.sql);
  const drillMeasures = [DEFAULT_MEASURE, ...Object.values(FOCUS_DRILL)].map((id) => findMeasure(id)!);

  // 1. Each view in its default state.
  out.add(compareUnitsSql());
  const defaultMeasure = findMeasure(DEFAULT_MEASURE)!;
  out.add(measureSql(defaultMeasure.sql, null, defaultMeasure.base));
  out.add(uncertainSql(received, all));
  // A dataset inside one province, city, county or township: the drill-down goes on to it at once (soleChild).
  const coded = units.map((u) => u.division_code).filter((c): c is string => !!c).sort();
  for (const prefix of ['', ...ancestors(coded.length ? sharedPlace(coded[0], coded.at(-1)!) : '')]) {
    for (const m of drillMeasures) out.add(regionMeasureSql(m, { prefix, level: '' }));
  }
  out.add(regionCoverageSql({ prefix: '', level: '' }));
  for (const v of FOCUS_VIEWS) {
    out.add(v.sql(all));
    out.add(uncertainSql(v.cellKeys, all));
  }
  out.add(profileUnitsSql());
  out.add(allFindingsSql());
  out.add(allUncertainSql());
  out.add(coverageRecordsSql({}));

  // 2. 对比 on any measure (as it asks: with a ratio's base, and that measure's uncertain cells;
  // without these a link such as ?measure=granted booted DuckDB before its first chart).
  out.add(outcomesSql(null));
  out.add(uncertainSql(keysOf(outcomesSql(null)), all));
  for (const g of CATALOG) for (const m of g.measures) {
    out.add(measureSql(m.sql, null, m.base));
    out.add(uncertainSql(keysOf(m.sql), all));
    out.add(regionMeasureSql(m, { prefix: '', level: '' }));
  }

  // 3. One filter: a level, then places from the top down (their drill-downs and coverage).
  const filters: UnitFilter[] = [];
  const codes = (pick: (u: (typeof units)[number]) => string | null) => [...new Set(units.map(pick).filter((c): c is string => !!c))];
  for (const level of Object.keys(LEVEL_LABELS)) {
    filters.push({ ...NO_FILTER, level });
    for (const m of drillMeasures) out.add(regionMeasureSql(m, { prefix: '', level }));
    out.add(regionCoverageSql({ prefix: '', level }));
    out.add(coverageRecordsSql({ level: level as Level }));
  }
  for (const province of codes((u) => u.province_code)) filters.push({ ...NO_FILTER, province });
  for (const city of codes((u) => u.city_code)) filters.push({ ...NO_FILTER, city });
  for (const county of codes((u) => u.county_code)) filters.push({ ...NO_FILTER, county });
  const places = [...new Set(units.flatMap((u) => ancestors(u.division_code ?? '')))].sort((a, b) => a.length - b.length);
  for (const prefix of places) {
    for (const m of drillMeasures) out.add(regionMeasureSql(m, { prefix, level: '' }));
    out.add(regionCoverageSql({ prefix, level: '' }));
    out.add(coverageRecordsSql({ division: prefix }));
  }
  for (const f of filters) {
    const keys = units.filter((u) => matches(u, f)).map((u) => u.key);
    out.add(uncertainSql(received, keys));
    for (const v of FOCUS_VIEWS) {
      out.add(v.sql(keys));
      out.add(uncertainSql(v.cellKeys, keys));
    }
  }

  // 4. A link to one body (the filters empty, the body named) and its profile.
  for (const u of units) {
    out.add(uncertainSql(received, [u.key]));
    for (const v of FOCUS_VIEWS) {
      out.add(v.sql([u.key]));
      out.add(uncertainSql(v.cellKeys, [u.key]));
    }
    for (const sql of [unitReportsSql(u.key), unitCellsSql(u.key), unitFindingsSql(u.key), unitMeasuresSql(u.key)]) out.add(sql);
  }
  return [...out].map((s) => s.trim());
}
