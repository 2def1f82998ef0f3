/**
 * 表二 where each row's figures are printed apart from its label (pdftotext's default mode puts
 * them before it: `0` / `00` / 规章 / `00` / 行政规范性文件 0 / …). 表二 has no rule to confirm
 * an order by, so a reading stands on the labels alone: found in the form's order, each label
 * takes the figures on its own line and those printed since the label before it, and every row
 * must get exactly its count of cells. Within a row, figures printed both
 * before the label and on its line do not say which column comes first: unless they are all the
 * same, that row stays in doubt.
 */
import { T2_ROWS, type SourceRef, type Template } from '../format';
import { lineText, lineWords, type Line } from './document';
import { labelText, moneyUnit, withMoneyUnit } from './headers';
import { layouts, type RowSpec } from './layout';
import { wanToYuan } from './numbers';
import { toPieces, type Piece, type ValuePiece } from './pieces';
import { flagImpossible } from './verify';
import type { OrderReading } from './order';
import { BLANK_MARK } from './marks';

/** A cell as printed: a figure, or null where a blank mark (`—`, `/`) stands in it. */
interface Cell { value: number | null; ref: SourceRef }

/** 表二 opens on its section heading (二、主动公开政府信息情况) or its first header (第二十条第（一）项). */
const T2_HEADING = /^(?:[（(]?二[)）]?|2)\s*[、.．]?\s*主动公开|^第二十条/;
const T3_HEADING = /收到和处理政府信息公开申请/;
/** A figure as default-mode text prints a cell: digits, a sign, a decimal part (money). */
const PLAIN = /^-?[0-9]+(?:\.[0-9]+)?$/;

/**
 * The cells a run of figures holds, from the row's cell `at` on: a figure, or a blank mark (a
 * cell with nothing in it); zeros run into the next figure (`006`) are cells of their own. Null
 * for anything else (a bad cell, digits that may hold several figures).
 */
function cellsOf(p: ValuePiece, row: RowSpec, at: number): Cell[] | null {
  if (p.bad !== undefined || p.furniture) return null;
  const ref = p.ref;
  if (p.raw === '') return BLANK_MARK.test(ref.text) ? [{ value: null, ref }] : null;
  if (!p.glued) {
    if (p.value === null) return null;
    const money = row.money?.[at];
    const wan = (money === 'wan' && p.unit !== 'yuan') || (money === 'yuan' && p.unit === 'wan');
    return [{ value: wan ? wanToYuan(p.raw) : p.value, ref }];
  }
  // Digits run into words or other digits with no 0 in front (`2023年度`, `5项`, `292740`) may
  // be one figure, several, or no cell at all: not read.
  const m = /^(0+)([1-9][0-9]*)?$/.exec(p.raw);
  if (!m) return null;
  const out: Cell[] = [...m[1]].map(() => ({ value: 0, ref }));
  if (m[2]) out.push({ value: Number(m[2]), ref });
  // (Money is never read from a run: its unit and decimals are not in it.)
  return out.some((_, i) => row.money?.[at + i]) ? null : out;
}

/** Each row's label piece, found in the form's order; null if one is missing or out of order. */
function labelsOf(pieces: readonly Piece[], rows: readonly RowSpec[]): number[] | null {
  const out: number[] = [];
  let at = 0;
  for (const row of rows) {
    let found = -1;
    for (let i = at; i < pieces.length && found < 0; i++) {
      const p = pieces[i];
      if (p.kind === 'label' && row.cues.some((c) => p.text.includes(c))) found = i;
    }
    if (found < 0) return null;
    out.push(found);
    at = found + 1;
  }
  return out;
}

/** The figures each row takes: those on its label's line and those since the label before it. */
function partition(pieces: readonly Piece[], labels: readonly number[]): ValuePiece[][] | null {
  const out: ValuePiece[][] = labels.map(() => []);
  const labelLine = new Map(labels.map((i, r) => [pieces[i].line, r]));
  for (const [i, p] of pieces.entries()) {
    if (p.kind !== 'value') continue;
    let r = labelLine.get(p.line);
    if (r === undefined) {
      r = labels.findIndex((l) => l > i);
      if (r < 0) return null;
    }
    out[r].push(p);
  }
  return out;
}

/** The row's cells, or null if their count is not the row's. */
function rowCells(figures: readonly ValuePiece[], row: RowSpec): Cell[] | null {
  const cells: Cell[] = [];
  for (const p of figures) {
    const c = cellsOf(p, row, cells.length);
    if (!c) return null;
    cells.push(...c);
  }
  return cells.length === row.keys.length ? cells : null;
}

/**
 * 表二's lines: from its section heading (the region found by the label reader is cut where its
 * labels end) to 表三's, or null. None across a page's start: a page's number may stand among the
 * figures there, and one that fills a cell printed as nothing would keep every count.
 */
function region(lines: readonly Line[], from: number, to: number): [number, number] | null {
  let open = -1;
  for (let li = from; li < Math.min(to, lines.length) && open < 0; li++) if (T2_HEADING.test(lineText(lines[li]))) open = li;
  if (open < 0) return null;
  let close = -1;
  for (let li = Math.max(open, to - 1); li < lines.length && close < 0; li++) if (T3_HEADING.test(lineText(lines[li]))) close = li;
  if (close < 0) return null;
  const page = lines[open + 1]?.tokens[0]?.page;
  for (let li = open + 1; li <= close; li++) if (lines[li].pageStart || (lines[li].tokens.length > 0 && lines[li].tokens[0].page !== page)) return null;
  return [open + 1, close];
}

/**
 * Every figure is printed as a cell: plain (`（2023）`, `5项`, `2,293` are not), on a line of
 * figures or beside its own row's label only (a header's `2023 年度`, `共 2 页`, `（单位：件） 5`
 * may be no cell at all), and with no header words between a row's figures and its label
 * (第二十条第（六）项 / 2023 / 信息内容).
 */
function printedAsCells(lines: readonly Line[], from: number, pieces: readonly Piece[], labels: readonly number[], parts: readonly ValuePiece[][]): boolean {
  const rowLabel = new Set(labels);
  const worded = new Set(pieces.flatMap((p, i) => (p.kind === 'label' && !rowLabel.has(i) ? [p.line] : [])));
  const labelLines = new Set(labels.map((i) => pieces[i].line));
  for (const li of new Set(pieces.flatMap((p) => (p.kind === 'value' ? [p.line] : [])))) {
    if (worded.has(li)) return false;
    const words = lineWords(lines[from + li]);
    if (!words.every((w) => PLAIN.test(w) || BLANK_MARK.test(w) || (labelLines.has(li) && !/[0-9]/.test(w)))) return false;
  }
  const at = new Map(pieces.map((p, i) => [p, i]));
  return parts.every((figs, r) => {
    const first = figs.length ? at.get(figs[0])! : labels[r];
    for (let i = first + 1; i < labels[r]; i++) if (pieces[i].kind === 'label') return false;
    return true;
  });
}

/**
 * 表二's cells read by where its labels stand, for the lines [from, to) of its region; only the
 * rows whose reading is certain. Null when the labels do not cut the figures into the form's rows.
 */
export function readT2ByLabels(lines: readonly Line[], from: number, to: number, template: Template, paged: boolean): OrderReading | null {
  const span = region(lines, from, to);
  if (!span) return null;
  [from, to] = span;
  const pieces = toPieces(lines.slice(from, to));
  // (toPieces marks the last figure as possibly cut off: here the region ends, not the file.)
  const last = pieces.at(-1);
  if (last?.kind === 'value' && last.cut && to < lines.length) delete last.cut;
  if (pieces.some((p) => p.kind === 'value' && p.cut)) return null;
  const money = moneyUnit(labelText(pieces), template);
  if (!money.unit) return null;
  const rows = withMoneyUnit(layouts(template).t2[0], money.key, money.unit).rows;
  if (rows.length !== T2_ROWS[template].length) return null;
  const labels = labelsOf(pieces, rows);
  const parts = labels && partition(pieces, labels);
  if (!labels || !parts || !printedAsCells(lines, from, pieces, labels, parts)) return null;
  const read = parts.map((figs, r) => rowCells(figs, rows[r]));
  if (read.some((c) => c === null)) return null;
  const cells = new Map<string, number | null>();
  const refs = new Map<string, SourceRef>();
  const perLine = new Map<number, number>();
  for (const p of pieces) perLine.set(p.line, (perLine.get(p.line) ?? 0) + 1);
  (read as Cell[][]).forEach((row, r) => {
    const figs = parts[r];
    const labelLine = pieces[labels[r]].line;
    const split = figs.some((p) => p.line === labelLine) && figs.some((p) => p.line !== labelLine);
    if (split && row.some((c) => c.value !== row[0].value)) return;
    // Where pages are not marked, a figure alone on its line may be a page's number (or a year
    // printed apart): with a cell printed as nothing, it would keep the count.
    if (!paged && figs.some((p) => perLine.get(p.line) === 1 && !p.glued)) return;
    row.forEach((c, i) => { cells.set(rows[r].keys[i], c.value); refs.set(rows[r].keys[i], c.ref); });
  });
  // A count that cannot be negative or a fraction is not taken (verify.ts says why).
  for (const k of flagImpossible(new Map(cells), new Map(), refs)) { cells.delete(k); refs.delete(k); }
  return cells.size ? { cells, refs } : null;
}
