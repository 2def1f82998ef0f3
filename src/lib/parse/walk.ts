/**
 * Blocks printed one figure per line (pdfminer, pdftotext's default mode) read row by row or
 * column by column: which walk the rules confirmed, and whether 表二 may borrow it.
 */
import { t2RowImpossible } from '../format';
import type { PlacedSegment } from './split';

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
