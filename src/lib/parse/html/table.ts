/**
 * Lays a <table> out into its grid, honouring rowspan and colspan the way browsers do, so
 * each cell gets the row and column a reader of the printed form would give it.
 */
import { cleanText, collectText } from './text';
import type { Element } from './tree';

export interface LaidCell {
  /** Visible text, whitespace collapsed; '' for a blank cell. */
  text: string;
  /** 1-based grid position of the cell's top-left slot. */
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
}

export interface LaidRow {
  /** The cells that start in this row, in column order. */
  cells: LaidCell[];
  /** Tables nested inside this row's cells, in document order. */
  nested: Element[];
}

export interface TableLayout {
  rows: LaidRow[];
  /** Number of grid columns. */
  width: number;
  caption: string;
  /** Tables nested outside any cell (e.g. in a caption). */
  nested: Element[];
}

/** A grid slot: the cell starting there, 'spanned' if another cell covers it, null if none. */
export type Slot = LaidCell | 'spanned' | null;

/** HTML's limits, also a guard against colspan="99999" in garbage input. */
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;

export function layoutTable(table: Element): TableLayout {
  const trs: Element[] = [];
  const nested: Element[] = [];
  let caption = '';
  const findRows = (e: Element) => {
    for (const c of e.children) {
      if (typeof c === 'string') continue;
      if (c.tag === 'tr') trs.push(c);
      else if (c.tag === 'table') nested.push(c);
      else if (c.tag === 'caption') caption += cleanText(collectText(c, nested));
      else findRows(c);
    }
  };
  findRows(table);

  // covered[r] holds, per column, the row index up to which a rowspan from above occupies it.
  const busyUntil: number[] = [];
  const rows: LaidRow[] = [];
  let width = 0;
  for (let r = 0; r < trs.length; r++) {
    const row: LaidRow = { cells: [], nested: [] };
    let c = 0;
    for (const td of cellsOf(trs[r])) {
      while (busyUntil[c] !== undefined && busyUntil[c] > r) c++;
      const colspan = clampSpan(spanAttr(td.attrs, 'colspan'), MAX_COLSPAN);
      // rowspan="0" means "to the end of the table"; no span reaches past the last row.
      const asked = spanAttr(td.attrs, 'rowspan');
      const rowspan = Math.min(asked === 0 ? trs.length - r : clampSpan(asked, MAX_ROWSPAN), trs.length - r);
      const text = cleanText(collectText(td, row.nested));
      row.cells.push({ text, row: r + 1, col: c + 1, rowspan, colspan });
      for (let k = c; k < c + colspan; k++) busyUntil[k] = Math.max(busyUntil[k] ?? 0, r + rowspan);
      c += colspan;
    }
    width = Math.max(width, c);
    rows.push(row);
  }
  return { rows, width: Math.max(width, busyUntil.length), caption, nested };
}

/** The full grid, with spanned slots marked; for tests and for callers that want a matrix. */
export function tableGrid(layout: TableLayout): Slot[][] {
  const grid: Slot[][] = layout.rows.map(() => new Array<Slot>(layout.width).fill(null));
  for (const row of layout.rows) {
    for (const cell of row.cells) {
      for (let r = cell.row - 1; r < cell.row - 1 + cell.rowspan && r < grid.length; r++) {
        for (let c = cell.col - 1; c < cell.col - 1 + cell.colspan; c++) {
          grid[r][c] = r === cell.row - 1 && c === cell.col - 1 ? cell : 'spanned';
        }
      }
    }
  }
  return grid;
}

/** A row's cells, looking through stray wrappers (<tr><font><td>) but not into nested tables. */
function cellsOf(e: Element, out: Element[] = []): Element[] {
  for (const c of e.children) {
    if (typeof c === 'string') continue;
    if (c.tag === 'td' || c.tag === 'th') out.push(c);
    else if (c.tag !== 'table' && c.tag !== 'tr') cellsOf(c, out);
  }
  return out;
}

/** The attribute's leading digits, or 1 if absent or unreadable (HTML's rules for spans). */
function spanAttr(attrs: Record<string, string>, name: 'colspan' | 'rowspan'): number {
  const v = attrs[name];
  if (v === undefined) return 1;
  const n = parseInt(v, 10);
  return Number.isFinite(n) ? n : 1;
}

function clampSpan(n: number, max: number): number {
  return n < 1 ? 1 : n > max ? max : n;
}
