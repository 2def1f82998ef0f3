/**
 * A table of one row (表四) whose empty cells print nothing: its figures stand on the grid of
 * equal columns the form sets (`0 0 _ 3 3 1 0 _ 4 5 0 _ 6 3 9`, every 28 pt), but with no other
 * row to show where the columns are, the gaps were lost and the row came up three cells short.
 * Where the figures' starts (or ends, or centres, as the cells align) all fall on one grid whose
 * step is the smallest gap between them, each figure takes its grid column and the columns
 * between are blank. Anything less regular stays as printed (and the reader flags it).
 */
import type { Cell } from './rows';

/** How far a figure may stand off its grid line, in font sizes. */
const ON_GRID = 0.15;
/** Fewer figures than this give no grid worth trusting. */
const MIN_FIGURES = 4;

export function gridSlots(values: Cell[]): (Cell | null)[] | null {
  if (values.length < MIN_FIGURES) return null;
  const anchors: ((c: Cell) => number)[] = [(c) => c.x, (c) => c.x2, (c) => (c.x + c.x2) / 2];
  for (const at of anchors) {
    const xs = values.map(at);
    const size = Math.min(...values.map((c) => c.size));
    const gaps = xs.slice(1).map((x, i) => x - xs[i]);
    const step = Math.min(...gaps);
    if (!(step > size)) continue;
    const steps = gaps.map((g) => g / step);
    if (steps.some((k) => Math.abs(k - Math.round(k)) * step > ON_GRID * size)) continue;
    if (steps.every((k) => Math.round(k) === 1)) return null;
    const out: (Cell | null)[] = [values[0]];
    steps.forEach((k, i) => {
      for (let b = 1; b < Math.round(k); b++) out.push(null);
      out.push(values[i + 1]);
    });
    return out;
  }
  return null;
}
