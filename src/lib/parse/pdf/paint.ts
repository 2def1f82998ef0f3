/**
 * A walk through a page's operator list (pdf.js's drawing instructions) that keeps what decides
 * whether text shows: its fill colour and opacity, its rendering mode, the clip around it, the
 * optional-content layers it sits in, and the filled boxes painted among it. ink.ts matches the
 * glyphs it records to the page's text items.
 */
import { compose } from './items';
import { apply, newText, num, textOp, type Text } from './pen';
import { isBar, rectOf, scaleOf, thinLines } from './lines';

type Matrix = number[];

/** A digit, ASCII or full-width. */
export const DIGIT = /[0-9０-９]/;

/** A rectangle in page space. */
export interface Rect { x1: number; y1: number; x2: number; y2: number }

/** A filled area of one colour: a background for text painted after it, a cover for text before it. */
export interface Box extends Rect {
  fill: string;
  /** It hides what lies under it (full opacity, normal blending). */
  covers: boolean;
}

/** A thin horizontal bar drawn on the page (a filled sliver, a stroked line, an image), in page space. */
export type Bar = Rect;
/** A thin vertical line drawn on the page: a table's rule between columns. */
export type Rule = Rect;

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
  | 'beginGroup' | 'endGroup' | 'paintImageXObject' | 'paintInlineImageXObject' | 'paintImageMaskXObject' | 'paintSolidColorImageMask' | 'beginText' | 'setCharSpacing' | 'setWordSpacing' | 'setHScale' | 'setLeading' | 'setFont' | 'setTextRise' | 'moveText'
  | 'setLeadingMoveText' | 'setTextMatrix' | 'nextLine'
  | 'setTextRenderingMode' | 'clip' | 'eoClip' | 'beginMarkedContent' | 'beginMarkedContentProps' | 'endMarkedContent', number>;

/** Whether an optional-content group or membership dictionary (as pdf.js gives it) is shown. */
export type LayerShown = (props: unknown) => boolean;

/** Smaller than this (points) in either direction, a filled path is a rule or a glyph, not a background. */
const MIN_BOX = 3;

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

const meet = (a: Rect | null, b: Rect): Rect => (a
  ? { x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1), x2: Math.min(a.x2, b.x2), y2: Math.min(a.y2, b.y2) }
  : b);

const WHITE = /^#(f[0-9a-f]){3}$/i;

export function paint(ops: OpList, OPS: Ops, shown: LayerShown = () => true): { glyphs: Glyph[]; boxes: Box[]; bars: Bar[]; rules: Rule[]; pictures: Rect[] } {
  const pictures: Rect[] = [];
  const images = new Set([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintSolidColorImageMask]);
  const rules: Rule[] = [];
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
        const found = thinLines(data, st.ctm, thick, stroked);
        bars.push(...found.bars);
        rules.push(...found.rules);
      }
    } else if (images.has(fn)) {
      // An image is painted into the unit square: a thin one is a bar (a minus sign as a picture).
      const r = rectOf([0, 0, 1, 1], st.ctm);
      if (r && !hidden && st.alpha * st.group > 0.5) {
        pictures.push(r);
        if (isBar(r)) bars.push(r);
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
  return { glyphs, boxes, bars, rules, pictures };
}
