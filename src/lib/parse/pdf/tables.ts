/**
 * Finds the tables among the rows: a numeric row is label cells followed only by value cells;
 * consecutive numeric rows (with only label-column text between them, across page breaks)
 * form a block; the block's value columns are the union of where its values stand. A row
 * that shows nothing in one of those columns gets an empty cell there, so a blank prints as
 * null instead of shifting the next number into its place.
 */
import type { Cell, Row } from './rows';

import { isValue } from './values';
import { joinWrappedFigures } from './wrapped';
import { markSplitRows } from './split-rows';
import { gridSlots } from './grid';

export interface Entry {
  row: Row;
  kind: 'num' | 'text' | 'vertical';
  /** Numeric rows: cells before the first value (the row label and any outer label). */
  label: Cell[];
  /** Numeric rows: the values in column order; null where the column is blank. */
  values: (Cell | null)[];
  block?: Block;
  /** Why this row's figures cannot be placed (a row printed over several lines), in Chinese. */
  doubt?: string;
  /** The tails of figures wrapped in their cells, joined to the row above (wrapped.ts). */
  absorbed?: true;
}

export interface Block {
  /** Left edge of the value area: text ending before it is in the label columns. */
  left: number;
  entries: Entry[];
}

export function classify(rows: Row[]): Entry[] {
  return rows.map((row) => {
    if (row.vertical) return { row, kind: 'vertical', label: [], values: [] };
    const first = row.cells.findIndex((c) => isValue(c.text));
    const valuesOnly = first >= 0 && row.cells.slice(first).every((c) => isValue(c.text));
    if (!valuesOnly) return { row, kind: 'text', label: [], values: [] };
    return { row, kind: 'num', label: row.cells.slice(0, first), values: row.cells.slice(first) };
  });
}

/** Groups numeric rows into blocks and gives each block's rows one set of value columns. */
export function findBlocks(entries: Entry[]): Block[] {
  const blocks: Block[] = [];
  let cur: Block | null = null;
  for (const e of entries) {
    if (e.kind === 'vertical') continue;
    if (e.kind === 'text') {
      // Text reaching into the value area (a heading, a column header, prose) ends the table.
      if (cur && e.row.cells.some((c) => c.x2 > cur!.left - 0.3 * c.size)) cur = null;
      continue;
    }
    const vals = e.values as Cell[];
    const left = Math.min(...vals.map((c) => c.x));
    const labelEnd = Math.max(-Infinity, ...e.label.map((c) => c.x2));
    const fits = cur && vals[vals.length - 1].x2 > cur.left && labelEnd < cur.left;
    if (!cur || !fits) {
      cur = { left, entries: [] };
      blocks.push(cur);
    }
    cur.left = Math.min(cur.left, left);
    cur.entries.push(e);
    e.block = cur;
  }
  for (const b of blocks) alignColumns(b);
  joinWrappedFigures(entries);
  markSplitRows(entries);
  return blocks;
}

interface Column { x: number; x2: number }

const SLIPPED_ROW = '这一行的第一个数印在其他行的行名栏里（表格的格子错了位），各数属于哪一列无法确定，请核对原表';

/**
 * Value columns as clusters of overlapping value extents, which works whether the form
 * centres, left- or right-aligns its numbers.
 */
function alignColumns(b: Block): void {
  if (b.entries.length < 2) {
    const e = b.entries[0];
    const slots = e && !e.values.includes(null) ? gridSlots(e.values as Cell[]) : null;
    if (slots) e.values = slots;
    return;
  }
  // A figure standing where the other rows print their labels (a row whose cells slipped one
  // column left, its label cell not spanning the label columns) is no column: taken for one, it
  // would push every row with an empty cell one column right. That row is left in doubt instead.
  const labelEdge = (e: Entry) => Math.max(-Infinity, ...e.label.map((c) => c.x2));
  const slipped = new Set(b.entries.filter((e) => {
    const first = (e.values as Cell[])[0];
    return first && b.entries.some((o) => o !== e && labelEdge(o) > first.x2 + 0.3 * first.size);
  }));
  for (const e of slipped) e.doubt = SLIPPED_ROW;
  const cells = b.entries.filter((e) => !slipped.has(e)).flatMap((e) => e.values as Cell[]).sort((p, q) => p.x - q.x);
  const cols: Column[] = [];
  for (const c of cells) {
    const last = cols[cols.length - 1];
    if (last && c.x <= last.x2 + 0.3 * c.size) last.x2 = Math.max(last.x2, c.x2);
    else cols.push({ x: c.x, x2: c.x2 });
  }
  // Columns set so close that a wide figure (or a minus sign) bridges two: fewer columns than a
  // row has figures. Such columns place nothing; a short row stays short (and is read as such).
  if (b.entries.some((e) => !slipped.has(e) && e.values.length > cols.length)) return;
  for (const e of b.entries) {
    if (slipped.has(e)) continue;
    const vals = e.values as Cell[];
    if (vals.length >= cols.length) continue;
    const slots: (Cell | null)[] = cols.map(() => null);
    let ok = true;
    for (const c of vals) {
      const i = cols.findIndex((col) => c.x <= col.x2 + 0.3 * c.size && c.x2 >= col.x - 0.3 * c.size);
      if (i < 0 || slots[i]) ok = false;
      else slots[i] = c;
    }
    // Only re-slot when every value found its own column; otherwise keep what the row shows.
    if (ok) e.values = slots;
  }
}
