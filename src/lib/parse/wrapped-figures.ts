/**
 * Text laid out by position (pdftotext -layout) of a table whose figure columns are narrow, as
 * Word sets them: a figure wider than its cell wraps, its last digits on the next line right under
 * its first (`行政许可 — 15 178` / `8` for 1788; `590` / `69.0` / `1` for 59069.01). Those digits
 * are no cells of their own — read as such they shift the row (15 178 8) — and the figure above
 * is not whole. Each spaced token's start column says which figure a line of digits continues
 * (pdftotext -layout counts a CJK character as one column, as JavaScript strings do).
 */

import { layouts } from './layout';
import { CJK, LEADING_ITEM } from './naming';

/** Words that name a row of 表二 or 表三 on either form: a line that holds one opens a row. */
const ROW_CUES = [...new Set((['2019', '2021'] as const).flatMap((t) => {
  const l = layouts(t);
  return [...l.t2, ...l.t3].flatMap((x) => x.rows.flatMap((r) => r.cues));
}))].filter((c) => c.length >= 2);

/** Digits (and a decimal point) a wrapped figure continues with. */
const TAIL = /^[\d.]{1,8}$/;
/** A figure a narrow cell could not hold: two characters or more. */
const WIDE = /^-?[\d.,]{2,}$/;
const SPACED = /\S {2,}\S/;
/** A line that may continue wrapped figures: indented digits, maybe after the rest of a label. */
const TAIL_LINE = /^(?: +|[^\d\t]*?[\u3400-\u9fff）)][^\d\t]* {2,})[\d.]{1,8}(?: +[\d.]{1,8})* *$/;

const starts = (line: string) => [...line.matchAll(/[^\t ]+/g)].map((m) => ({ at: m.index ?? 0, text: m[0] }));

export interface Wraps {
  /** For a line: the start columns of tokens that only continue a figure of the line above (no cells). */
  tails: Map<number, Set<number>>;
  /** For a line whose figures wrap: the start columns of those figures, and what the next lines print there. */
  wrapped: Map<number, Map<number, string>>;
}

export function wrappedFigures(all: readonly string[]): Wraps {
  const tails = new Map<number, Set<number>>();
  const wrapped = new Map<number, Map<number, string>>();
  for (let i = 0; i + 1 < all.length; i++) {
    // (Laid out by position: columns set apart by runs of spaces, not one.)
    if (all[i].includes('\t') || !TAIL_LINE.test(all[i + 1]) || !SPACED.test(all[i])) continue;
    const tokens = starts(all[i]).filter((t) => !tails.get(i)?.has(t.at));
    // (Laid out by position: a figure of a cell stands away from the line's start. Text not so laid
    // out, pdftotext's default mode, starts every line at its first column.)
    const above = tokens.filter((t) => t.at > 0 && WIDE.test(t.text));
    if (above.length === 0) continue;
    const firstFigure = Math.min(...tokens.filter((t) => /\d/.test(t.text)).map((t) => t.at));
    const at = new Map(above.map((t) => [t.at, t.text]));
    for (let j = i + 1; j < all.length; j++) {
      if (all[j].includes('\t')) break;
      const below = starts(all[j]);
      // The next line may go on with the row's wrapped label before the figures' columns.
      const label = below.filter((t) => t.at < firstFigure);
      const under = below.filter((t) => t.at >= firstFigure);
      // Only under figures that fill their cell, none longer than the figure it continues; beside it
      // at most the rest of a wrapped label, never a row's own start (二、 · （三） · 3.).
      const words = label.map((t) => t.text).join('');
      if (under.length === 0 || (words && !CJK.test(words)) || /\d/.test(words) || LEADING_ITEM.test(words) || ROW_CUES.some((c) => words.includes(c))) break;
      if (!under.every((t) => TAIL.test(t.text) && t.text.length <= (at.get(t.at)?.length ?? 0))) break;
      tails.set(j, new Set(under.map((t) => t.at)));
      const seen = wrapped.get(i) ?? new Map<number, string>();
      for (const t of under) seen.set(t.at, `${seen.get(t.at) ?? ''}${t.text}`);
      wrapped.set(i, seen);
      if (label.length) break;
    }
  }
  return { tails, wrapped };
}

/** The start column of each token `splitCells` makes of a line without tabs, in order. */
export function tokenStarts(line: string): number[] {
  return starts(line).map((t) => t.at);
}
