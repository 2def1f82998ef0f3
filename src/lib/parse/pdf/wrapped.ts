/**
 * A figure wider than its cell wraps inside it (Word, LibreOffice): 2784 in a cell that holds
 * three digits prints `278` on the row's line and `4` on the line below, at the same left edge
 * (or right edge, or centre, as the cell aligns). Read as a row of its own, the tail would be
 * lost and the row flagged. Where the geometry leaves no other reading, the tail is joined to
 * the figure it continues:
 * - the line right below the row (no other line between them, on the same page, less than a
 *   line and a half lower) holds figures only, or figures and the rest of the row's label where
 *   that label begins with an item number (表二's rows have none, so there a label is a row);
 * - each of its figures sits under a figure of the row, aligned with it, digits (and a decimal
 *   point, 万元: `590` / `69.0` / `1`) that make one number with it;
 * - the figure above is as wide as the widest figure of its column in the table (it fills the
 *   cell; a narrower one would have had room for the tail).
 * A figure may wrap twice (`590` / `690` / `1`): the next line is tried in turn.
 */
import type { Block, Entry } from './tables';
import { CELL_ANCHORS, type Cell } from './rows';
import { labelText, startsItem } from './labels';

/** Lines of one cell lie no further apart than this, in font sizes (tables.ts splits rows by it too). */
export const CELL_LINE = 1.6;
/** How closely a tail must line up with the figure it continues, in font sizes. */
const ALIGN = 0.3;
/**
 * A figure's first line, and what may follow it: digits with at most one decimal point in all,
 * after a minus (本年增/减's -29 prints `-` over `29` in a cell one digit wide).
 */
const FIGURE = /^-?\d+(?:\.\d*)?$/;
const REST = /^[\d.]+$/;

function aligned(tail: Cell, head: Cell): boolean {
  const tol = ALIGN * Math.min(tail.size, head.size);
  return CELL_ANCHORS.some((at) => Math.abs(at(tail) - at(head)) <= tol);
}

/**
 * The widest figure of each value column among the block's rows that have a label (tails have
 * none) and as many figures as `n` (表二 holds rows of three figures and rows of one, which spans
 * the three columns: its width says nothing of theirs).
 */
function columnWidths(b: Block, n: number): number[] {
  const w: number[] = [];
  for (const e of b.entries) if (e.label.length && e.values.length === n) e.values.forEach((c, k) => { if (c) w[k] = Math.max(w[k] ?? 0, c.x2 - c.x); });
  return w;
}

/**
 * The tail's figures in the head's columns: as they stand where the block's columns placed them,
 * or, for a line the block could not place (its columns bridged by a wider row's figure), each
 * under the one first line it lines up with. Null if some figure lines up with none.
 */
function slotted(tail: Entry, head: Entry, firstLine: Cell[]): (Cell | null)[] | null {
  if (tail.values.length === head.values.length) return tail.values;
  const slots: (Cell | null)[] = head.values.map(() => null);
  for (const t of tail.values) {
    if (!t) continue;
    const k = firstLine.findIndex((c) => c && aligned(t, c));
    if (k < 0 || slots[k]) return null;
    slots[k] = t;
  }
  return slots;
}

/** The tail's figures, column by column, where it continues the figures above it; else null. */
function continues(head: Entry, tail: Entry, widths: number[], firstLine: Cell[], itemLabel: boolean): (Cell | null)[] | null {
  // (Tails split off by a piece read as text, `6.`, form a block of bare figures of their own.)
  const bare = (b: Block | undefined) => !!b && b.entries.every((e) => !e.label.length);
  if ((tail.block !== head.block && !bare(tail.block)) || tail.row.page !== head.row.page) return null;
  if (head.row.mid - tail.row.mid > CELL_LINE * Math.min(head.row.size, tail.row.size)) return null;
  const words = labelText(tail);
  // (Any of its label cells opening an item: a group's name wrapped in its tall cell may stand
  // before a row's own label on its line — 公开 | 5.属于三类内部事务信息.)
  if (words && (tail.label.some((c) => startsItem(c.text)) || !itemLabel)) return null;
  const values = slotted(tail, head, firstLine);
  if (!values) return null;
  let any = false;
  for (const [k, t] of values.entries()) {
    if (!t) continue;
    const h = head.values[k];
    const start = firstLine[k];
    if (!h || !start || !REST.test(t.text) || !FIGURE.test(h.text + t.text) || !aligned(t, start)) return null;
    // The figure's first line fills its cell: none in the column is wider.
    if (start.x2 - start.x < (widths[k] ?? 0) - ALIGN * start.size) return null;
    any = true;
  }
  return any ? values : null;
}

/**
 * A line holding only a piece of a figure that ends in its decimal point (`6.` of 82846.26, a
 * digit a line) reads as an item's number (6.) and so as text; the last digits, one a line, may
 * read as a vertical label. Standing alone, under a figure of the row and lined up with it, such
 * a piece is that figure's tail.
 */
function asTail(e: Entry, head: Entry, firstLine: Cell[]): Entry {
  const cells = e.row.cells;
  if (cells.length !== 1 || !REST.test(cells[0].text) || !head.block) return e;
  const k = firstLine.findIndex((c) => c && aligned(cells[0], c));
  if (k < 0 || cells[0].x < head.block.left - ALIGN * cells[0].size) return e;
  return { ...e, kind: 'num', label: [], values: head.values.map((_, i) => (i === k ? cells[0] : null)), block: head.block };
}

/** Joins wrapped tails into the figures above them; the lines they stood on are marked absorbed. */
export function joinWrappedFigures(entries: Entry[]): void {
  for (let i = 0; i < entries.length; i++) {
    const head = entries[i];
    if (head.kind !== 'num' || !head.block || head.absorbed) continue;
    const w = columnWidths(head.block, head.values.length);
    // The first line's cells: where each figure starts, however many lines it wraps over.
    const firstLine = head.values.map((c) => (c ? { ...c } : null)) as Cell[];
    const itemLabel = startsItem(labelText(head));
    let prev = head;
    for (let j = i + 1; j < entries.length; j++) {
      const tail = entries[j].kind === 'num' ? entries[j] : asTail(entries[j], head, firstLine);
      const values = tail.kind === 'num' ? continues(prev, tail, w, firstLine, itemLabel) : null;
      if (!values) break;
      entries[j] = tail;
      values.forEach((t, k) => {
        const h = head.values[k];
        const doubt = h?.doubt ?? t?.doubt;
        if (t && h) head.values[k] = { ...h, text: h.text + t.text, x2: Math.max(h.x2, t.x2), ...(doubt ? { doubt } : {}) };
      });
      // The rest of the label on the tail's line goes on the label's last cell.
      const words = labelText(tail);
      const last = head.label[head.label.length - 1];
      if (words && last) head.label[head.label.length - 1] = { ...last, text: last.text + words };
      tail.absorbed = true;
      prev = { ...tail, values: head.values };
    }
  }
}
