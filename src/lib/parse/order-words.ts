/**
 * The words of figures a table prints, for reading it by order (order.ts): each digit run with the
 * ways it splits into cells, blank marks among them (marks.ts), the page furniture left out.
 */
import type { SourceRef } from '../format';
import { lineWords, type Line } from './document';
import { FIGURES_AND_MARKS, markSplits, runsOf } from './marks';
import { mayBeFigures } from './normalize';
import { CJK, LEADING_ITEM } from './naming';

/**
 * Figures printed as one word: a digit run may hold several cells (`306` is 3, 0, 6), a run of
 * marks one blank or several (`——`), and figures and marks may run together (`—0`).
 */
export interface Word { digits: string; ref: SourceRef; splits: (number | null)[][]; li: number }

/** The fewest and most cells a word can hold. */
export function cellsOfWord(w: Word): [number, number] {
  const lens = w.splits.map((s) => s.length);
  return [Math.min(...lens), Math.max(...lens)];
}

/** A Chinese character: a line holding one holds words, not only figures. */
const PAGE_NUMBER = /^(?:[-—－–]\s*[0-9]{1,3}\s*[-—－–]|第\s*[0-9]{1,3}\s*页(?:\s*[，,/／]?\s*共\s*[0-9]{1,3}\s*页)?)$/;
/** No cell of 表三 has more digits than this; a longer run is not figures of the form. */
const MAX_DIGITS = 9;
const MAX_SPLIT = 7;

/** The ways a digit run splits into cells: each a 0 or a number without a leading 0. */
function splitsOf(d: string): number[][] {
  const out: number[][] = [];
  const walk = (at: number, acc: number[]) => {
    if (at === d.length) { out.push([...acc]); return; }
    if (d[at] === '0') { acc.push(0); walk(at + 1, acc); acc.pop(); return; }
    for (let end = at + 1; end <= d.length && end - at <= MAX_DIGITS; end++) {
      acc.push(Number(d.slice(at, end))); walk(end, acc); acc.pop();
    }
  };
  if (d.length <= MAX_SPLIT) walk(0, []);
  else if (d[0] !== '0' && d.length <= MAX_DIGITS) out.push([Number(d)]);
  return out;
}

/** No word has more ways to split than a run of MAX_SPLIT digits: more is not figures of the form. */
const MAX_WAYS = 2 ** (MAX_SPLIT - 1);

/** The cells a word of figures and marks may hold (each run's splits, in turn), or none if too many. */
function splitsOfWord(w: string): (number | null)[][] {
  let out: (number | null)[][] = [[]];
  for (const run of runsOf(w)) {
    const own: (number | null)[][] = /[0-9]/.test(run) ? splitsOf(run) : markSplits(run);
    if (out.length * own.length > MAX_WAYS) return [];
    out = out.flatMap((a) => own.map((b) => [...a, ...b]));
    if (!out.length) break;
  }
  return out;
}

/**
 * The figure words of lines [from, to), or null if anything else there holds digits or a dash.
 * A line that may be a page's number (Line.furniture) is read only with `furniture`.
 */
export function wordsOf(lines: readonly Line[], from: number, to: number, furniture = false): Word[] | null {
  const words: Word[] = [];
  for (let li = from; li < to; li++) {
    const l = lines[li];
    const text = l.tokens.map((t) => t.text).join(' ').trim();
    // (Whether `— 0 —` is a page's number or a row, the input's reader says: see Line.furniture.)
    if (!text || (l.furniture && !furniture) || (PAGE_NUMBER.test(text) && !mayBeFigures(text))) continue;
    // A figure its reader doubts (a PDF's digits a reader cannot see) is read by no order either.
    if (l.tokens.some((t) => t.doubt && /\d/.test(t.text))) return null;
    const t0 = l.tokens[0];
    const parts = text.split(/\s+/);
    // A row's label beside its figures: the labels are what place them (lines may have been
    // moved with their labels; the order would then read a consistent, wrong table).
    if (CJK.test(text) && parts.filter((w) => FIGURES_AND_MARKS.test(w)).length >= 3) return null;
    for (const [i, w] of parts.entries()) {
      if (FIGURES_AND_MARKS.test(w)) {
        const splits = splitsOfWord(w);
        if (!splits.length) return null;
        const ref: SourceRef = { text: w };
        if (t0?.page !== undefined) ref.page = t0.page;
        if (t0?.line !== undefined) ref.line = t0.line;
        words.push({ digits: w, ref, splits, li });
      } else if (/[-—－–/／]/.test(w) && !CJK.test(w)) return null;
      else if (/[0-9]/.test(w) && !(i === 0 && LEADING_ITEM.test(w))) return null;
    }
  }
  return words;
}

/**
 * Where 表四's figures go on past the next section's heading (pdftotext's default mode may set
 * that heading between the table's columns): the end of the lines after the heading that print
 * figures (or blank marks) alone, up to the first that prints anything else; or null. Not taken for a single figure
 * (after a heading that is as likely the page's number), nor when a page starts among those lines
 * or right after them (a footer may stand before a page's start).
 */
export function pastHeading(lines: readonly Line[], to: number): number | null {
  if (to >= lines.length || lines[to].pageStart) return null;
  const page = lines[to].tokens[0]?.page;
  let figures = 0;
  let end = to + 1;
  for (let li = to + 1; li < lines.length; li++) {
    const l = lines[li];
    const parts = lineWords(l);
    if (parts[0] === '') continue;
    // (A page that starts right after the figures may have a footer as their last.)
    if (l.pageStart || l.tokens[0]?.page !== page) return null;
    if (!parts.every((w) => FIGURES_AND_MARKS.test(w))) break;
    if (l.furniture) return null;
    figures += parts.length;
    end = li + 1;
  }
  return figures >= 2 ? end : null;
}
