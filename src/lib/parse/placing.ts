/**
 * Each table's figures placed on the form's rows (the layout that fits them best, stray rows by
 * their label), and how each placement stands: named by its label or not, in a table disturbed
 * (a row lost, figures left over) or out of order, half a row off its label.
 */
import type { TableId, Template } from '../format';
import { APP_COLS, OTHER_SUB_ROWS } from '../format';
import { align, capacity, segmentsOf, type Alignment, type Placement, type Segment } from './align';
import { labelContradicts, labelNames, namedOnItsLine, outOfOrder, rowsClaimed, shiftFrom } from './naming';
import { layouts, type TableLayout } from './layout';
import type { Piece } from './pieces';
import type { Regions } from './regions';
import { itemsOutOfOrder, namesForeignRows } from './disorder';
import { readingsOf, type PlacedSegment } from './split';
import { joinSplitRows, rejoinLabelTails, type JoinedSegment } from './split-rows';
import { headerReading } from './headers';
import { inPrintedOrder, type HeaderOrders } from './header-order';
import type { Budget } from './budget';
import { rowsPrintedTwice } from './rows-twice';

/** How a placed segment's place is established: its label, the rules, or nothing at all. */
export interface Placed { ps: PlacedSegment; table: TableId; named: boolean; disturbed: boolean; reordered: boolean; contradicted: boolean; joined: boolean; loose: boolean; shifted?: boolean }

export interface Placing {
  placed: Placed[];
  missing: TableId[];
  /** Cells of rows no figures were found for, with the reason. */
  rowMissing: Map<string, string>;
  /** A 2021 表三 printing a single （六）其他处理 row. */
  singleOther: boolean;
  /** Cells whose column the table's own header puts in doubt, with the reason. */
  headerDoubt: Map<string, string>;
  /** Cells of rows printed twice with different figures (rows-twice.ts), with the reason. */
  rowTwice: Map<string, string>;
  /** 表三's columns stand in another order than the form's, as its header names them. */
  columnsMoved: boolean;
}

/** How the document prints figures (see readTables), and the reading's work budget. */
export interface PlacingOptions { byHeight: boolean; docGlued: boolean; dropsBlanks: boolean; subRows: boolean; budget: Budget; orders: HeaderOrders }

export function placeRegions(pieces: Piece[], regions: Regions, template: Template, o: PlacingOptions): Placing {
  const opts = layouts(template);
  const placed: Placed[] = [];
  const missing: TableId[] = [];
  const rowMissing = new Map<string, string>();
  let singleOther = false;
  const headerDoubt = new Map<string, string>();
  const rowTwice = new Map<string, string>();
  let columnsMoved = false;
  for (const t of ['t2', 't3', 't4'] as TableId[]) {
    const range = regions[t];
    if (!range) { missing.push(t); continue; }
    const region = pieces.slice(range[0], range[1]);
    // 表三's heads placed by the page's grid say more than their words' order: its reading stands.
    const read = t === 't3' && Array.isArray(o.orders.t3) ? { options: opts[t], doubt: new Map<string, string>(), moved: true as const } : headerReading(t, region, opts[t], template, o.byHeight);
    // (Heads that say 表三's columns moved: read by a one-row head, or in doubt for headers.ts's reason or ours.)
    const orders = t === 't3' && o.orders.t3 === 'unplaced' ? { ...o.orders, t3: read.moved || read.doubt.size ? null : 'doubt' as const } : o.orders;
    const printed = inPrintedOrder(t, read.options, orders);
    const header = { ...read, options: printed.options };
    header.doubt.forEach((why, k) => headerDoubt.set(k, why));
    printed.doubt.forEach((why, k) => headerDoubt.set(k, why));
    if (header.moved) columnsMoved = true;
    const { layout, al, glued, segs } = placeTable(region, header.options, o.docGlued, o.subRows);
    if (t === 't3') singleOther = layout.variant === 'single-other';
    if (t !== 't4') rowsPrintedTwice(segs, layout.rows).forEach((why, k) => rowTwice.set(k, why));
    const strays = strayPlacements(segs, layout, al, glued);
    const placements = [...al.placements, ...strays];
    const filled = new Set(placements.flatMap((p) => p.rows));
    const unfilled = layout.rows.filter((r, i) => !filled.has(i) && !r.optional);
    for (const r of unfilled) for (const k of r.keys) rowMissing.set(k, '表中没有找到这一行的数字');
    // A 2021 表三 without any （六）其他处理 row (a table cut short) does not print the 2019 single
    // row either: its three sub-rows are as missing as the row.
    if (singleOther && template === '2021' && unfilled.some((r) => r.id === 'other')) {
      singleOther = false;
      for (const r of OTHER_SUB_ROWS) for (const c of APP_COLS) rowMissing.set(`apps.${r}.${c}`, '表中没有找到（六）其他处理的各行数字');
    }
    // A table with a row not found and figures left over is out of order (lines shuffled,
    // a row lost): no row of it is taken on its label alone, the rules must confirm each.
    const used = new Set(placements.map((p) => p.seg));
    // (A lone number left over is a page number or a footnote mark, not a lost row; more, even
    // one per label, are figures the form has no place for — unless a sentence or a note holds
    // them: 注：本年度行政复议 1 件，行政诉讼 3 件。)
    const spare = segs.reduce((n, sg, j) => (used.has(j) || sg.furniture || PROSE.test(sg.label) ? n : n + sg.values.filter((v) => v.raw !== '' && !v.glued).length), 0);
    const leftover = spare > 1;
    const disturbed = unfilled.length > 0 || leftover;
    // Rows or 表二's items printed out of the form's order: labels beside figures may have moved
    // with them or not, so no row stands on its label alone either.
    const reordered = disturbed || outOfOrder(segs, layout.rows) || itemsOutOfOrder(region) || namesForeignRows(region, t, opts);
    // A row is filled by figures whose label names it (or names no row): figures put on a row by
    // order leave that row's name free to claim (行政处罚行政强制 beside one figure).
    const claimed = placements.map((p) => rowsClaimed(segs[p.seg].label, layout.rows, p.rows));
    const rowUses = new Map<number, number>();
    for (const rs of claimed) for (const r of rs) rowUses.set(r, (rowUses.get(r) ?? 0) + 1);
    for (const [i, p] of placements.entries()) {
      // The rows other placements filled.
      const others = { has: (r: number) => (rowUses.get(r) ?? 0) > (claimed[i].includes(r) ? 1 : 0) };
      const seg = segs[p.seg];
      // A table of one row (表四) has no row label: out of order, nothing names its figures.
      const named = !seg.furniture && !(disturbed && layout.rows.length === 1) && (labelNames(seg.label, layout.rows, p.rows, others) || namedOnItsLine(seg, layout.rows, p.rows, others));
      const contradicted = labelContradicts(seg.label, layout.rows, p.rows);
      const ps = readingsOf(seg, p, layout.rows, glued, o.budget, o.dropsBlanks);
      const joined = seg.joined === true;
      if (joined) { ps.exact = false; ps.oneLine = false; }
      // Label and figures share a line only if the words that name the row are on it.
      if (ps.oneLine) ps.oneLine = labelNames(seg.lineLabel, layout.rows, p.rows, others);
      placed.push({ ps, table: t, named, disturbed, reordered, contradicted, joined, loose: seg.values.every((v) => !v.cellular) });
    }
    // Where labels stand half a row off their figures (naming.ts shiftFrom), no row below the
    // first sign of it is named by the words beside its figures: those cells are lost. (In a
    // disturbed table a row filled by order alone is not filled: its figures are lost anyway.)
    const mine = placed.slice(placed.length - placements.length);
    const standing = disturbed ? new Set(mine.flatMap((x, i) => (x.named ? placements[i].rows : []))) : filled;
    const shift = shiftFrom(segs, layout.rows, standing, leftover);
    mine.forEach((x, i) => { if (placements[i].rows.some((r) => r > shift)) x.shifted = true; });
  }
  return { placed, missing, rowMissing, singleOther, headerDoubt, rowTwice, columnsMoved };
}

function placeTable(pieces: Piece[], options: TableLayout[], glued: boolean, subRows: boolean): { layout: TableLayout; al: Alignment; glued: boolean; segs: JoinedSegment[] } {
  const printed = segmentsOf(pieces);
  let best: { layout: TableLayout; al: Alignment; glued: boolean; segs: JoinedSegment[] } | null = null;
  for (const layout of options) {
    if (subRows && layout.variant === 'single-other' && options.length > 1) continue;
    const segs = joinSplitRows(rejoinLabelTails(printed, layout.rows), layout.rows, glued);
    const al = align(segs, layout.rows, glued);
    // （六） printed as one row is the 2019 row: a row named as one of the 2021 sub-rows (3.其他,
    // the other two left out) is that sub-row, never the sum of all three.
    if (layout.variant === 'single-other' && options.length > 1 && namesSubRow(al, layout, segs)) continue;
    if (layout.variant === 'block-rows' && !blocksNamed(al, layout, segs)) continue;
    if (!best || al.score > best.al.score) best = { layout, al, glued, segs };
  }
  return best!;
}

/**
 * 表四 read a block a row only where each block's figures stand beside its own name, five of
 * them, and the name of no other block: a head that names the blocks over one row of fifteen
 * figures is the form's own layout.
 */
function blocksNamed(al: Alignment, layout: TableLayout, segs: Segment[]): boolean {
  return layout.rows.every((r, i) => {
    const ps = al.placements.filter((p) => p.rows.includes(i));
    if (ps.length !== 1 || ps[0].rows.length !== 1) return false;
    const seg = segs[ps[0].seg];
    const names = (x: typeof r) => x.cues.some((c) => seg.label.includes(c));
    return seg.values.length === r.keys.length && names(r) && layout.rows.filter(names).length === 1;
  });
}

/** The words of the 2021 表三 rows `ids`, as its layouts cue them. */
const cuesOf = (ids: readonly string[]) => layouts('2021').t3.flatMap((l) => l.rows).filter((r) => ids.includes(r.id)).flatMap((r) => r.cues);
const SUB_ROW_CUES = cuesOf(OTHER_SUB_ROWS);
/** The first two sub-rows' own words: no 2019 table prints them. */
const FIRST_SUB_ROW_CUES = cuesOf(['other_no_correction', 'other_no_fee']);

function namesSubRow(al: Alignment, layout: TableLayout, segs: Segment[]): boolean {
  const other = layout.rows.findIndex((r) => r.id === 'other');
  const p = al.placements.find((x) => x.rows.includes(other));
  // (Also where their cells cannot be read, and the alignment would sooner skip them.)
  return (!!p && SUB_ROW_CUES.some((c) => segs[p.seg].label.includes(c))) || segs.some((s) => FIRST_SUB_ROW_CUES.some((c) => s.label.includes(c)));
}

/**
 * Rows the order-following alignment could not place because the source printed them out
 * of order (a Markdown dump that moved a table's first rows below the rest): a segment
 * whose own label names an unfilled row, with exactly that row's number of cells, is
 * placed there.
 */
function strayPlacements(segs: Segment[], layout: TableLayout, al: Alignment, glued: boolean): Placement[] {
  const usedSegs = new Set(al.placements.map((p) => p.seg));
  const usedRows = new Set(al.placements.flatMap((p) => p.rows));
  const out: Placement[] = [];
  segs.forEach((s, j) => {
    if (usedSegs.has(j)) return;
    const i = layout.rows.findIndex((r, ri) => !usedRows.has(ri) && r.cues.some((c) => s.label.endsWith(c)));
    if (i < 0) return;
    const [lo, hi] = capacity(s, glued);
    const w = layout.rows[i].keys.length;
    if (w < lo || w > hi) return;
    usedRows.add(i);
    out.push({ seg: j, rows: [i] });
  });
  return out;
}

/** A label that is a sentence or a note, not a row's or a column's name. */
const PROSE = /[。，；：:]|^\s*(?:注|说明|备注)/;
