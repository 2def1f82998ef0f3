/**
 * Which text items carry digits a reader of the printed page cannot see: painted in the colour
 * of what lies under them (white on the white page, black in a black box), fully transparent,
 * covered by an opaque box painted after them, clipped away, in a layer switched off, or set
 * invisible (rendering mode 3 or 7) beside visible text. pdf.js's text content carries none of
 * this, so the page's operator list is walked alongside it (paint.ts): both come from one
 * evaluation of the same content stream, in the same order, so the glyphs of the operator
 * list's text, joined, are the text items' characters, joined.
 *
 * A page whose text is all invisible is a scan with its recognised text laid over the image:
 * its figures are what a program recognised, not what the page shows, and are flagged so.
 */
import type { RawItem } from './items';
import { paint, type Box, type Glyph, type LayerShown, type OpList, type Ops } from './paint';
import { UNSEEN } from '../document';

export type { OpList, Ops } from './paint';

export const RECOGNISED = '这个数取自扫描件上不可见的文字识别层（OCR），识别可能有误，请对照原件图像核对';

/** Colours closer than this (0–1, the largest channel difference) cannot be told apart. */
const SAME_COLOUR = 0.12;
const PAGE = '#ffffff';
export const DIGIT = /[0-9０-９]/;
/** Rendering modes that paint nothing: invisible (3) and clip only (7). */
const INVISIBLE = new Set([3, 7]);

function channels(hex: string): number[] | null {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  return m ? [m[1], m[2], m[3]].map((c) => parseInt(c, 16) / 255) : null;
}

/** Text of colour `ink` on ground `ground` cannot be read. A pattern or unknown colour can. */
function blends(ink: string, ground: string): boolean {
  const a = channels(ink), b = channels(ground);
  return !!a && !!b && a.every((v, i) => Math.abs(v - b[i]) < SAME_COLOUR);
}

const inside = (b: { x1: number; y1: number; x2: number; y2: number }, x: number, y: number) => x >= b.x1 && x <= b.x2 && y >= b.y1 && y <= b.y2;

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

/** Hidden from a reader, wherever it stands (no position needed). */
const lost = (g: Glyph, scanned: boolean) => g.alpha <= 0.1 || g.off || (!scanned && INVISIBLE.has(g.mode));

/** A TJ array's move between two digits up to this (thousandths of an em) keeps them one number. */
const KERN_WITHIN = 300;

export interface Seen {
  /** Why a digit of item i cannot be trusted as seen (UNSEEN or RECOGNISED), or undefined. */
  why: (string | undefined)[];
  /**
   * Item i's text without the spaces pdf.js wrote between digits of one string the writer set
   * letter-spaced (`Tc`, or a small move in a TJ array): 1 9 is 19, not two cells. Undefined: as is.
   */
  joined: (string | undefined)[];
}

/**
 * How each text item was drawn. Characters of items and glyphs are matched in order; an item
 * whose characters cannot be found among the glyphs is unseen when the page hides any digit at
 * all, since how it was drawn is then unknown.
 */
export function unseenItems(items: RawItem[], ops: OpList, OPS: Ops, shown?: LayerShown): Seen {
  const { glyphs, boxes } = paint(ops, OPS, shown);
  const scanned = glyphs.length > 0 && glyphs.every((g) => INVISIBLE.has(g.mode));
  const hiddenGlyph = (g: Glyph, x: number, y: number) => lost(g, scanned) || (g.clip !== null && !inside(g.clip, x, y))
    || blends(g.fill, groundAt(boxes, g.under, x, y)) || coveredAt(boxes, g.under, x, y);
  const out: (string | undefined)[] = items.map(() => undefined);
  const joined: (string | undefined)[] = items.map(() => undefined);
  let anyHidden = false;
  const unmatched: number[] = [];
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
      if (chars.some((c) => DIGIT.test(c))) unmatched.push(k);
      return;
    }
    for (let j = 0; j < chars.length; j++) {
      const g = glyphs[start + j];
      if (!DIGIT.test(g.ch)) continue;
      if (hiddenGlyph(g, ...at(j))) {
        out[k] = UNSEEN;
        anyHidden = true;
      } else if (scanned) out[k] ??= RECOGNISED;
    }
    next = start + chars.length;
    if (/\d\s+\d/.test(it.str)) joined[k] = withinOne(it.str, glyphs, start);
  });
  const hides = anyHidden || glyphs.some((g) => DIGIT.test(g.ch) && (lost(g, scanned) || blends(g.fill, PAGE)));
  if (unmatched.length && (hides || scanned)) for (const k of unmatched) out[k] = scanned ? RECOGNISED : UNSEEN;
  return { why: out, joined };
}

/** `text` with the spaces between digits drawn by one operation, close together, taken out. */
function withinOne(text: string, glyphs: Glyph[], start: number): string | undefined {
  let j = -1;
  let changed = false;
  const out = text.replace(/\S|\s+/g, (m) => {
    if (!/\s/.test(m)) {
      j++;
      return m;
    }
    const a = glyphs[start + j], b = glyphs[start + j + 1];
    const one = a && b && a.op === b.op && DIGIT.test(a.ch) && DIGIT.test(b.ch) && b.kern > -KERN_WITHIN;
    if (one) changed = true;
    return one ? '' : m;
  });
  return changed ? out : undefined;
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
