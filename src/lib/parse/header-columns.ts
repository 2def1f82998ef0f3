/**
 * 表三's columns as a one-row header names them, where they stand in another order than the
 * form's or a 小计 (or 合计) of 法人或其他组织 is added. Only the header can say which sub-column
 * is which: every rule of 表三 sums a row or a column, whatever their order. So it is taken only
 * where it cannot be misread — one line naming every column once, side by side, with no
 * 法人或其他组织 over them (a two-row header, whose lines an extractor may print in any order,
 * gives no column order) — and a 小计 must equal its row's five sub-columns in every row.
 */
import { APP_COLS, APP_COL_LABELS, APP_ORG_COLS, type AppCol } from '../format';
import type { TableLayout } from './layout';

/** A printed column: one of the form's, or the added subtotal. */
export type PrintedColumn = AppCol | 'subtotal';

/** The key a row's printed 小计 is read into; it is checked and dropped, never output. */
const SUBTOTAL_KEY = /\.subtotal$/;
const SUBTOTAL_NAMES = ['小计', '合计'];

/** The columns in the order a one-row header names them, or null (see above). */
export function headerColumnOrder(lines: readonly string[]): PrintedColumn[] | null {
  if (lines.some((l) => l.includes('法人或其他组织'))) return null;
  const named = lines.map((l) => lineOrder(l.replace(/\s+/g, ''))).filter((o) => o !== null);
  return named.length === 1 ? named[0] : null;
}

function lineOrder(h: string): PrintedColumn[] | null {
  const once = (w: string) => { const i = h.indexOf(w); return i >= 0 && h.indexOf(w, i + 1) < 0 ? i : -1; };
  const at = new Map<PrintedColumn, number>();
  for (const c of APP_COLS) {
    const i = once(APP_COL_LABELS[c]);
    if (i < 0) return null;
    at.set(c, i);
  }
  const subtotals = SUBTOTAL_NAMES.filter((w) => h.includes(w));
  if (subtotals.length > 1) return null;
  const word = new Map<PrintedColumn, string>(APP_COLS.map((c) => [c, APP_COL_LABELS[c]]));
  if (subtotals.length) {
    const i = once(subtotals[0]);
    if (i < 0) return null;
    at.set('subtotal', i);
    word.set('subtotal', subtotals[0]);
  }
  const order = [...at.keys()].sort((a, b) => at.get(a)! - at.get(b)!);
  const start = at.get(order[0])!;
  const run = order.map((c) => word.get(c)).join('');
  return h.slice(start, start + run.length) === run ? order : null;
}

/** A layout of 表三 with each row's cells in the printed column order (a 小计 read into its own key). */
export function inColumnOrder(layout: TableLayout, order: readonly PrintedColumn[]): TableLayout {
  return {
    ...layout,
    rows: layout.rows.map((r) => {
      if (r.keys.length !== APP_COLS.length) return r;
      const byCol = (c: PrintedColumn) => (c === 'subtotal' ? r.keys[0].replace(/\.[a-z_]+$/, '.subtotal') : r.keys.find((k) => k.endsWith(`.${c}`)));
      const keys = order.map(byCol);
      return keys.every((k): k is string => k !== undefined) ? { ...r, keys } : r;
    }),
  };
}

const SUBTOTAL_OFF = '表三多出的小计列与法人或其他组织各列之和对不上，各数所属的列无法确定，请核对原表';

/**
 * Drops the 小计 read for each row, after checking it: where one row's 小计 is not the sum of its
 * five sub-columns, the columns were not what the header seemed to say, and every cell of 表三
 * is put in doubt. A 小计 or sub-column in doubt or blank checks nothing.
 */
export function checkSubtotals(cells: Map<string, number | null>, uncertain: Map<string, string>): void {
  const rows = [...cells.keys()].filter((k) => SUBTOTAL_KEY.test(k));
  if (!rows.length) return;
  let off = false;
  for (const k of rows) {
    const sub = cells.get(k);
    const parts = APP_ORG_COLS.map((c) => k.replace(SUBTOTAL_KEY, `.${c}`));
    if (typeof sub === 'number' && !uncertain.has(k) && parts.every((p) => !uncertain.has(p) && cells.get(p) != null)) {
      if (parts.reduce((s, p) => s + (cells.get(p) as number), 0) !== sub) off = true;
    }
    cells.delete(k);
    uncertain.delete(k);
  }
  if (!off) return;
  for (const k of cells.keys()) {
    if (!k.startsWith('apps.')) continue;
    cells.set(k, null);
    uncertain.set(k, SUBTOTAL_OFF);
  }
}
