/**
 * A walk through a page's operator list (pdf.js's drawing instructions) that keeps what decides
 * whether text shows: its fill colour and opacity, its rendering mode, the clip around it, the
 * optional-content layers it sits in, and the filled boxes painted among it. ink.ts matches the
 * glyphs it records to the page's text items.
 */
import { compose } from './items';

type Matrix = number[];

/** A rectangle in page space. */
export interface Rect { x1: number; y1: number; x2: number; y2: number }

/** A filled area of one colour: a background for text painted after it, a cover for text before it. */
export interface Box extends Rect {
  fill: string;
  /** It hides what lies under it (full opacity, normal blending). */
  covers: boolean;
}

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
}

export interface OpList { fnArray: number[]; argsArray: unknown[] }

/** The subset of pdfjs's OPS that matters here. */
export type Ops = Record<'save' | 'restore' | 'transform' | 'setFillRGBColor' | 'setFillColorN' | 'setFillTransparent'
  | 'setGState' | 'constructPath' | 'showText' | 'paintFormXObjectBegin' | 'paintFormXObjectEnd'
  | 'fill' | 'eoFill' | 'fillStroke' | 'eoFillStroke' | 'closeFillStroke' | 'closeEOFillStroke'
  | 'setTextRenderingMode' | 'clip' | 'eoClip' | 'beginMarkedContent' | 'beginMarkedContentProps' | 'endMarkedContent', number>;

/** Whether an optional-content group or membership dictionary (as pdf.js gives it) is shown. */
export type LayerShown = (props: unknown) => boolean;

/** Smaller than this (points) in either direction, a filled path is a rule or a glyph, not a background. */
const MIN_BOX = 3;

interface State {
  fill: string;
  alpha: number;
  /** Paint replaces what is under it (not a multiply highlighter's blend). */
  opaque: boolean;
  mode: number;
  clip: Rect | null;
  ctm: Matrix;
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

export function paint(ops: OpList, OPS: Ops, shown: LayerShown = () => true): { glyphs: Glyph[]; boxes: Box[] } {
  const fills = new Set([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const glyphs: Glyph[] = [];
  const boxes: Box[] = [];
  let st: State = { fill: '#000000', alpha: 1, opaque: true, mode: 0, clip: null, ctm: [1, 0, 0, 1, 0, 0] };
  const stack: State[] = [];
  // Marked content nests; an optional-content section hides what it holds while its layer is off.
  const layers: boolean[] = [];
  let hidden = 0;
  let clipNext = false;
  const { fnArray, argsArray } = ops;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push({ ...st });
    else if (fn === OPS.restore) st = stack.pop() ?? st;
    else if (fn === OPS.transform) st.ctm = compose(st.ctm, args as number[]);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push({ ...st });
      if (Array.isArray(args[0]) && args[0].length === 6) st.ctm = compose(st.ctm, args[0] as number[]);
    } else if (fn === OPS.paintFormXObjectEnd) st = stack.pop() ?? st;
    else if (fn === OPS.setFillRGBColor) st.fill = typeof args[0] === 'string' ? args[0] : '';
    else if (fn === OPS.setFillColorN || fn === OPS.setFillTransparent) st.fill = '';
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
      const [op, , minMax] = args as [number, unknown, ArrayLike<number> | null];
      const r = minMax ? rectOf(minMax, st.ctm) : null;
      // (A clip's path is its bounding box: a clip shaped otherwise is taken for larger than it is.)
      if (clipNext && r) st.clip = meet(st.clip, r);
      clipNext = false;
      if (r && fills.has(op) && st.alpha > 0.5 && st.fill && !hidden && r.x2 - r.x1 >= MIN_BOX && r.y2 - r.y1 >= MIN_BOX) {
        boxes.push({ ...r, fill: st.fill, covers: st.opaque && st.alpha > 0.95 });
      }
    } else if (fn === OPS.showText) {
      let kern = 0;
      for (const g of (args[0] as unknown[]) ?? []) {
        if (typeof g === 'number') {
          kern += g;
          continue;
        }
        const ch = (g as { unicode?: unknown } | null)?.unicode;
        if (typeof ch !== 'string') continue;
        for (const c of ch.replace(/\s/g, '')) {
          glyphs.push({ ch: c, fill: st.fill, alpha: st.alpha, mode: st.mode, off: hidden > 0, clip: st.clip, under: boxes.length, op: i, kern });
          kern = 0;
        }
      }
    }
  }
  return { glyphs, boxes };
}
