/**
 * Which text items a reader of the printed page cannot see: digits painted in the colour of
 * what lies under them (white on the white page, black in a black box), fully transparent,
 * or covered by an opaque box painted after them.
 * pdf.js's text content carries no colour, so the page's operator list is walked alongside it:
 * both come from one evaluation of the same content stream, in the same order, so the glyphs
 * of the operator list's text, joined, are the text items' characters, joined.
 *
 * Invisible rendering (mode 3) is not hidden here: it is how a scanned page carries its
 * recognised text, and the image under it shows those figures.
 */
import type { RawItem } from './items';

type Matrix = number[];

interface State {
  fill: string;
  alpha: number;
  /** Paint replaces what is under it (not a multiply highlighter's blend). */
  opaque: boolean;
  ctm: Matrix;
}

/** A filled area of one colour, in page space: a background for text painted after it, a cover for text before it. */
interface Box {
  x1: number; y1: number; x2: number; y2: number;
  fill: string;
  /** It hides what lies under it (full opacity, normal blending). */
  covers: boolean;
}

/** One glyph of the operator list's text: its character and the paint it was drawn with. */
interface Glyph {
  ch: string;
  fill: string;
  alpha: number;
  /** Boxes painted before it (the prefix of the box list that can lie under it). */
  under: number;
}

export interface OpList {
  fnArray: number[];
  argsArray: unknown[];
}

/** The subset of pdfjs's OPS that matters here. */
export type Ops = Record<'save' | 'restore' | 'transform' | 'setFillRGBColor' | 'setFillColorN' | 'setFillTransparent'
  | 'setGState' | 'constructPath' | 'showText' | 'paintFormXObjectBegin' | 'paintFormXObjectEnd'
  | 'fill' | 'eoFill' | 'fillStroke' | 'eoFillStroke' | 'closeFillStroke' | 'closeEOFillStroke', number>;

/** Smaller than this (points) in either direction, a filled path is a rule or a glyph, not a background. */
const MIN_BOX = 3;
/** Colours closer than this (0–1, the largest channel difference) cannot be told apart. */
const SAME_COLOUR = 0.12;
const PAGE = '#ffffff';
const DIGIT = /[0-9０-９]/;

function mul(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function boxOf(minMax: ArrayLike<number>, ctm: Matrix, fill: string, covers: boolean): Box | null {
  const [x0, y0, x1, y1] = [minMax[0], minMax[1], minMax[2], minMax[3]];
  if (![x0, y0, x1, y1].every(Number.isFinite)) return null;
  const xs: number[] = [], ys: number[] = [];
  for (const [x, y] of [[x0, y0], [x1, y0], [x0, y1], [x1, y1]]) {
    xs.push(ctm[0] * x + ctm[2] * y + ctm[4]);
    ys.push(ctm[1] * x + ctm[3] * y + ctm[5]);
  }
  const b = { x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys), fill, covers };
  return b.x2 - b.x1 >= MIN_BOX && b.y2 - b.y1 >= MIN_BOX ? b : null;
}

function channels(hex: string): number[] | null {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  return m ? [m[1], m[2], m[3]].map((c) => parseInt(c, 16) / 255) : null;
}

/** Text of colour `ink` on ground `ground` cannot be read. A pattern or unknown colour can. */
function blends(ink: string, ground: string): boolean {
  const a = channels(ink), b = channels(ground);
  return !!a && !!b && a.every((v, i) => Math.abs(v - b[i]) < SAME_COLOUR);
}

/** Walks the operator list: glyphs in drawing order, and the backgrounds painted among them. */
function paint(ops: OpList, OPS: Ops): { glyphs: Glyph[]; boxes: Box[] } {
  const fills = new Set([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const glyphs: Glyph[] = [];
  const boxes: Box[] = [];
  let st: State = { fill: '#000000', alpha: 1, opaque: true, ctm: [1, 0, 0, 1, 0, 0] };
  const stack: State[] = [];
  const { fnArray, argsArray } = ops;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push({ ...st });
    else if (fn === OPS.restore) st = stack.pop() ?? st;
    else if (fn === OPS.transform) st.ctm = mul(st.ctm, args as number[]);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push({ ...st });
      if (Array.isArray(args[0]) && args[0].length === 6) st.ctm = mul(st.ctm, args[0] as number[]);
    } else if (fn === OPS.paintFormXObjectEnd) st = stack.pop() ?? st;
    else if (fn === OPS.setFillRGBColor) st.fill = typeof args[0] === 'string' ? args[0] : '';
    else if (fn === OPS.setFillColorN || fn === OPS.setFillTransparent) st.fill = '';
    else if (fn === OPS.setGState) {
      for (const entry of (args[0] as [string, unknown][]) ?? []) {
        if (entry[0] === 'ca' && typeof entry[1] === 'number') st.alpha = entry[1];
        if (entry[0] === 'BM') st.opaque = entry[1] === 'source-over';
      }
    } else if (fn === OPS.constructPath) {
      const [op, , minMax] = args as [number, unknown, ArrayLike<number> | null];
      if (fills.has(op) && minMax && st.alpha > 0.5 && st.fill) {
        const b = boxOf(minMax, st.ctm, st.fill, st.opaque && st.alpha > 0.95);
        if (b) boxes.push(b);
      }
    } else if (fn === OPS.showText) {
      for (const g of (args[0] as unknown[]) ?? []) {
        const ch = (g as { unicode?: unknown } | null)?.unicode;
        if (typeof ch !== 'string') continue;
        for (const c of ch.replace(/\s/g, '')) glyphs.push({ ch: c, fill: st.fill, alpha: st.alpha, under: boxes.length });
      }
    }
  }
  return { glyphs, boxes };
}

const inside = (b: Box, x: number, y: number) => x >= b.x1 && x <= b.x2 && y >= b.y1 && y <= b.y2;

/** The colour under point (x, y): the last background painted there before the text, else the page. */
function groundAt(boxes: Box[], under: number, x: number, y: number): string {
  for (let i = under - 1; i >= 0; i--) if (inside(boxes[i], x, y)) return boxes[i].fill;
  return PAGE;
}

/** Whether an opaque box painted after the text lies over point (x, y): a redaction's black bar. */
function coveredAt(boxes: Box[], under: number, x: number, y: number): boolean {
  for (let i = under; i < boxes.length; i++) if (boxes[i].covers && inside(boxes[i], x, y)) return true;
  return false;
}

/**
 * For each text item, whether a digit of it cannot be seen. Characters of items and glyphs
 * are matched in order; an item whose characters cannot be found among the glyphs counts as
 * unseen when the page paints any digit unseen at all, since its colour is then unknown.
 */
export function unseenItems(items: RawItem[], ops: OpList, OPS: Ops): boolean[] {
  const { glyphs, boxes } = paint(ops, OPS);
  const hiddenGlyph = (g: Glyph, x: number, y: number) => g.alpha <= 0.1 || blends(g.fill, groundAt(boxes, g.under, x, y))
    || coveredAt(boxes, g.under, x, y);
  const out = items.map(() => false);
  let anyHidden = false;
  const lost: number[] = [];
  let next = 0;
  items.forEach((it, k) => {
    const chars = [...it.str.replace(/\s/g, '')];
    if (!chars.length) return;
    // Where a glyph sits: its share of the item's width along the baseline, raised by a third
    // of the size to the glyphs' middle (a hiding box may cover one digit of the item only).
    const size = Math.hypot(it.transform[2], it.transform[3]) || it.height || 1;
    const [a, b] = it.transform;
    const unit = Math.hypot(a, b) || 1;
    const at = (j: number) => {
      const d = (Math.max(it.width, 0) * (j + 0.5)) / chars.length;
      return [it.transform[4] + (d * a) / unit, it.transform[5] + (d * b) / unit + size / 3] as const;
    };
    const start = findRun(glyphs, next, chars);
    if (start < 0) {
      if (chars.some((c) => DIGIT.test(c))) lost.push(k);
      return;
    }
    for (let j = 0; j < chars.length; j++) {
      const g = glyphs[start + j];
      if (DIGIT.test(g.ch) && hiddenGlyph(g, ...at(j))) {
        out[k] = true;
        anyHidden = true;
      }
    }
    next = start + chars.length;
  });
  if (lost.length && (anyHidden || glyphs.some((g) => DIGIT.test(g.ch) && (g.alpha <= 0.1 || blends(g.fill, PAGE))))) {
    for (const k of lost) out[k] = true;
  }
  return out;
}

/** How far ahead of the last match an item's characters are looked for among the glyphs. */
const REACH = 64;

function findRun(glyphs: Glyph[], from: number, chars: string[]): number {
  const end = Math.min(glyphs.length - chars.length, from + REACH);
  outer: for (let s = from; s <= end; s++) {
    for (let j = 0; j < chars.length; j++) if (glyphs[s + j].ch !== chars[j]) continue outer;
    return s;
  }
  return -1;
}
