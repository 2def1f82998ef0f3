/**
 * CSV of a chart's data (RFC 4180). A UTF-8 byte-order mark leads the text: without it Excel
 * reads the file in the system code page and garbles every Chinese label.
 */
import type { Cell } from '../data/columns';
import type { ChartTable } from '../charts/table';
import { inert } from './inert';

export const BOM = '\uFEFF';

/**
 * One field: null is an empty field (never 0); quoted when it holds a comma, quote or line break.
 * Text that a spreadsheet would run as a formula is led by an apostrophe (see inert.ts).
 * Numbers are written as numbers.
 */
export function csvField(v: Cell | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' && !Number.isFinite(v)) return '';
  const s = typeof v === 'string' ? inert(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRows(rows: readonly (readonly (Cell | undefined)[])[]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The whole file: BOM, the header row, then one line per row of the table. */
export function toCsv(t: ChartTable): string {
  return BOM + csvRows([t.columns, ...t.rows]);
}
