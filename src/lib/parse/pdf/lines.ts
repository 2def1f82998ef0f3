/**
 * The thin lines of a drawn path, in page space: horizontal bars (a rule, a minus drawn, a
 * strikethrough, an underline) and vertical rules (a table's lines between columns). A filled
 * path gives each subpath's box (a sliver is a line); a stroked one, each segment, as thick as
 * the pen.
 */
import type { Rect } from './paint';

type Matrix = number[];

/** A line is at most this thick (points) and at least twice as long as it is thick. */
const MAX_LINE = 2.5;

export function rectOf(minMax: ArrayLike<number>, ctm: Matrix): Rect | null {
  const [x0, y0, x1, y1] = [minMax[0], minMax[1], minMax[2], minMax[3]];
  if (![x0, y0, x1, y1].every(Number.isFinite)) return null;
  const xs: number[] = [], ys: number[] = [];
  for (const [x, y] of [[x0, y0], [x1, y0], [x0, y1], [x1, y1]]) {
    xs.push(ctm[0] * x + ctm[2] * y + ctm[4]);
    ys.push(ctm[1] * x + ctm[3] * y + ctm[5]);
  }
  return { x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys) };
}

export const scaleOf = (ctm: Matrix) => Math.sqrt(Math.abs(ctm[0] * ctm[3] - ctm[1] * ctm[2])) || 1;

/** The boxes a path covers: each subpath's (filled), or each segment's (stroked). */
function pieces(data: unknown, ctm: Matrix, stroked: boolean): Rect[] {
  const buf = Array.isArray(data) ? data[0] : null;
  if (!buf || typeof (buf as ArrayLike<number>).length !== 'number') return [];
  const b = buf as ArrayLike<number>;
  const out: Rect[] = [];
  let mm: number[] | null = null;
  let start: number[] | null = null, at: number[] | null = null;
  const flush = () => {
    if (mm) {
      const r = rectOf(mm, ctm);
      if (r) out.push(r);
    }
    mm = null;
  };
  const add = (x: number, y: number) => {
    mm = mm ? [Math.min(mm[0], x), Math.min(mm[1], y), Math.max(mm[2], x), Math.max(mm[3], y)] : [x, y, x, y];
  };
  const segment = (p: number[], q: number[]) => {
    const r = rectOf([Math.min(p[0], q[0]), Math.min(p[1], q[1]), Math.max(p[0], q[0]), Math.max(p[1], q[1])], ctm);
    if (r) out.push(r);
  };
  // Draw operations as pdf.js writes them: 0 moveTo, 1 lineTo, 2 curveTo, 3 quadraticCurveTo, 4 closePath.
  for (let k = 0; k < b.length;) {
    const op = b[k++];
    const n = op === 0 || op === 1 ? 1 : op === 2 ? 3 : op === 3 ? 2 : 0;
    if (op > 4) break;
    if (stroked) {
      if (op === 4 && start && at) segment(at, start);
      const end: number[] | null = n ? [b[k + 2 * n - 2], b[k + 2 * n - 1]] : start;
      if (op === 0) start = end;
      else if (op === 1 && at && end) segment(at, end);
      at = end;
    } else {
      if (op === 0) flush();
      for (let j = 0; j < n; j++) add(b[k + 2 * j], b[k + 2 * j + 1]);
    }
    k += 2 * n;
  }
  flush();
  return out;
}

/** A box `thickness` thicker than `r` all round, as a bar, a rule, or neither. */
function lineOf(r: Rect, thickness: number): { kind: 'bar' | 'rule' | null; box: Rect } {
  const h = r.y2 - r.y1 + thickness, w = r.x2 - r.x1 + thickness;
  const half = thickness / 2;
  const box = { x1: r.x1 - half, y1: r.y1 - half, x2: r.x2 + half, y2: r.y2 + half };
  const kind = h <= MAX_LINE && w >= 2 * h && w >= 1 ? 'bar' : w <= MAX_LINE && h >= 2 * w && h >= 1 ? 'rule' : null;
  return { kind, box };
}

/** Whether a box painted whole (a picture) is a thin horizontal bar. */
export const isBar = (r: Rect) => lineOf(r, 0).kind === 'bar';

export function thinLines(data: unknown, ctm: Matrix, thickness: number, stroked: boolean): { bars: Rect[]; rules: Rect[] } {
  const bars: Rect[] = [], rules: Rect[] = [];
  for (const r of pieces(data, ctm, stroked)) {
    const { kind, box } = lineOf(r, thickness);
    if (kind === 'bar') bars.push(box);
    else if (kind === 'rule') rules.push(box);
  }
  return { bars, rules };
}
