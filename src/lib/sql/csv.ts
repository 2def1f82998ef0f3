/**
 * The SQL console's result as CSV: the same writer as every chart's export (BOM, CRLF,
 * RFC 4180, null → empty field, formula-like text made inert).
 */
import type { Cell } from '../data/columns';
import { BOM, csvRows } from '../export/csv';

/** Exact decimal text of a number (no grouping, no rounding beyond the double itself). */
export function numberText(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return Number.isInteger(v) && Math.abs(v) < 1e21 ? v.toFixed(0) : String(v);
}

export function toCsv(columns: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return BOM + csvRows([columns, ...rows]);
}
