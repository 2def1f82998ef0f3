/**
 * Positioned pieces → physical rows of cells. A row is a set of pieces whose glyph middles
 * line up (tolerance relative to font size); within a row, pieces closer than about one
 * character merge into one cell and wider gaps start a new cell, which is how a table's
 * columns show in a PDF that has no cell structure of its own.
 */
import type { Piece } from './items';
import { isValue } from './values';

export interface Cell {
  text: string;
  x: number;
  x2: number;
  size: number;
  mid: number;
  /** Why part of the cell's text cannot be trusted (see Piece.doubt). */
  doubt?: string;
}

/** Where a cell stands, as its column aligns it: by its left edge, its right edge or its centre. */
export const CELL_ANCHORS: readonly ((c: Cell) => number)[] = [(c) => c.x, (c) => c.x2, (c) => (c.x + c.x2) / 2];

export interface Row {
  page: number;
  cells: Cell[];
  mid: number;
  /** Largest font size in the row. */
  size: number;
  /** A vertical label (written top-to-bottom), never part of a horizontal row. */
  vertical?: boolean;
}

/** Middles closer than this fraction of the smaller font size are one row. */
const ROW_TOL = 0.45;
/** A horizontal gap wider than this fraction of the font size separates two cells. */
const CELL_GAP = 0.8;
/** A gap wider than this fraction of the font size becomes a space inside a cell. */
const SPACE_GAP = 0.15;
/** Narrow tables: a number this far from its neighbour is still a cell of its own (below). */
const NUMBER_GAP = 0.3;

export function buildRows(pieces: Piece[], page: number): Row[] {
  const flat = pieces.filter((p) => !p.vertical).sort((p, q) => q.mid - p.mid || p.x - q.x);
  const groups: Piece[][] = [];
  let cur: Piece[] = [];
  let anchor = 0;
  let minSize = 0;
  for (const p of flat) {
    // Compare with the row's first (topmost) middle, not a running mean, so a row cannot
    // creep downward and swallow a label that sits between two rows.
    if (cur.length && Math.abs(anchor - p.mid) <= ROW_TOL * Math.min(minSize, p.size)) {
      cur.push(p);
      minSize = Math.min(minSize, p.size);
      continue;
    }
    if (cur.length) groups.push(cur);
    cur = [p];
    anchor = p.mid;
    minSize = p.size;
  }
  if (cur.length) groups.push(cur);

  const rows: Row[] = groups.map((g) => {
    const cells = toCells(g);
    return { page, cells, mid: avg(g.map((p) => p.mid)), size: Math.max(...g.map((p) => p.size)) };
  });
  for (const v of pieces.filter((p) => p.vertical)) {
    rows.push({ page, cells: [{ text: v.text, x: v.x, x2: v.x2, size: v.size, mid: v.mid }], mid: v.mid, size: v.size, vertical: true });
  }
  return rows.sort((a, b) => b.mid - a.mid);
}

function toCells(pieces: Piece[]): Cell[] {
  const sorted = [...pieces].sort((p, q) => p.x - q.x);
  const cells: Cell[] = [];
  let last: Cell | null = null;
  sorted.forEach((p, i) => {
    const gap = last ? p.x - last.x2 : Infinity;
    const size = last ? Math.min(last.size, p.size) : p.size;
    // In a cramped table a number can sit closer than a character to the next number or to
    // its row label. Two numbers never form one cell; a label and a number part when the
    // row goes on with numbers only (a table row, not a sentence that mentions a number).
    // (A blank's mark, —, stands in a cell as a number does: `— 0` are two cells.)
    const prevNum = i > 0 && isValue(sorted[i - 1].text);
    const tableTail = i + 1 < sorted.length && sorted.slice(i + 1).every((q) => isValue(q.text));
    // (After a label, any space will do: a narrow label column ends where the figures begin.)
    const apart = isValue(p.text) && ((prevNum && gap > NUMBER_GAP * size) || (tableTail && gap > (prevNum ? NUMBER_GAP : SPACE_GAP) * size));
    if (last && gap <= CELL_GAP * size && !apart) {
      last.text += gap > SPACE_GAP * size ? ` ${p.text}` : p.text;
      last.x2 = Math.max(last.x2, p.x2);
      last.mid = (last.mid + p.mid) / 2;
      if (p.doubt) last.doubt ??= p.doubt;
      return;
    }
    last = { text: p.text, x: p.x, x2: p.x2, size: p.size, mid: p.mid, ...(p.doubt ? { doubt: p.doubt } : {}) };
    cells.push(last);
  });
  // Spaces between two CJK characters are justification, not separators (无正当理由大量反复 申请).
  for (const c of cells) c.text = c.text.replace(/(?<=[^\x00-\x7f]) +(?=[^\x00-\x7f])/g, '');
  return cells;
}

function avg(xs: number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

export function rowText(r: Row): string {
  return r.cells.map((c) => c.text).filter(Boolean).join(' ');
}

/** Fraction of the page height at top and bottom where running headers and footers live. */
const MARGIN = 0.09;
const PAGE_NO = /^(第)?\d{1,4}(页)?((\/|共)\d{1,4}页?)?$/;

/** Rows this close (in font sizes) to a row of figures may be one of its cells set off its line. */
const BESIDE = 1.2;

/**
 * A lone figure right above or below a row of figures, within the figures' columns: a cell of that
 * row set higher or lower (a cell whose text wrapped, a mark beside it), not the page's number.
 * Kept, the row reads it or is flagged; dropped, its cell read as blank without a word.
 */
function besideFigures(r: Row, rows: readonly Row[]): boolean {
  const c = r.cells.find((x) => /\d/.test(x.text));
  if (!c) return false;
  return rows.some((o) => {
    if (o === r || Math.abs(o.mid - r.mid) > BESIDE * Math.max(o.size, r.size)) return false;
    const figs = o.cells.filter((x) => isValue(x.text));
    return figs.length >= 2 && c.x2 >= Math.min(...figs.map((x) => x.x)) && c.x <= Math.max(...figs.map((x) => x.x2));
  });
}

/**
 * Drops page numbers (- 3 -, 第3页, 3/6) and running headers/footers: rows alone in the top
 * or bottom margin that are page numbers or repeat (digits aside) on most pages.
 */
export function dropMargins(pages: { rows: Row[]; height: number }[]): Row[][] {
  const inMargin = (r: Row, h: number) => r.mid < h * MARGIN || r.mid > h * (1 - MARGIN);
  const shape = (r: Row) => rowText(r).replace(/\d+/g, '#').replace(/\s+/g, '');
  const seen = new Map<string, Set<number>>();
  pages.forEach((p, i) => {
    for (const r of p.rows) {
      if (!inMargin(r, p.height)) continue;
      const s = shape(r);
      if (!seen.has(s)) seen.set(s, new Set());
      seen.get(s)!.add(i);
    }
  });
  const repeatMin = Math.max(2, Math.ceil(pages.length / 2));
  return pages.map((p) =>
    p.rows.filter((r) => {
      if (!inMargin(r, p.height)) return true;
      const bare = rowText(r).replace(/[\s\-–—－_·•]/g, '');
      // (A page's number is one figure: figures in two cells, 1 and 85 at a page's foot, are a row
      // whose cells wrapped, not page 185.)
      if (PAGE_NO.test(bare) && r.cells.filter((c) => /\d/.test(c.text)).length === 1 && !besideFigures(r, p.rows)) return false;
      // Only text repeats as a running header; a row with numbers in two cells is table data.
      const wordy = /[A-Za-z\u4e00-\u9fff]/.test(shape(r));
      const tableRow = r.cells.filter((c) => isValue(c.text)).length >= 2;
      return pages.length < 2 || !wordy || tableRow || (seen.get(shape(r))?.size ?? 0) < repeatMin;
    }),
  );
}
