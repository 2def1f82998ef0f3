/**
 * A walk through a page's operator list (pdf.js's drawing instructions) that keeps what decides
 * whether text shows: its fill colour and opacity, its rendering mode, the clip around it, the
 * optional-content layers it sits in, and the filled boxes painted among it. ink.ts matches the
 * glyphs it records to the page's text items.
 */
import { compose } from './items';
import { apply, newText, num, textOp, type Text } from './pen';

type Matrix = number[];

/** A rectangle in page space. */
export interface Rect { x1: number; y1: number; x2: number; y2: number }

/** A filled area of one colour: a background for text painted after it, a cover for text before it. */
export interface Box extends Rect {
  fill: string;
  /** It hides what lies under it (full opacity, normal blending). */
  covers: boolean;
}

/** A thin horizontal bar drawn on the page (a filled sliver or a stroked line), in page space. */
export type Bar = Rect;

/** One glyph of the operator list's text: its character and how it was drawn. */
export interface Glyph {
  ch: string;
  fill: string;
  alpha: number;
  /** Text rendering mode (3: invisible, 7: clip only). */
  mode: number;
  /** Inside an optional-content layer that is switched off. */
  off: boolean;
  /** The clip in force, where there is one smaller than the page. */
  clip: Rect | null;
  /** Boxes painted before it (the prefix of the box list that can lie under it). */
  under: number;
  /** The show operation that drew it: the glyphs of one are one string the writer set. */
  op: number;
  /** The space a TJ array puts before it within its operation (thousandths of an em; negative moves right). */
  kern: number;
  /** Where it starts and where its advance ends on the baseline, and its size, in page space. */
  from: [number, number];
  to: [number, number];
  em: number;
}

export interface OpList { fnArray: number[]; argsArray: unknown[] }

/** The subset of pdfjs's OPS that matters here. */
export type Ops = Record<'save' | 'restore' | 'transform' | 'setFillRGBColor' | 'setFillColorN' | 'setFillTransparent'
  | 'setGState' | 'constructPath' | 'stroke' | 'closeStroke' | 'setLineWidth' | 'setStrokeRGBColor' | 'setStrokeColorN' | 'showText' | 'paintFormXObjectBegin' | 'paintFormXObjectEnd'
  | 'fill' | 'eoFill' | 'fillStroke' | 'eoFillStroke' | 'closeFillStroke' | 'closeEOFillStroke'
  | 'beginGroup' | 'endGroup' | 'beginText' | 'setCharSpacing' | 'setWordSpacing' | 'setHScale' | 'setLeading' | 'setFont' | 'setTextRise' | 'moveText'
  | 'setLeadingMoveText' | 'setTextMatrix' | 'nextLine'
  | 'setTextRenderingMode' | 'clip' | 'eoClip' | 'beginMarkedContent' | 'beginMarkedContentProps' | 'endMarkedContent', number>;

/** Whether an optional-content group or membership dictionary (as pdf.js gives it) is shown. */
export type LayerShown = (props: unknown) => boolean;

/** Smaller than this (points) in either direction, a filled path is a rule or a glyph, not a background. */
const MIN_BOX = 3;
/** A drawn bar is at most this thick (points) and at least twice as long as it is thick. */
const MAX_BAR = 2.5;

interface State {
  /** The opacity of the transparency groups it is painted in, multiplied. */
  group: number;
  fill: string;
  stroke: string;
  lineWidth: number;
  alpha: number;
  /** Paint replaces what is under it (not a multiply highlighter's blend). */
  opaque: boolean;
  mode: number;
  clip: Rect | null;
  ctm: Matrix;
  text: Text;
}

function rectOf(minMax: ArrayLike<number>, ctm: Matrix): Rect | null {
  const [x0, y0, x1, y1] = [minMax[0], minMax[1], minMax[2], minMax[3]];
  if (![x0, y0, x1, y1].every(Number.isFinite)) return null;
  const xs: number[] = [], ys: number[] = [];
  for (const [x, y] of [[x0, y0], [x1, y0], [x0, y1], [x1, y1]]) {
    xs.push(ctm[0] * x + ctm[2] * y + ctm[4]);
    ys.push(ctm[1] * x + ctm[3] * y + ctm[5]);
  }
  return { x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys) };
}

const meet = (a: Rect | null, b: Rect): Rect => (a
  ? { x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1), x2: Math.min(a.x2, b.x2), y2: Math.min(a.y2, b.y2) }
  : b);

/** Each subpath's bounding box in page space (a path may hold many rectangles: a table's rules and a sign). */
function subpaths(data: unknown, ctm: Matrix): Rect[] {
  const buf = Array.isArray(data) ? data[0] : null;
  if (!buf || typeof (buf as ArrayLike<number>).length !== 'number') return [];
  const b = buf as ArrayLike<number>;
  const out: Rect[] = [];
  let mm: number[] | null = null;
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
  // Draw operations as pdf.js writes them: 0 moveTo, 1 lineTo, 2 curveTo, 3 quadraticCurveTo, 4 closePath.
  for (let k = 0; k < b.length;) {
    const op = b[k++];
    const n = op === 0 || op === 1 ? 1 : op === 2 ? 3 : op === 3 ? 2 : 0;
    if (op === 0) flush();
    else if (op > 4) break;
    for (let j = 0; j < n; j++, k += 2) add(b[k], b[k + 1]);
  }
  flush();
  return out;
}

const scaleOf = (ctm: Matrix) => Math.sqrt(Math.abs(ctm[0] * ctm[3] - ctm[1] * ctm[2])) || 1;

/** A visible thin horizontal bar: a rule, a drawn minus, a strikethrough, an underline. */
function barOf(r: Rect, thickness: number): Bar | null {
  const h = r.y2 - r.y1 + thickness, w = r.x2 - r.x1 + thickness;
  if (h > MAX_BAR || w < 2 * h || w < 1) return null;
  const half = thickness / 2;
  return { x1: r.x1 - half, y1: r.y1 - half, x2: r.x2 + half, y2: r.y2 + half };
}

const WHITE = /^#(f[0-9a-f]){3}$/i;

export function paint(ops: OpList, OPS: Ops, shown: LayerShown = () => true): { glyphs: Glyph[]; boxes: Box[]; bars: Bar[] } {
  const fills = new Set([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const strokes = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const glyphs: Glyph[] = [];
  const boxes: Box[] = [];
  const bars: Bar[] = [];
  let st: State = { group: 1, fill: '#000000', stroke: '#000000', lineWidth: 1, alpha: 1, opaque: true, mode: 0, clip: null, ctm: [1, 0, 0, 1, 0, 0], text: newText() };
  const stack: State[] = [];
  // Marked content nests; an optional-content section hides what it holds while its layer is off.
  const layers: boolean[] = [];
  let hidden = 0;
  let clipNext = false;
  const { fnArray, argsArray } = ops;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[];
    if (textOp(fn, args ?? [], st.text, OPS)) continue;
    if (fn === OPS.save) stack.push({ ...st, text: { ...st.text } });
    else if (fn === OPS.restore) st = stack.pop() ?? st;
    else if (fn === OPS.transform) st.ctm = compose(st.ctm, args as number[]);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push({ ...st, text: { ...st.text } });
      if (Array.isArray(args[0]) && args[0].length === 6) st.ctm = compose(st.ctm, args[0] as number[]);
    } else if (fn === OPS.paintFormXObjectEnd) st = stack.pop() ?? st;
    else if (fn === OPS.beginGroup) {
      // A group is composited at the opacity in force where it is painted (Chromium's CSS opacity).
      stack.push({ ...st, text: { ...st.text } });
      st.group *= st.alpha;
      st.alpha = 1;
    } else if (fn === OPS.endGroup) st = stack.pop() ?? st;
    else if (fn === OPS.setFillRGBColor) st.fill = typeof args[0] === 'string' ? args[0] : '';
    else if (fn === OPS.setFillColorN || fn === OPS.setFillTransparent) st.fill = '';
    else if (fn === OPS.setStrokeRGBColor) st.stroke = typeof args[0] === 'string' ? args[0] : '';
    else if (fn === OPS.setStrokeColorN) st.stroke = '';
    else if (fn === OPS.setLineWidth) st.lineWidth = typeof args[0] === 'number' ? args[0] : 1;
    else if (fn === OPS.setTextRenderingMode) st.mode = typeof args[0] === 'number' ? args[0] : 0;
    else if (fn === OPS.clip || fn === OPS.eoClip) clipNext = true;
    else if (fn === OPS.beginMarkedContent) layers.push(false);
    else if (fn === OPS.beginMarkedContentProps) {
      const off = args[0] === 'OC' && !shown(args[1]);
      layers.push(off);
      if (off) hidden++;
    } else if (fn === OPS.endMarkedContent) {
      if (layers.pop()) hidden--;
    } else if (fn === OPS.setGState) {
      for (const entry of (args[0] as [string, unknown][]) ?? []) {
        if (entry[0] === 'ca' && typeof entry[1] === 'number') st.alpha = entry[1];
        if (entry[0] === 'BM') st.opaque = entry[1] === 'source-over';
      }
    } else if (fn === OPS.constructPath) {
      const [op, data, minMax] = args as [number, unknown, ArrayLike<number> | null];
      const r = minMax ? rectOf(minMax, st.ctm) : null;
      // (A clip's path is its bounding box: a clip shaped otherwise is taken for larger than it is.)
      if (clipNext && r) st.clip = meet(st.clip, r);
      clipNext = false;
      if (r && fills.has(op) && st.alpha * st.group > 0.5 && st.fill && !hidden && r.x2 - r.x1 >= MIN_BOX && r.y2 - r.y1 >= MIN_BOX) {
        boxes.push({ ...r, fill: st.fill, covers: st.opaque && st.alpha * st.group > 0.95 });
      }
      // Bars a reader sees: drawn in a colour other than the page's, not hidden, not see-through.
      const filled = fills.has(op) && !!st.fill && !WHITE.test(st.fill);
      const stroked = strokes.has(op) && !!st.stroke && !WHITE.test(st.stroke);
      if (r && (filled || stroked) && !hidden && st.alpha * st.group > 0.5) {
        const thick = stroked ? Math.max(st.lineWidth, 0.1) * scaleOf(st.ctm) : 0;
        for (const p of subpaths(data, st.ctm)) {
          const bar = barOf(p, thick);
          if (bar) bars.push(bar);
        }
      }
    } else if (fn === OPS.showText) {
      const t = st.text;
      const m = compose(st.ctm, t.tm);
      const em = t.size * (Math.hypot(m[2], m[3]) || 1);
      let kern = 0;
      // The pen's advance within this operation, in text space before horizontal scaling.
      let x = 0;
      for (const g of (args[0] as unknown[]) ?? []) {
        if (typeof g === 'number') {
          kern += g;
          x -= (g * t.size) / 1000;
          continue;
        }
        const glyph = g as { unicode?: unknown; width?: unknown; isSpace?: unknown } | null;
        const from = apply(m, t.x + x * t.hScale, t.y + t.rise);
        x += (num(glyph?.width) * t.size) / 1000 + t.charSpacing + (glyph?.isSpace ? t.wordSpacing : 0);
        const to = apply(m, t.x + x * t.hScale, t.y + t.rise);
        const ch = glyph?.unicode;
        if (typeof ch !== 'string') continue;
        for (const c of ch.replace(/\s/g, '')) {
          glyphs.push({ ch: c, fill: st.fill, alpha: st.alpha * st.group, mode: st.mode, off: hidden > 0, clip: st.clip, under: boxes.length, op: i, kern, from, to, em });
          kern = 0;
        }
      }
      t.x += x * t.hScale;
    }
  }
  return { glyphs, boxes, bars };
}
