/**
 * The SQL of the comparison views. Units are bodies (unit_key), so one body keeps one line
 * across the title wordings of its reports. Counts are cast to INTEGER so Arrow hands back
 * numbers, not BigInts.
 */
import { quote } from '../data/sql-quote';
import { MEASURES, col } from '../data/measures';
import { APP_COLS, REVIEW_BLOCKS, REVIEW_COLS, columnKey, keyColumn } from '../format';

/** One row per body: its latest title, every title, where it is, its level and its years. */
export function unitsSql(): string {
  return `SELECT unit_key, arg_max(unit, year) AS unit,
    string_agg(DISTINCT unit, '；' ORDER BY unit) AS titles,
    arg_max(division_name, year) AS division_name, arg_max(division_code, year) AS division_code,
    string_agg(DISTINCT unit_pinyin, '|') AS pinyin, string_agg(DISTINCT unit_initials, '|') AS initials,
    arg_max(province_code, year) AS province_code, arg_max(city_code, year) AS city_code,
    arg_max(county_code, year) AS county_code, arg_max(level, year) AS level,
    string_agg(DISTINCT CAST(year AS VARCHAR), ',' ORDER BY CAST(year AS VARCHAR)) AS years
    FROM reports GROUP BY unit_key ORDER BY unit, unit_key`;
}

function unitFilter(unitKeys: readonly string[] | null): string {
  if (unitKeys === null) return '';
  // An empty choice must select nothing, not everything.
  if (unitKeys.length === 0) return 'WHERE false';
  return `WHERE unit_key IN (${unitKeys.map(quote).join(', ')})`;
}

/** What every per-report row carries besides its figures: 勾稽 findings and where it came from. */
const TRUST = 'n_findings::INTEGER AS n_findings, origin';

/**
 * One row per report of the given bodies (null: every body) with one measure as `value`, and a
 * ratio's denominator as `base` (0 there is 无法计算（0 件）; otherwise the ratio's n).
 */
export function measureSql(measureSql: string, unitKeys: readonly string[] | null, base?: string): string {
  return `SELECT report_id, unit_key, unit, year::INTEGER AS year, template, ${measureSql} AS value,
    ${base ?? 'NULL'} AS base, ${TRUST}
    FROM reports ${unitFilter(unitKeys)} ORDER BY unit_key, year, report_id`;
}

/** The six outcomes of 表三 (total column) in the order the form prints them. */
export const OUTCOMES = ([
  ['granted', 'granted'], ['partial', 'partial'], ['denied', 'denied'],
  ['unavailable', 'unavailable'], ['rejected', 'rejected'], ['other', 'other_handling'],
] as const).map(([id, m]) => ({ id, label: MEASURES[m].label, sql: MEASURES[m].sql }));

/** Each outcome's count, and 办理总数 (the form's own total), per report. */
export function outcomesSql(unitKeys: readonly string[] | null): string {
  const cols = OUTCOMES.map((o) => `${o.sql} AS ${o.id}`).join(', ');
  return `SELECT report_id, unit_key, unit, year::INTEGER AS year, ${cols}, ${MEASURES.handled.sql} AS handled, ${TRUST}
    FROM reports ${unitFilter(unitKeys)} ORDER BY unit_key, year, report_id`;
}

/** Named columns straight from canonical keys (`apps.new.natural` → apps__new__natural), per report. */
export function cellsSql(keys: readonly string[], unitKeys: readonly string[] | null = null, extra: Record<string, string> = {}): string {
  const cols = [...keys.map((k) => `${col(k)} AS ${keyColumn(k)}`), ...Object.entries(extra).map(([n, s]) => `${s} AS ${n}`)];
  return `SELECT report_id, unit_key, unit, year::INTEGER AS year, template, ${cols.join(', ')}, ${TRUST}
    FROM reports ${unitFilter(unitKeys)} ORDER BY unit_key, year, report_id`;
}

export const REVIEW_KEYS = REVIEW_BLOCKS.flatMap((b) => REVIEW_COLS.map((c) => `${b}.${c}`));
export const APPLICANT_KEYS = APP_COLS.map((c) => `apps.new.${c}`);

/** 表三 per report: the headline measures, both applicant groups and the six outcomes. */
export function applicationsSql(unitKeys: readonly string[] | null): string {
  const ids = ['received', 'handled', 'disclosure_rate', 'received_natural', 'received_org'] as const;
  const extra = Object.fromEntries([
    ...ids.map((id) => [id, MEASURES[id].sql]),
    ...OUTCOMES.map((o) => [o.id, o.sql]),
  ]);
  return cellsSql([], unitKeys, extra);
}

/** 表四 per report: all fifteen cells, 复议纠错率 and 行政诉讼. */
export function reviewSql(unitKeys: readonly string[] | null): string {
  return cellsSql(REVIEW_KEYS, unitKeys, {
    review_correction_rate: MEASURES.review_correction_rate.sql,
    review_base: MEASURES.review_correction_rate.base ?? 'NULL',
    litigation: MEASURES.litigation.sql,
  });
}

export const PROCUREMENT_KEYS = ['t2.procurement.items', 't2.procurement.amount_yuan', 't2.fees.prev_items', 't2.fees.change', 't2.fees.amount_yuan'];

/** 表二 第（八）（九）项 per report: procurement (2019 template) and fees (both, differently). */
export function procurementSql(unitKeys: readonly string[] | null): string {
  return cellsSql(PROCUREMENT_KEYS, unitKeys);
}

/** The canonical keys a measure's SQL reads (its quoted column names), for flagging doubtful parts. */
export function keysOf(measureSql: string): string[] {
  return [...new Set([...measureSql.matchAll(/"([a-z0-9_]+)"/g)].map((m) => columnKey(m[1])))];
}

/** Cells of the chosen bodies among `keys` that the parser marked uncertain, with its reason. */
export function uncertainSql(keys: readonly string[], unitKeys: readonly string[] | null): string {
  if (keys.length === 0) return 'SELECT NULL::VARCHAR AS unit_key, NULL::VARCHAR AS unit, NULL::INTEGER AS year, NULL::VARCHAR AS key, NULL::VARCHAR AS reason WHERE false';
  const units = unitKeys === null ? '' : unitKeys.length === 0 ? 'AND false' : `AND r.unit_key IN (${unitKeys.map(quote).join(', ')})`;
  return `SELECT r.unit_key, r.unit, r.year::INTEGER AS year, c.key, c.reason FROM cells c JOIN reports r USING (report_id)
    WHERE c.uncertain AND c.key IN (${keys.map(quote).join(', ')}) ${units} ORDER BY r.unit_key, r.year, c.key`;
}
