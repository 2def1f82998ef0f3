/**
 * A table of one row (表四) whose empty cells print nothing: its figures stand on the grid of
 * equal columns the form sets (`0 0 _ 3 3 1 0 _ 4 5 0 _ 6 3 9`, every 28 pt), but with no other
 * row to show where the columns are, the gaps were lost and the row came up three cells short.
 * Where the figures' starts (or ends, or centres, as the cells align) all fall on one grid whose
 * step is the usual gap between them (a narrower gap is a narrow column, as browsers set 总计),
 * each figure takes its grid column and the columns between are blank. Anything less regular
 * stays as printed (and the reader flags it).
 */
import { CELL_ANCHORS, type Cell } from './rows';

/** How far a figure may stand off its grid line, in font sizes. */
const ON_GRID = 0.15;
/** A gap this share of the grid's step or wider (but under one step) is a narrow column. */
const NARROW = 0.5;
/** Fewer figures than this give no grid worth trusting. */
const MIN_FIGURES = 4;

export function gridSlots(values: Cell[]): (Cell | null)[] | null {
  if (values.length < MIN_FIGURES) return null;
  for (const at of CELL_ANCHORS) {
    const xs = values.map(at);
    const size = Math.min(...values.map((c) => c.size));
    const gaps = xs.slice(1).map((x, i) => x - xs[i]);
    // The grid's step is the usual gap; a narrower one is a narrow column (a 总计 column set
    // tighter than the rest), one column wide; every other gap a whole number of steps.
    const step = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)];
    if (!(step > size)) continue;
    const cols = gaps.map((g) => {
      const k = g / step;
      if (k >= NARROW && k < 1) return 1;
      return Math.abs(k - Math.round(k)) * step <= ON_GRID * size ? Math.round(k) : 0;
    });
    if (cols.some((k) => k < 1)) continue;
    if (cols.every((k) => k === 1)) return null;
    const out: (Cell | null)[] = [values[0]];
    cols.forEach((k, i) => {
      for (let b = 1; b < k; b++) out.push(null);
      out.push(values[i + 1]);
    });
    return out;
  }
  return null;
}
