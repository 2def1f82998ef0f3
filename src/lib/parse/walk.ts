/**
 * Blocks printed one figure per line (pdfminer, pdftotext's default mode) read row by row or
 * column by column: which walk the rules confirmed, and whether 表二 may borrow it.
 */
import { t2RowImpossible } from '../format';
import type { Rules } from './rules';
import { holds, type Solved } from './solve';
import type { PlacedSegment, Reading } from './split';
import { rowsOfKeys } from './blanks';

export const BLOCK_ORDER = (vals: (number | null)[]) =>
  `这组数字每格一行印出，没有勾稽关系能确定是逐行还是逐列排列，两种排法在这一格读到不同的数（${vals.map((v) => v ?? '空').join('、')}），无法确定`;

/**
 * The reading order the rules chose for every block printed one value per line, if they agree
 * and each such block is whole and every rule over it holds.
 */
export function confirmedOrder(placed: PlacedSegment[], unconfirmed: boolean, chosen: Map<PlacedSegment, number[]>): 'row' | 'col' | null {
  if (unconfirmed) return null;
  const seen = new Set<string>();
  for (const p of placed) {
    // A block that reads the same either way (all zeros) tells nothing about the order.
    if (!p.orders || !p.orders.includes('row') || !p.orders.includes('col')) continue;
    const c = chosen.get(p) ?? [];
    seen.add(c.length === 1 ? p.orders[c[0]] : '?');
  }
  return seen.size === 1 && !seen.has('?') ? ([...seen][0] as 'row' | 'col') : null;
}

/**
 * A 表二 block read in the order 表三/表四 confirmed — only where the other order prints
 * figures no row of 表二 can hold: an extractor may walk 表二's wide cells another way than
 * 表三's narrow ones, so the borrowed order alone is no proof. Otherwise every order stays,
 * and the cells the orders read differently are flagged.
 */
export function inOrder(p: PlacedSegment, order: 'row' | 'col' | null): PlacedSegment {
  if (!p.orders || !order) return p;
  const keep = p.readings.map((_, i) => i).filter((i) => p.orders![i] === order);
  const impossible = p.readings.map((r) => impossibleT2(p.keys, r.values));
  const othersImpossible = p.orders.every((o, i) => o === order || impossible[i]);
  if (!keep.length || !othersImpossible || keep.every((i) => impossible[i])) return p;
  return { ...p, readings: keep.map((i) => p.readings[i]), orders: keep.map(() => order) };
}

function impossibleT2(keys: string[], values: (number | null)[]): boolean {
  const rows = new Map<string, Map<string, number | null>>();
  keys.forEach((k, i) => {
    const [, stem, col] = k.split('.');
    if (!rows.has(stem)) rows.set(stem, new Map());
    rows.get(stem)!.set(col, values[i]);
  });
  return [...rows.values()].some((row) => t2RowImpossible((c) => row.get(c) ?? null));
}

/**
 * The rules actually check one of the walks the solver kept for a block: none breaks, and a
 * quarter of the rules over the block hold on figures other than 0. Where blanks and zeros leave
 * the rest unchecked, walks that agree on a cell agree by chance (0 = 0), not because either is
 * right — and the walk actually taken may be none of those tried (pdftotext walks a block in parts).
 */
export function walkChecked(ps: PlacedSegment, solved: Solved, rules: Rules): boolean {
  return (solved.chosen.get(ps) ?? []).some((r) => {
    const mine = new Map(ps.keys.map((k, i) => [k, ps.readings[r].values[i]]));
    const get = rules.derive((k) => (mine.has(k) ? mine.get(k) : solved.cells.get(k)));
    const over = [...new Set(ps.keys.flatMap((k) => rules.of.get(k) ?? []))];
    const results = over.map((i) => holds(rules.eqs[i], get));
    const shown = over.filter((i, j) => results[j] === true && get(rules.eqs[i].total) !== 0).length;
    return !results.includes(false) && shown > 0 && shown >= over.length / 4;
  });
}

const BROKEN_WALK = '这一段数字（几行的数字连在一起，旁边没有各自的行名）是按顺序分到各行的，而按这个次序，其中有的行或列的勾稽关系不成立，次序本身就不可信；这一格的位置也无法确认，请核对原表';

/**
 * Several rows' figures read as one run, split into rows in an order no label confirms, are one
 * walk: where a rule over them breaks (`broken`, verify.ts), the walk is wrong, and a cell of it
 * whose own rules happen to hold is placed no better — a row of zeros sums in any order, and two
 * rows printed stacked (pdftotext -layout: one figure a line, the rows' figures in turn) trade
 * figures within a column, so the column sums still hold.
 */
/**
 * Each row's figures come from one line (a page's table row) that feeds no other row: the lines,
 * not an order, made the rows, and a broken rule says no more than it says of any row.
 */
function rowsByLines(keys: string[], reading: Reading): boolean {
  const owner = new Map<string, number>();
  let i = 0;
  for (const [r, row] of rowsOfKeys(keys).entries()) {
    const lines = new Set<string>();
    for (let j = 0; j < row.length; j++, i++) {
      const ref = reading.refs[i];
      if (ref?.text) lines.add(`${ref.page ?? ''}:${ref.table ?? ''}:${ref.row ?? ''}:${ref.line ?? ''}`);
    }
    if (lines.size > 1) return false;
    for (const l of lines) {
      if ((owner.get(l) ?? r) !== r) return false;
      owner.set(l, r);
    }
  }
  return true;
}

export function flagBrokenWalks(placed: readonly PlacedSegment[], inferred: ReadonlySet<string>, broken: ReadonlySet<string>, solved: Pick<Solved, 'cells' | 'uncertain'>): void {
  for (const p of placed) {
    if (rowsOfKeys(p.keys).length < 2 || !p.keys.some((k) => broken.has(k))) continue;
    if (!p.orders && p.readings.every((r) => rowsByLines(p.keys, r))) continue;
    for (const k of p.keys) {
      if (!inferred.has(k) || solved.uncertain.has(k)) continue;
      solved.cells.set(k, null);
      solved.uncertain.set(k, BROKEN_WALK);
    }
  }
}
