/**
 * A footnote's mark set as a superscript after a figure (2111注1, 43¹, 0①, as a browser prints
 * `2111<sup>注1</sup>`): a text item of its own, in a smaller size, raised, starting where the
 * figure ends. Left among the page's text it stands a little above the row, so the row's figures
 * seemed printed over two lines and were all put in doubt. It is the note's mark, not a figure.
 */
import type { RawItem } from './items';

const MARK = /^(?:注\s?\d{1,2}|[\u2460-\u2473\u2474-\u2487]|[*※†‡]|\d{1,2}|[(（]\d{1,2}[)）]|\[\d{1,2}\])$/;
/** A superscript is set at most this share of the figure's size. */
const SMALLER = 0.8;
/** Its baseline stands this share of the figure's size above the figure's, at least (and at most one size). */
const RAISED = 0.2;
/** How far from the figure's end it may start, in the figure's size. */
const TOUCHING = 0.5;

const upright = (it: RawItem) => it.transform[1] === 0 && it.transform[2] === 0 && it.transform[0] > 0 && it.transform[3] > 0;

/**
 * For each item, whether it is a footnote's mark raised after a figure. (Not a mark that wrapped in
 * a narrow cell, 注 beside the figure and its 1 below: that figure stands off its row's line too,
 * and the row stays in doubt.)
 */
export function raisedMarks(items: readonly RawItem[]): boolean[] {
  // (An item that ends on a figure: pdf.js may join two cells' figures into one item, `1835 -2`.)
  const figures = items.filter((it) => upright(it) && /(?:^|\s)[-+]?[\d,，.]*\d$/.test(it.str.trim()));
  const after = (it: RawItem, f: RawItem) => Math.abs(it.transform[4] - (f.transform[4] + f.width)) <= TOUCHING * f.transform[3];
  const out = items.map(() => false);
  items.forEach((it, i) => {
    if (!upright(it)) return;
    const raised = figures.some((g) => {
      const fs = g.transform[3];
      const rise = it.transform[5] - g.transform[5];
      return g !== it && it.transform[3] <= SMALLER * fs && rise >= RAISED * fs && rise <= fs && after(it, g);
    });
    if (!raised) return;
    if (MARK.test(it.str.trim())) { out[i] = true; return; }
    if (it.str.trim() !== '注') return;
    // A writer may set 注 and its 1 as two items, side by side on one baseline.
    const next = items.findIndex((n) => n !== it && upright(n) && n.transform[3] === it.transform[3]
      && Math.abs(n.transform[5] - it.transform[5]) < 0.2 * it.transform[3] && after(n, it) && /^\d{1,2}$/.test(n.str.trim()));
    if (next >= 0) { out[i] = true; out[next] = true; }
  });
  return out;
}
