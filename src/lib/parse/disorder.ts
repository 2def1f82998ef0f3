/**
 * Signs that a table's lines moved in the source (a dump that reordered them): a row named
 * by another table's words, 表二's items out of their order. Where they show, no row stands
 * on a label printed apart from its figures.
 */
import type { TableId } from '../format';
import type { TableLayout } from './layout';
import type { Piece } from './pieces';

/**
 * A label of this table's region names a row of another table (表三's 予以公开 among 表二's
 * rows): lines moved between tables, so labels printed apart from their figures may have
 * moved away from them too.
 */
export function namesForeignRows(pieces: Piece[], table: TableId, opts: Record<TableId, TableLayout[]>): boolean {
  if (table === 't4') return false;
  const cues = foreignCues(table, opts);
  return pieces.some((p) => p.kind === 'label' && cues.some((c) => p.text.includes(c)));
}

const foreignMemo = new WeakMap<Record<TableId, TableLayout[]>, Map<TableId, string[]>>();

/** The row cues of 表二 and 表三 other than `table`'s own, kept per template's layouts. */
function foreignCues(table: TableId, opts: Record<TableId, TableLayout[]>): string[] {
  let memo = foreignMemo.get(opts);
  if (!memo) { memo = new Map(); foreignMemo.set(opts, memo); }
  let cues = memo.get(table);
  if (!cues) {
    // (Short cues such as 总计 or 规章 are words any table may print.)
    cues = (['t2', 't3'] as TableId[]).filter((t) => t !== table)
      .flatMap((t) => opts[t].flatMap((l) => l.rows.flatMap((r) => r.cues))).filter((c) => c.length > 2);
    memo.set(table, cues);
  }
  return cues;
}

const ITEM_ORDER = '一二三四五六七八九';

/** 表二's 第二十条 items (（一）（五）（六）（八）（九）) printed out of their order. */
export function itemsOutOfOrder(pieces: Piece[]): boolean {
  let prev = -1;
  for (const p of pieces) {
    if (p.kind !== 'label') continue;
    for (const m of p.text.matchAll(/第（([一二三四五六七八九])）项/g)) {
      const i = ITEM_ORDER.indexOf(m[1]);
      if (i < prev) return true;
      prev = i;
    }
  }
  return false;
}
