/**
 * 表三 set so tight that rows slipped half a row (tables.ts: some row's figures are known to
 * stand beside the next row's label). Where that is known anywhere in the table, a row whose
 * figures stand beside its label is placed by that label only if the row above has its own
 * figures beside its own label: a row above with none there (its label wrapped with no figure,
 * or no figures found for it) may have slipped onto this row's line, and the rows named after it
 * with it (一、本年新收… / 请数, then 二、上年结转 379 173 … — 新收's figures).
 */
import type { Template } from '../format';
import { TEMPLATE_KEYS } from '../format';
import type { Placed } from './placing';
import { rowOfKey } from './blanks';

export const SLIPPED = '表中有的行的数字错开了半行，这一行上面一行的行名旁没有它自己的数字：这一行行名旁的数字也可能属于上一行，无法确定，请核对原表';

/** Cells of rows placed by a label a slipped row above may have taken over, with why. */
export function slippedAbove(placed: readonly Placed[], template: Template, rowMissing: ReadonlyMap<string, string>, lost: Map<string, string>): void {
  const t3 = placed.filter((x) => x.table === 't3');
  if (!t3.some((x) => x.shifted)) return;
  const byRow = new Map<string, Placed>();
  for (const x of t3) for (const k of x.ps.keys) if (!byRow.has(rowOfKey(k))) byRow.set(rowOfKey(k), x);
  const order = [...new Set(TEMPLATE_KEYS[template].filter((k) => k.startsWith('apps.')).map(rowOfKey))]
    .filter((r) => byRow.has(r) || rowMissing.has(`${r}.natural`));
  // Once a row above lacks its own line, every row named after it, down to the slip found, may be off.
  let open = false;
  for (const row of order) {
    const x = byRow.get(row);
    if (!x) { open = true; continue; }
    if (x.shifted) { open = false; continue; }
    if (open && x.ps.oneLine === true) x.ps.keys.forEach((k) => lost.has(k) || lost.set(k, SLIPPED));
    if (x.ps.oneLine !== true) open = true;
  }
}
