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
import { ancestors } from '../divisions/path';
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

/** Every SQL text worth answering ahead of time; `db` supplies the body list the states come from. */
export async function prerenderedQueries(db: Connector): Promise<string[]> {
  const out = new Set<string>();
  const units = unitsFrom(await db.query(compareUnitsSql()));
  out.add(compareUnitsSql());
  // As 对比 asks: with the measure's base (a ratio's denominator); without it, a ratio's link waited for DuckDB.
  for (const g of CATALOG) for (const m of g.measures) out.add(measureSql(m.sql, null, m.base));
  out.add(outcomesSql(null));

  const filters: UnitFilter[] = [NO_FILTER];
  const codes = (pick: (u: (typeof units)[number]) => string | null) => [...new Set(units.map(pick).filter((c): c is string => !!c))];
  for (const level of Object.keys(LEVEL_LABELS)) filters.push({ ...NO_FILTER, level });
  for (const province of codes((u) => u.province_code)) filters.push({ ...NO_FILTER, province });
  for (const city of codes((u) => u.city_code)) filters.push({ ...NO_FILTER, city });
  for (const county of codes((u) => u.county_code)) filters.push({ ...NO_FILTER, county });
  const choices = filters.map((f) => units.filter((u) => matches(u, f)).map((u) => u.key));
  // A link to one body keeps the filters empty and names the body.
  for (const u of units) choices.push([u.key]);

  const received = keysOf(findMeasure(DEFAULT_MEASURE)!.sql);
  // 对比 opened on any measure (or its composition chart) flags that measure's cells of every body;
  // without this answer a link such as ?measure=granted booted DuckDB before its first chart.
  for (const g of CATALOG) for (const m of g.measures) out.add(uncertainSql(keysOf(m.sql), choices[0]));
  out.add(uncertainSql(keysOf(outcomesSql(null)), choices[0]));
  for (const keys of choices) {
    out.add(uncertainSql(received, keys));
    for (const v of FOCUS_VIEWS) {
      out.add(v.sql(keys));
      out.add(uncertainSql(v.cellKeys, keys));
    }
  }

  out.add(profileUnitsSql());
  for (const u of units) {
    for (const sql of [unitReportsSql(u.key), unitCellsSql(u.key), unitFindingsSql(u.key), unitMeasuresSql(u.key)]) out.add(sql);
  }
  out.add(allFindingsSql());
  out.add(allUncertainSql());
  out.add(coverageRecordsSql({}));
  for (const level of Object.keys(LEVEL_LABELS) as Level[]) out.add(coverageRecordsSql({ level }));

  // The drill-downs: every place that has bodies, for the views' default measures; at the top,
  // where a link most often starts, 对比's other measures, and a level for the default ones.
  const places = ['', ...new Set(units.flatMap((u) => ancestors(u.division_code ?? '')))];
  const drillMeasures = [DEFAULT_MEASURE, ...Object.values(FOCUS_DRILL)].map((id) => findMeasure(id)!);
  for (const prefix of places) {
    for (const m of drillMeasures) out.add(regionMeasureSql(m, { prefix, level: '' }));
    out.add(regionCoverageSql({ prefix, level: '' }));
    if (prefix) out.add(coverageRecordsSql({ division: prefix }));
  }
  for (const g of CATALOG) for (const m of g.measures) out.add(regionMeasureSql(m, { prefix: '', level: '' }));
  for (const level of Object.keys(LEVEL_LABELS)) {
    for (const m of drillMeasures) out.add(regionMeasureSql(m, { prefix: '', level }));
    out.add(regionCoverageSql({ prefix: '', level }));
  }
  return [...out].map((s) => s.trim());
}
