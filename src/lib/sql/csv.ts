/**
 * CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads Chinese as GBK),
 * CRLF rows, RFC 4180 quoting. A null is an empty field, never 0.
 */
import type { Cell } from '../data/columns';

const BOM = '\uFEFF';

function field(v: Cell): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? numberText(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Exact decimal text of a number (no grouping, no rounding beyond the double itself). */
export function numberText(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return Number.isInteger(v) && Math.abs(v) < 1e21 ? v.toFixed(0) : String(v);
}

export function toCsv(columns: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const lines = [columns.map((c) => field(c)).join(','), ...rows.map((r) => r.map(field).join(','))];
  return BOM + lines.join('\r\n') + '\r\n';
}
