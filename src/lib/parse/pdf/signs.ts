/**
 * Bars drawn beside and across figures (paint.ts's bars, ink.ts's glyphs): a minus sign drawn
 * as a line or a picture instead of typed, and a strikethrough. The text layer holds only the
 * digits; what the bar means is on the page, so the figure is in doubt.
 */
import { DIGIT, type Bar, type Glyph, type Rule } from './paint';

/** How far left of its figure (font sizes) a drawn minus may stand in its cell (which may span columns). */
const FAR = 40;

/** Where a figure's bar would be read as a sign or a strike: between these fractions of the size above the baseline. */
const BAND = [0.12, 0.72];

/**
 * Whether a bar is drawn in the middle of a run of digits' height, ending before its first digit
 * (a minus drawn, not typed: just before it, or further left in the same cell with nothing and no
 * column's rule between) or across a digit (a strikethrough). An underline lies below the band, a
 * table's rule runs far past the figure.
 */
export function barred(run: Glyph[], bars: Bar[], rules: Rule[], page: Glyph[]): boolean {
  let j = 0;
  while (j < run.length) {
    const g = run[j];
    // (Turned text has no such bars to look for.)
    if (!DIGIT.test(g.ch) || Math.abs(g.to[1] - g.from[1]) > 0.01 * g.em || g.to[0] <= g.from[0]) {
      j++;
      continue;
    }
    let e = j;
    while (e + 1 < run.length && /[0-9０-９.,，．]/.test(run[e + 1].ch) && run[e + 1].op === g.op) e++;
    const left = g.from[0], right = run[e].to[0], size = g.em, base = g.from[1];
    const digit = Math.min(g.to[0] - g.from[0], size);
    for (const r of bars) {
      const mid = (r.y1 + r.y2) / 2 - base;
      if (mid < BAND[0] * size || mid > BAND[1] * size) continue;
      const short = r.x2 - r.x1 <= 1.2 * size;
      const sign = short && r.x2 <= left + 0.15 * size && r.x2 >= left - 0.6 * size && !struck(r, page, run, base, size);
      // A minus set at the cell's left edge, the figure at its right: nothing between them.
      const far = short && r.x2 - r.x1 >= 0.2 * size && r.x2 < left - 0.6 * size && left - r.x2 <= FAR * size
        && !struck(r, page, run, base, size) && clear(r.x2, left, base, size, page, run, rules);
      const across = Math.min(r.x2, right) - Math.max(r.x1, left) >= 0.5 * digit
        && r.x1 >= left - 1.5 * size && r.x2 <= right + 1.5 * size;
      if (sign || far || across) return true;
    }
    j = e + 1;
  }
  return false;
}

/** Whether a bar runs across some other glyph on the line: a strike of that, not a sign of what follows. */
function struck(r: Bar, page: Glyph[], run: Glyph[], base: number, size: number): boolean {
  return page.some((g) => !run.includes(g) && Math.abs(g.from[1] - base) < 0.3 * size && g.to[0] > g.from[0]
    && Math.min(r.x2, g.to[0]) - Math.max(r.x1, g.from[0]) >= 0.3 * (g.to[0] - g.from[0]));
}

/** Whether nothing stands on the line between x1 and x2: no glyph, no column's rule. */
function clear(x1: number, x2: number, base: number, size: number, page: Glyph[], run: Glyph[], rules: Rule[]): boolean {
  const y = base + 0.3 * size;
  if (rules.some((r) => (r.x1 + r.x2) / 2 > x1 && (r.x1 + r.x2) / 2 < x2 && r.y1 <= y && r.y2 >= y)) return false;
  return !page.some((g) => !run.includes(g) && Math.abs(g.from[1] - base) < 0.5 * size && Math.max(g.from[0], g.to[0]) > x1 && Math.min(g.from[0], g.to[0]) < x2);
}
