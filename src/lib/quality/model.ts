/** The quality view's filter over findings and uncertain cells, applied to loaded rows. */
import type { TableId } from '../format';

export interface FindingRow {
  report_id: string;
  unit: string;
  unit_key: string;
  year: number;
  level: string;
  origin: string;
  rule: number;
  tbl: TableId;
  row_label: string;
  col_label: string;
  expected: number | null;
  printed: number | null;
  message: string;
}

export interface UncertainRow {
  report_id: string;
  unit: string;
  unit_key: string;
  year: number;
  level: string;
  origin: string;
  key: string;
  value: number | null;
  reason: string | null;
  source_file: string;
}

export interface QualityFilter {
  /** 0 = every rule. */
  rule: number;
  /** '' = every table. */
  tbl: string;
  unit: string;
  /** 0 = every year. */
  year: number;
}

export const QUALITY_DEFAULTS: QualityFilter = { rule: 0, tbl: '', unit: '', year: 0 };

export function filterFindings(rows: readonly FindingRow[], f: QualityFilter): FindingRow[] {
  return rows.filter((r) => (!f.rule || r.rule === f.rule) && (!f.tbl || r.tbl === f.tbl)
    && (!f.unit || r.unit_key === f.unit) && (!f.year || r.year === f.year));
}

/** Uncertain cells have no rule: a rule filter hides them all. */
export function filterUncertain(rows: readonly UncertainRow[], f: QualityFilter, tableOf: (key: string) => string): UncertainRow[] {
  if (f.rule) return [];
  return rows.filter((r) => (!f.tbl || tableOf(r.key) === f.tbl) && (!f.unit || r.unit_key === f.unit) && (!f.year || r.year === f.year));
}

export function unitHref(unitKey: string, year?: number): string {
  const p = new URLSearchParams({ u: unitKey });
  if (year !== undefined) p.set('y', String(year));
  return `/unit?${p}`;
}
