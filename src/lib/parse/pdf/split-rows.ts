/**
 * Rows whose figures stand on several lines in a way no reading can untangle: a number wrapped
 * in a narrow cell (1289 printed 128 over 9, the row's other figures on the line between), or
 * cells centred on their row's label, so that a figure a digit a line starts above the label's
 * line and ends below it, among the pieces of the rows above and below. Read as rows of their
 * own, or joined by wrapped.ts across a label, such lines give figures that look whole and are
 * not. They are flagged, never read.
 */
import type { Block, Entry } from './tables';
import { beginsRow, labelText, startsItem } from './labels';
import { CELL_LINE } from './wrapped';

export const SPLIT_ROW = '这一行的数字分印在上下几行（单元格太窄时数字会折行），哪些数字属于同一格、同一列无法确定，请核对原表';

/** A cell of figures only, several of them (`19 340 45`, set too close to part). */
const FIGURES = /^-?\d[\d.,]*(?:\s+-?\d[\d.,]*)+$/;
/** A label with a figure run into its cell (`行政事业性收费 3`). */
const LABEL_FIGURE = /[^\d\s.,]\s+-?\d[\d.,]*$/;
/** A piece of a figure read as text: `9.` reads as an item's number. */
const PIECE = /^-?[\d.,]*\d[\d.,]*$/;

/** A line of text that yields figures: a label and figures set too close to part, or run into its cell. */
function figured(e: Entry): boolean {
  if (e.kind !== 'text') return false;
  const cells = e.row.cells;
  return (cells.length > 1 && !/\d/.test(cells[0].text) && cells.slice(1).some((c) => FIGURES.test(c.text)))
    || cells.some((c) => LABEL_FIGURE.test(c.text));
}

const piece = (e: Entry) => e.kind === 'text' && e.row.cells.length === 1 && PIECE.test(e.row.cells[0].text);

export function markSplitRows(entries: Entry[]): void {
  const width = new Map<Block, number>();
  for (const e of entries) if (e.block) width.set(e.block, Math.max(width.get(e.block) ?? 0, e.values.length));
  // Where each row's figures end: its last line, the lowest of the tails wrapped.ts joined to it.
  const bottom = new Map<Entry, number>();
  let head: Entry | null = null;
  for (const e of entries) {
    if (e.kind !== 'num') continue;
    if (!e.absorbed) head = e;
    if (head) bottom.set(head, Math.min(bottom.get(head) ?? Infinity, e.row.mid));
  }
  const end = (e: Entry) => bottom.get(e) ?? e.row.mid;
  // (A line of text that yields figures was placed in no column: as good as a row with blanks.)
  const gapped = (e: Entry) => e.kind === 'text' || e.values.length < (width.get(e.block!) ?? 0) || e.values.some((v) => v === null);
  // (A line of figures under no label is the first or last line of a figure wrapped in a cell
  // centred on its label's line: 43 over 政府集中采购 2, of 432.)
  const bare = (e: Entry) => (e.kind === 'num' && !e.label.length) || piece(e);
  const named = (e: Entry) => beginsRow(labelText(e));
  const lines = entries.filter((e) => (e.kind === 'num' && e.block && !e.absorbed) || figured(e) || piece(e));
  for (let i = 1; i < lines.length; i++) {
    const [p, q] = [lines[i - 1], lines[i]];
    const samePage = p.row.page === q.row.page;
    // (Two lines each opening a row by its own label are two rows, however tight the table.)
    const close = samePage && (gapped(p) || gapped(q) || bare(p) || bare(q))
      && end(p) - q.row.mid < CELL_LINE * Math.min(p.row.size, q.row.size)
      && !(named(p) && named(q)) && !(figured(p) && figured(q));
    // Across a page break (a row LibreOffice let break): the next page goes on with figures
    // short of the row, under no item's label of its own.
    const broken = !samePage && q.kind === 'num' && gapped(q) && !startsItem(labelText(q));
    if (!close && !broken) continue;
    p.doubt = SPLIT_ROW;
    q.doubt = SPLIT_ROW;
  }
  markCentred(entries, end);
}

/**
 * Cells centred on their label: the label stands on a line of its own between lines of figures
 * (7 6 | 行政强制 | 6 4 of 7664). Joined on either side of the label, each half passes for a
 * figure. Where lines of figures under no label lie a line from such a label above and below it,
 * both are in doubt; and a table where a line of figures under no label stands right above a
 * label's line has its joined figures in doubt too, since a tail it took may be the head of the
 * row below.
 */
function markCentred(entries: Entry[], end: (e: Entry) => number): void {
  // (Figures only: a row under no label, or a cell of figures a half of which did not read as
  // one, `43 35145.` over 政府集中采购.)
  const loose = (e: Entry) => (e.kind === 'num' && !e.label.length)
    || (e.kind === 'text' && e.row.cells.every((c) => PIECE.test(c.text) || FIGURES.test(c.text)));
  const near = (a: number, b: Entry, size: number) => a - b.row.mid < CELL_LINE * size;
  const lines = entries.filter((e) => e.kind !== 'vertical' && !e.absorbed);
  for (let i = 1; i + 1 < lines.length; i++) {
    const [above, t, below] = [lines[i - 1], lines[i], lines[i + 1]];
    if (t.kind !== 'text' || !loose(above) || !loose(below)) continue;
    if (above.row.page !== t.row.page || t.row.page !== below.row.page) continue;
    if (!near(end(above), t, t.row.size) || !near(t.row.mid, below, t.row.size)) continue;
    // (The label must open a row: the rest of the row above's label, wrapped, stands between its
    // figures and the next row's as a matter of course.)
    if (!beginsRow(t.row.cells.map((c) => c.text).join(''))) continue;
    above.doubt = SPLIT_ROW;
    below.doubt = SPLIT_ROW;
  }
  // A table is centred where a line of figures under no label stands right above a label's line.
  const centred = new Set<Block | undefined>();
  lines.forEach((e, i) => {
    const next = lines[i + 1];
    if (e.kind === 'num' && e.block && !e.label.length && next && next.row.page === e.row.page
      && (next.kind === 'text' || next.label.length) && near(end(e), next, next.row.size)) centred.add(e.block);
  });
  let last: Entry | null = null;
  for (const e of entries) {
    if (e.kind !== 'num') continue;
    if (!e.absorbed) last = e;
    else if (last && centred.has(last.block)) last.doubt = SPLIT_ROW;
  }
}
