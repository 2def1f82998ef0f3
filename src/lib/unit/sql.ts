/** The SQL of the unit profile and the quality view. Counts are INTEGER so Arrow hands back numbers. */
import { quote } from '../data/sql-quote';
import { MEASURES, whereClause, type ReportFilter } from '../data/measures';


/** One row per body: its latest title, every title it used, its years, its findings. */
export function unitsSql(): string {
  return `SELECT unit_key, arg_max(unit, year) AS unit, list_sort(list(DISTINCT unit)) AS titles,
    arg_max(level, year) AS level, arg_max(division_code, year) AS division_code,
    arg_max(division_name, year) AS division_name,
    string_agg(DISTINCT unit_pinyin, '|') AS pinyin, string_agg(DISTINCT unit_initials, '|') AS initials,
    list_sort(list(DISTINCT year)) AS years, count(*)::INTEGER AS reports,
    sum(n_findings)::INTEGER AS findings, sum(n_uncertain)::INTEGER AS uncertain,
    bool_or(origin = 'user') AS has_user
    FROM reports GROUP BY unit_key ORDER BY unit, unit_key`;
}

export function unitReportsSql(unitKey: string): string {
  return `SELECT report_id, unit, year, template, level, division_code, division_name, source_file, input_kind,
    proactive_total, proactive_approx, n_findings::INTEGER AS n_findings, n_uncertain::INTEGER AS n_uncertain, origin
    FROM reports WHERE unit_key = ${quote(unitKey)} ORDER BY year, report_id`;
}

export function unitCellsSql(unitKey: string): string {
  return `SELECT c.report_id, c.key, c.value, c.uncertain, c.reason, c.page, c.line, c.tbl, c."row", c.col, c.text
    FROM cells c JOIN reports r ON r.report_id = c.report_id AND r.origin = c.origin
    WHERE r.unit_key = ${quote(unitKey)} ORDER BY c.report_id, c.key`;
}

export function unitFindingsSql(unitKey: string): string {
  return `SELECT f.report_id, r.year, f.rule::INTEGER AS rule, f.tbl, f.row_label, f.col_label, f.expected, f.printed, f.message
    FROM findings f JOIN reports r ON r.report_id = f.report_id AND r.origin = f.origin
    WHERE r.unit_key = ${quote(unitKey)} ORDER BY r.year, f.rule, f.tbl, f.row_label, f.col_label`;
}

/** Every finding with its report's identity, for the quality view (filtered in the page). */
export function allFindingsSql(filter: ReportFilter = {}): string {
  return `SELECT f.report_id, r.unit, r.unit_key, r.year, r.level, r.origin, f.rule::INTEGER AS rule, f.tbl, f.row_label,
    f.col_label, f.expected, f.printed, f.message
    FROM findings f JOIN reports r ON r.report_id = f.report_id AND r.origin = f.origin
    ${whereClause(filter)} ORDER BY r.unit, r.year, f.rule, f.tbl, f.row_label, f.col_label`;
}

/** Every cell the parser flagged as uncertain, with its reason. */
export function allUncertainSql(filter: ReportFilter = {}): string {
  const where = whereClause(filter);
  return `SELECT c.report_id, r.unit, r.unit_key, r.year, r.level, r.origin, c.key, c.value, c.reason, c.page, c.line,
    c.tbl, c."row", c.col, c.text, r.source_file
    FROM cells c JOIN reports r ON r.report_id = c.report_id AND r.origin = c.origin
    ${where ? `${where} AND` : 'WHERE'} c.uncertain ORDER BY r.unit, r.year, c.key`;
}

/** The unit's headline measures per report, for its chart (the overview's definitions). */
export function unitMeasuresSql(unitKey: string): string {
  return `SELECT report_id, unit_key, unit, year, ${MEASURES.received.sql} AS received, ${MEASURES.handled.sql} AS handled,
    ${MEASURES.disclosure_rate.sql} AS disclosure_rate, n_findings::INTEGER AS n_findings, origin
    FROM reports WHERE unit_key = ${quote(unitKey)} ORDER BY year, report_id`;
}

/**
 * Every unit of a level in a year with the peer view's measures (unit/peers.ts picks the place).
 * One row per unit: its first report by id, as the comparison views count it.
 */
export function peersSql(level: string, year: number): string {
  return `SELECT unit_key, unit, province_code, city_code, county_code,
    (${MEASURES.received.sql})::DOUBLE AS received, ${MEASURES.disclosure_rate.sql} AS disclosure_rate,
    ${MEASURES.review_correction_rate.sql} AS review_correction_rate
    FROM reports WHERE level = ${quote(level)} AND year = ${Math.trunc(year)}
    QUALIFY row_number() OVER (PARTITION BY unit_key ORDER BY report_id) = 1 ORDER BY unit_key`;
}
