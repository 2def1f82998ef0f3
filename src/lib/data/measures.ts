/**
 * Every derived measure of the spec as one SQL expression over the wide `reports` table,
 * built from the canonical keys. Views and tests use these strings; nothing else spells them.
 * A null part makes the measure null (never a zero), and a ratio over 0 or null is null.
 */
import { APP_ORG_COLS, APP_ROWS, type Level } from '../format/templates';
import { keyColumn } from '../format/column';
import { MEASURE_LABELS } from '../format/measure-labels';
import { quote, quoteIdent } from './sql-quote';

/** The column of a canonical key, quoted for SQL. */
export function col(key: string): string {
  return quoteIdent(keyColumn(key));
}

function sum(keys: readonly string[]): string {
  return `(${keys.map(col).join(' + ')})`;
}

/** NULLIF turns a 0 denominator into NULL, so the ratio is NULL rather than Inf or NaN. */
function ratio(numerator: string, denominator: string): string {
  return `(${numerator} / NULLIF(${denominator}, 0))`;
}

function subRowsTotal(group: string): readonly string[] {
  return APP_ROWS.filter((r) => r.group === group && !r.label.startsWith('（')).map((r) => `apps.${r.row}.total`);
}

export type MeasureFormat = 'count' | 'ratio' | 'yuan';

export interface Measure {
  id: string;
  label: string;
  format: MeasureFormat;
  sql: string;
  /** A ratio's denominator (SQL): 0 there means 无法计算（0 件）, and its size is the ratio's n. */
  base?: string;
  /** A ratio's numerator (SQL): a region's ratio is the sum of these over the sum of `base`. */
  num?: string;
}

function measure(id: keyof typeof MEASURE_LABELS, format: MeasureFormat, sql: string): Measure {
  return { id, label: MEASURE_LABELS[id], format, sql };
}

/** num / base, with both kept so a region's ratio can be recomputed from summed parts. */
function ratioMeasure(id: keyof typeof MEASURE_LABELS, num: string, base: string): Measure {
  return { id, label: MEASURE_LABELS[id], format: 'ratio', sql: ratio(num, base), base, num };
}

export const MEASURES = {
  received: measure('received', 'count', col('apps.new.total')),
  handled: measure('handled', 'count', col('apps.total.total')),
  disclosure_rate: ratioMeasure('disclosure_rate', `(${col('apps.granted.total')} + ${col('apps.partial.total')})`, col('apps.total.total')),
  denied: measure('denied', 'count', sum(subRowsTotal('denied'))),
  unavailable: measure('unavailable', 'count', sum(subRowsTotal('unavailable'))),
  rejected: measure('rejected', 'count', sum(subRowsTotal('rejected'))),
  review_correction_rate: ratioMeasure('review_correction_rate', col('review.corrected'), `(${col('review.total')} - ${col('review.pending')})`),
  litigation: measure('litigation', 'count', sum(['suit_direct.total', 'suit_after_review.total'])),
  procurement_items: measure('procurement_items', 'count', col('t2.procurement.items')),
  procurement_amount: measure('procurement_amount', 'yuan', col('t2.procurement.amount_yuan')),
  granted: measure('granted', 'count', col('apps.granted.total')),
  partial: measure('partial', 'count', col('apps.partial.total')),
  other_handling: measure('other_handling', 'count', col('apps.other.total')),
  received_natural: measure('received_natural', 'count', col('apps.new.natural')),
  received_org: measure('received_org', 'count',
    sum(APP_ORG_COLS.map((c) => `apps.new.${c}`))),
} as const satisfies Record<string, Measure>;

export type MeasureId = keyof typeof MEASURES;

/** Which reports a view looks at. Every field narrows; absent means all. */
export interface ReportFilter {
  level?: Level;
  /** A prefix of the statistical division code: 2 digits a province, 4 a city, 6 a county. */
  division?: string;
  yearFrom?: number;
  yearTo?: number;
}

export function whereClause(f: ReportFilter = {}): string {
  const parts: string[] = [];
  if (f.level) parts.push(`level = ${quote(f.level)}`);
  if (f.division) {
    if (!/^\d{2,12}$/.test(f.division)) throw new Error(`bad division code: ${f.division}`);
    parts.push(`starts_with(division_code, ${quote(f.division)})`);
  }
  if (f.yearFrom !== undefined) parts.push(`year >= ${Math.trunc(f.yearFrom)}`);
  if (f.yearTo !== undefined) parts.push(`year <= ${Math.trunc(f.yearTo)}`);
  return parts.length ? `WHERE ${parts.join(' AND ')}` : '';
}

/** One row per report with the chosen measures as columns named by measure id. */
export function measuresByReportSql(ids: readonly MeasureId[], filter: ReportFilter = {}, table = 'reports'): string {
  const cols = ids.map((id) => `${MEASURES[id].sql} AS ${id}`).join(', ');
  return `SELECT report_id, unit, division_code, year, ${cols} FROM ${table} ${whereClause(filter)} ORDER BY unit, year, report_id`;
}
