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
import { DIGIT, paint, type Box, type Glyph, type LayerShown, type OpList, type Ops, type Rect } from './paint';
import { barred } from './signs';
import { UNSEEN } from '../document';

export type { OpList, Ops } from './paint';
export { DIGIT } from './paint';

export const MARKED = '这一格的数字前或数字上画着一条横线（画出来的负号或删除线，不是文字），正负或是否作废无法确定，请核对原文件';
export const FAINT = '这一格里叠着浅色或半透明的数字（多为水印），哪个数属于表格无法确定，请核对原文件';
export const RECOGNISED = '这个数取自扫描件上不可见的文字识别层（OCR），识别可能有误，请对照原件图像核对';

/** Colours closer than this (0–1, the largest channel difference) cannot be told apart. */
const SAME_COLOUR = 0.12;
/** Ink this close to its ground, or this see-through, is a watermark's, not a table's figure. */
const FAINT_COLOUR = 0.3;
const FAINT_ALPHA = 0.45;
/** Faint text this much larger than the page's usual size is a watermark (so is faint text repeated, turned, or in words). */
const WATERMARK_SIZE = 1.5;
const CJK_CHAR = /[\u3400-\u9fff\uf900-\ufaff]/;
const PAGE = '#ffffff';
/** Rendering modes that paint nothing: invisible (3) and clip only (7). */
const INVISIBLE = new Set([3, 7]);

function channels(hex: string): number[] | null {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  return m ? [m[1], m[2], m[3]].map((c) => parseInt(c, 16) / 255) : null;
}

/** Text of colour `ink` on ground `ground` cannot be read (within `by`). A pattern or unknown colour can. */
function blends(ink: string, ground: string, by = SAME_COLOUR): boolean {
  const a = channels(ink), b = channels(ground);
  return !!a && !!b && a.every((v, i) => Math.abs(v - b[i]) < by);
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

/** Why a figure cannot be trusted as seen: one reason for the item, or one per part between its spaces. */
export type Why = string | (string | undefined)[] | undefined;

export interface Seen {
  /**
   * Why a digit of item i cannot be trusted as seen (UNSEEN, RECOGNISED, MARKED), or undefined;
   * a list where pdf.js joined several cells into one item ("5 3 200") and they differ.
   */
  why: Why[];
  /**
   * Item i's text without the spaces pdf.js wrote between digits of one string the writer set
   * letter-spaced (`Tc`, or a small move in a TJ array): 1 9 is 19, not two cells. Undefined: as is.
   */
  joined: (string | undefined)[];
  /**
   * Item i is a watermark: faint throughout, and larger than the page's text, turned, in words, or
   * printed again on the page. It is no part of a table, and laid over a row it would join its
   * label or its figures (2024 over a blank cell, 2024 run into a 0). A lone faint figure is not
   * left out but in doubt (FAINT): it may be the table's own, set pale.
   */
  watermark: boolean[];
  /** The pictures painted on the page (pictures.ts looks for figures drawn as pictures among them). */
  pictures: Rect[];
  /** The page's usual text size: the median of its items'. */
  usual: number;
}

/**
 * How each text item was drawn. Characters of items and glyphs are matched in order; an item
 * whose characters cannot be found among the glyphs is unseen when the page hides any digit at
 * all, since how it was drawn is then unknown.
 */
export function unseenItems(items: RawItem[], ops: OpList, OPS: Ops, shown?: LayerShown): Seen {
  const { glyphs, boxes, bars, rules, pictures } = paint(ops, OPS, shown);
  const scanned = glyphs.length > 0 && glyphs.every((g) => INVISIBLE.has(g.mode));
  const hiddenGlyph = (g: Glyph, x: number, y: number) => lost(g, scanned) || (g.clip !== null && !inside(g.clip, x, y))
    || blends(g.fill, groundAt(boxes, g.under, x, y)) || coveredAt(boxes, g.under, x, y);
  const faint = (g: Glyph, x: number, y: number) => g.alpha <= FAINT_ALPHA || blends(g.fill, groundAt(boxes, g.under, x, y), FAINT_COLOUR);
  const out: Why[] = items.map(() => undefined);
  const joined: (string | undefined)[] = items.map(() => undefined);
  const watermark: boolean[] = items.map(() => false);
  const faintText: [number, string, boolean][] = [];
  const sizes = items.map((it) => Math.hypot(it.transform[2], it.transform[3])).sort((a, b) => a - b);
  const usual = sizes[Math.floor(sizes.length / 2)] ?? 0;
  let anyHidden = false;
  const unmatched: number[] = [];
  let next = 0;
  items.forEach((it, k) => {
    const tokens = it.str.split(/\s+/).filter(Boolean);
    const chars = tokens.flatMap((t) => [...t]);
    if (!chars.length) return;
    const size = Math.hypot(it.transform[2], it.transform[3]) || it.height || 1;
    const start = findRun(glyphs, next, chars);
    if (start < 0) {
      if (chars.some((c) => DIGIT.test(c))) unmatched.push(k);
      return;
    }
    const run = glyphs.slice(start, start + chars.length);
    const placed = agrees(it, run, size);
    // Where a glyph sits: the middle of its advance, raised by a third of the size to the glyphs'
    // middle (a hiding box may cover one digit of the item only). Where the operator list's pen
    // does not land where pdf.js put the item (a font whose metrics it scales), its share of the
    // item's width along the baseline.
    const [a, b] = it.transform;
    const unit = Math.hypot(a, b) || 1;
    const at = (j: number) => {
      if (placed) {
        const g = run[j];
        return [(g.from[0] + g.to[0]) / 2 - (b / unit) * (size / 3), (g.from[1] + g.to[1]) / 2 + (a / unit) * (size / 3)] as const;
      }
      const d = (Math.max(it.width, 0) * (j + 0.5)) / chars.length;
      return [it.transform[4] + (d * a) / unit, it.transform[5] + (d * b) / unit + size / 3] as const;
    };
    if (!scanned && run.every((g, j) => faint(g, ...at(j)))) {
      const marked = size > WATERMARK_SIZE * usual || Math.abs(b) > 1e-3 * Math.abs(a) || CJK_CHAR.test(it.str);
      faintText.push([k, chars.join(''), marked]);
    }
    // One reason per part between the item's spaces: a part is a cell.
    const reasons: (string | undefined)[] = tokens.map(() => undefined);
    let j = 0;
    tokens.forEach((t, n) => {
      const part = run.slice(j, j + t.length);
      for (let q = 0; q < t.length; q++, j++) {
        if (!DIGIT.test(run[j].ch)) continue;
        if (hiddenGlyph(run[j], ...at(j))) {
          reasons[n] = UNSEEN;
          anyHidden = true;
        } else if (scanned) reasons[n] ??= RECOGNISED;
        else if (faint(run[j], ...at(j))) reasons[n] ??= FAINT;
      }
      if (!reasons[n] && placed && bars.length && barred(part, bars, rules, glyphs)) reasons[n] = MARKED;
    });
    next = start + chars.length;
    if (/\d\s+\d/.test(it.str)) joined[k] = withinOne(it.str, glyphs, start);
    const first = reasons.find(Boolean);
    out[k] = reasons.every((r) => r === first) || joined[k] !== undefined ? first : reasons;
  });
  const hides = anyHidden || glyphs.some((g) => DIGIT.test(g.ch) && (lost(g, scanned) || blends(g.fill, PAGE)));
  if (unmatched.length && (hides || scanned)) for (const k of unmatched) out[k] = scanned ? RECOGNISED : UNSEEN;
  const times = new Map<string, number>();
  for (const [, text] of faintText) times.set(text, (times.get(text) ?? 0) + 1);
  for (const [k, text, marked] of faintText) if (marked || times.get(text)! > 1) watermark[k] = true;
  return { why: out, joined, watermark, pictures, usual };
}

/** Whether the glyphs' pen starts and ends where pdf.js put the item: then their places are known. */
function agrees(it: RawItem, run: Glyph[], size: number): boolean {
  const first = run[0], last = run[run.length - 1];
  const [a, b] = it.transform;
  const unit = Math.hypot(a, b) || 1;
  const end = [it.transform[4] + (it.width * a) / unit, it.transform[5] + (it.width * b) / unit];
  const near = (p: [number, number], q: ArrayLike<number>) => Math.hypot(p[0] - q[0], p[1] - q[1]) <= 0.3 * size;
  return near(first.from, [it.transform[4], it.transform[5]]) && near(last.to, end);
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
