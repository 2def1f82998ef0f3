/**
 * 表三's columns as a one-row header names them, where they stand in another order than the
 * form's or a 小计 (or 合计) of 法人或其他组织 is added. Only the header can say which sub-column
 * is which: every rule of 表三 sums a row or a column, whatever their order. So it is taken only
 * where it cannot be misread — one line naming every column once, side by side, with no
 * 法人或其他组织 over them (a two-row header, whose lines an extractor may print in any order,
 * gives no column order) — and a 小计 must equal its row's five sub-columns in every row.
 */
import { APP_COLS, APP_COL_LABELS, APP_ORG_COLS, APP_ORG_GROUP_LABEL as ORG_GROUP, type AppCol } from '../format';
import type { TableLayout } from './layout';

/** A printed column: one of the form's, or the added subtotal. */
export type PrintedColumn = AppCol | 'subtotal';

/** The key a row's printed 小计 is read into; it is checked and dropped, never output. */
const SUBTOTAL_KEY = /\.subtotal$/;
const SUBTOTAL_NAMES = ['小计', '合计'];

/** The columns in the order a header names them (one row, or the two rows below), or null (see above). */
export function headerColumnOrder(lines: readonly string[]): PrintedColumn[] | null {
  const squashed = lines.map((l) => ungrouped(l.replace(/\s+/g, '')));
  if (squashed.some((l) => l.includes(ORG_GROUP))) return twoRowOrder(squashed);
  const named = squashed.map((l) => lineOrder(l, APP_COLS)).filter((o) => o !== null);
  return named.length === 1 ? named[0] : null;
}

/** 法人或其他组织 joined to a sub-column's head (`法人或其他组织-商业企业`, `法人或其他组织（科研机构）`, `…-小计`). */
const GROUPED = new RegExp(`${ORG_GROUP}[-－—–·:：/（(]?(${[...APP_ORG_COLS.map((c) => APP_COL_LABELS[c]), ...SUBTOTAL_NAMES].join('|')})[)）]?`, 'g');

/**
 * A one-row header that names each organisation's column with the group before it (a crawler's or
 * a spreadsheet's flattening of the two-row head), as its columns' names alone; where the group
 * stands before some sub-columns only, or apart from them, the line is kept as printed.
 */
function ungrouped(line: string): string {
  const joined = [...line.matchAll(GROUPED)].map((m) => m[1]).filter((w) => !SUBTOTAL_NAMES.includes(w));
  if (joined.length !== APP_ORG_COLS.length || new Set(joined).size !== joined.length) return line;
  const names = line.replace(GROUPED, '$1');
  return names.includes(ORG_GROUP) ? line : names;
}

const onceIn = (h: string, w: string) => { const i = h.indexOf(w); return i >= 0 && h.indexOf(w, i + 1) < 0 ? i : -1; };

/**
 * A two-row header printed a row a line: 自然人, 法人或其他组织 and 总计 on one line, the
 * organisations' heads (and a 小计 among them) on another, each line in the order of its columns.
 * Which line an extractor prints first does not matter: the group's place comes from the one, its
 * columns' order from the other. Any other arrangement (a head on a line of its own, both rows'
 * words on one line) gives no order.
 */
function twoRowOrder(lines: readonly string[]): PrintedColumn[] | null {
  const tops = lines.filter((l) => l.includes(ORG_GROUP));
  if (tops.length !== 1) return null;
  const top = tops[0].replace(ORG_GROUP, '\u0000');
  const group = top.indexOf('\u0000');
  const natural = onceIn(top, APP_COL_LABELS.natural);
  const total = onceIn(top, APP_COL_LABELS.total);
  if (natural < 0 || total < 0 || [...APP_ORG_COLS.map((c) => APP_COL_LABELS[c]), ...SUBTOTAL_NAMES].some((w) => top.includes(w))) return null;
  const named = (l: string) => APP_ORG_COLS.some((c) => l.includes(APP_COL_LABELS[c]));
  const subs = lines.filter((l) => l !== tops[0] && named(l));
  if (subs.length !== 1 || [APP_COL_LABELS.natural, APP_COL_LABELS.total].some((w) => subs[0].includes(w))) return null;
  const orgs = lineOrder(subs[0], APP_ORG_COLS);
  if (!orgs) return null;
  const at = new Map<PrintedColumn | 'orgs', number>([['natural', natural], ['orgs', group], ['total', total]]);
  return [...at.keys()].sort((a, b) => at.get(a)! - at.get(b)!).flatMap((c) => (c === 'orgs' ? orgs : [c]));
}

/** The order in which line `h` names each of `cols` once (and a 小计 or 合计), side by side. */
function lineOrder(h: string, cols: readonly AppCol[]): PrintedColumn[] | null {
  const once = (w: string) => onceIn(h, w);
  const at = new Map<PrintedColumn, number>();
  for (const c of cols) {
    const i = once(APP_COL_LABELS[c]);
    if (i < 0) return null;
    at.set(c, i);
  }
  const subtotals = SUBTOTAL_NAMES.filter((w) => h.includes(w));
  if (subtotals.length > 1) return null;
  const word = new Map<PrintedColumn, string>(cols.map((c) => [c, APP_COL_LABELS[c]]));
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
