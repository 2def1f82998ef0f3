/**
 * pdfjs text items → positioned pieces of text. Coordinates are those of the page as shown
 * (after /Rotate), in points, with y growing upward. Whitespace-only items are dropped: their widths are unreliable in real files
 * (a single space reported 80pt wide), and cell separation is decided by geometry anyway.
 */
import { isNumber } from './values';
import { asciiFigures, horizontalForms, unifyIdeographs } from '../normalize';
import { CJK } from '../naming';
import { UNSEEN, UNSURE_MARK } from '../document';
import type { Why } from './ink';

const CLIPPED = '这个数印到了页面边缘之外（表格比页面宽），超出的数字被截掉了，请核对原表或原始文件';

export interface Piece {
  text: string;
  /** Left edge, right edge. */
  x: number;
  x2: number;
  /** Baseline. */
  y: number;
  /** Font size (em height in user space). */
  size: number;
  /** Estimated vertical middle of the glyphs; rows are grouped on this, not the baseline,
   *  because numbers and labels of one row often sit on different baselines and sizes. */
  mid: number;
  /** Text written top-to-bottom (a vertical table label); kept out of row grouping. */
  vertical: boolean;
  /** Why its figures cannot be trusted as printed: cut off by the page's edge, or not visible. */
  doubt?: string;
}

/** The subset of pdfjs's TextItem that we read. */
export interface RawItem {
  str: string;
  dir?: string;
  transform: number[];
  width: number;
  height: number;
}

/** Where the middle of a glyph line sits above its baseline, as a fraction of font size. */
const MID = 0.35;

/** The page as displayed: pdfjs viewport transform (handles /Rotate and a shifted MediaBox). */
export interface View {
  transform: number[];
  height: number;
  width: number;
}

/**
 * Text reaching this close to the page's edge (in font sizes) may have lost glyphs past it: a
 * PDF writer drops those whole, so what is kept can end just inside the edge. Tables keep a
 * margin far wider than this.
 */
const EDGE = 0.5;

/** m1 × m2 for PDF 2×3 affine matrices [a b c d e f]. */
export function compose(m1: number[], m2: number[]): number[] {
  return [
    m1[0] * m2[0] + m1[2] * m2[1], m1[1] * m2[0] + m1[3] * m2[1],
    m1[0] * m2[2] + m1[2] * m2[3], m1[1] * m2[2] + m1[3] * m2[3],
    m1[0] * m2[4] + m1[2] * m2[5] + m1[4], m1[1] * m2[4] + m1[3] * m2[5] + m1[5],
  ];
}

/**
 * Text drawn again over itself, a hair apart (how many PDFs make Chinese text bold, or a shadow),
 * is one text to a reader: a copy closer than this many font sizes to an earlier one is dropped.
 */
const SAME_PLACE = 0.25;

/** Digits and no Chinese: a figure, which a doubt about how it was drawn concerns (words stay words). */
const figureLike = (text: string) => (/\d/.test(text) || text.includes(UNSURE_MARK)) && !CJK.test(text);

/**
 * `unseen[i]`: why a digit of item i cannot be trusted as seen (ink.ts), if it cannot: one reason,
 * or one for each part between its spaces.
 */
export function toPieces(items: RawItem[], view: View, unseen: readonly Why[] = []): Piece[] {
  const out: Piece[] = [];
  // (Pieces, not items: pdf.js may join a copy with the next cell's, 1838 149 beside 1838.)
  const drawn = new Map<string, Piece[]>();
  const copy = (p: Piece) => {
    const seen = drawn.get(p.text) ?? [];
    if (seen.some((o) => Math.abs(o.x - p.x) < SAME_PLACE * p.size && Math.abs(o.y - p.y) < SAME_PLACE * p.size && Math.abs(o.size - p.size) < 0.1 * p.size)) return true;
    seen.push(p);
    drawn.set(p.text, seen);
    return false;
  };
  const spaced = letterSpaced(items);
  for (const [i, it] of items.entries()) {
    const text = asciiFigures(unifyIdeographs(horizontalForms(it.str))).replace(/\s+/g, ' ').trim();
    if (!text) continue;
    // Device space has y downward; flip it back so "higher on the page" stays "larger y".
    const [a, b, c, d, e, yDown] = compose(view.transform, it.transform);
    const f = view.height - yDown;
    const size = Math.hypot(c, d) || Math.hypot(a, b) || it.height || 1;
    const tall = it.height > size * 1.5 && it.width < size * 1.3 && text.length > 1;
    // Text running up or down the displayed page (|b| > |a|) is a rotated label, not a row.
    const vertical = it.dir === 'ttb' || tall || Math.abs(b) > Math.abs(a);
    const piece: Piece = {
      text, x: e, x2: e + Math.max(it.width, 0), y: f, size,
      mid: vertical ? f + it.height / 2 : f + size * MID, vertical,
    };
    if (vertical) {
      if (!copy(piece)) out.push(piece);
      continue;
    }
    const why = unseen[i];
    const parts = spaced && oneCharParts(piece.text) ? [piece] : splitNumbers(piece);
    for (const [n, part] of parts.entries()) {
      if (copy(part)) continue;
      const reason = typeof why === 'string' || !why ? why : parts.length === why.length ? why[n] : why.find(Boolean);
      // Words stay words whatever their colour (a white heading on a dark band); figures do not.
      if (reason && figureLike(part.text)) part.doubt = reason;
      else if (part.x < EDGE * size || part.x2 > view.width - EDGE * size) part.doubt = CLIPPED;
      out.push(part);
    }
  }
  flagTiny(out);
  return mergeStacks(out);
}

/** Text this small (points, or a share of the page's usual size) is no print a reader sees. */
const TINY = 2;
const TINY_SHARE = 0.35;

/** Figures set too small to be read are in doubt (a 0.5 pt 7 beside a 10.5 pt 17). */
function flagTiny(pieces: Piece[]): void {
  const sizes = pieces.map((p) => p.size).sort((a, b) => a - b);
  const usual = sizes[Math.floor(sizes.length / 2)] ?? 0;
  for (const p of pieces) {
    if ((p.size < TINY || p.size < TINY_SHARE * usual) && figureLike(p.text)) {
      p.doubt ??= UNSEEN;
      // It stands in its row and column as if set at the usual size: a speck of its own would
      // leave the row a figure short, and the row's other figures might then shift a column.
      if (!p.vertical && usual > p.size) {
        p.mid = p.y + usual * MID;
        p.x2 = Math.max(p.x2, p.x + 0.5 * usual * p.text.length);
        p.size = usual;
      }
    }
  }
}

/**
 * pdfjs joins text separated by less than ~0.6em into one item, writing the gap as a space.
 * In a cramped table that glues a row's numbers together ("12 34 5"), so an item whose
 * space-separated parts include a number is cut at its spaces, each part placed by an
 * estimate of its width (CJK 1em, other characters 0.5em, a gap 0.35em, scaled to the item).
 */
function splitNumbers(p: Piece): Piece[] {
  const parts = p.text.split(' ');
  if (parts.length < 2 || !parts.some((t) => isNumber(t))) return [p];
  const em = (t: string) => [...t].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e7f ? 1 : 0.5), 0);
  const GAP = 0.35;
  const total = parts.reduce((n, t) => n + em(t), 0) + GAP * (parts.length - 1);
  const scale = (p.x2 - p.x) / (total * p.size) || 1;
  let x = p.x;
  return parts.map((text) => {
    const w = em(text) * p.size * scale;
    const piece = { ...p, text, x, x2: x + w };
    x += w + GAP * p.size * scale;
    return piece;
  });
}

/**
 * Text set with letter spacing (PyMuPDF's char_spacing, a Word 字符间距): pdf.js writes each gap as a
 * space, in words (行 政 强 制) and in figures (4 4 9) alike. Where most of a page's words are so
 * set, single characters between spaces are one spaced figure or several narrow cells, which
 * cannot be told apart: the item stays whole, and a spaced figure is a cell in doubt (pieces.ts).
 */
function letterSpaced(items: RawItem[]): boolean {
  let words = 0, spaced = 0;
  for (const it of items) {
    const t = it.str.trim();
    if ((t.match(CJK_G) ?? []).length < 3) continue;
    words++;
    if (SPACED_WORD.test(t)) spaced++;
  }
  return words > 0 && spaced > words / 2;
}
const CJK_G = new RegExp(CJK.source, 'g');
const SPACED_WORD = /^(?:\S\s)+\S$/;
const oneCharParts = (t: string) => /^[-−–+]?(?:\s?[\d.])+$/.test(t) && t.includes(' ') && t.split(' ').every((c) => c.length === 1);

const DIGITS = /^[\d.,，\-–—/]+$/;
/** Pieces closer than this (font sizes) are one run of text (a cell's border and padding are wider). */
const ADJACENT = 0.05;

/** A gap between characters of a letter-spaced line (font sizes): a vertical label's cell is set further apart. */
const LETTER_GAP = 1.5;

/**
 * Characters each an item of its own in runs of three or more along a line, a letter-spaced gap
 * apart (a heading set with 1em 字间距): words, whose characters line up with those of the lines
 * above and below as a vertical label's would.
 */
function chained(short: Piece[]): Set<Piece> {
  const next = new Map<Piece, Piece>();
  const hasPrev = new Set<Piece>();
  const byLine = [...short].sort((p, q) => p.x - q.x);
  for (const [i, p] of byLine.entries()) {
    // (In order of x: past a letter-spacing gap to the right, no later piece can follow it.)
    for (let j = i + 1; j < byLine.length && byLine[j].x - p.x2 <= LETTER_GAP * p.size; j++) {
      const o = byLine[j];
      if (hasPrev.has(o) || Math.abs(o.mid - p.mid) >= 0.3 * p.size || o.x < p.x2 - 0.05 * p.size) continue;
      next.set(p, o);
      hasPrev.add(o);
      break;
    }
  }
  const out = new Set<Piece>();
  for (const p of byLine) {
    if (hasPrev.has(p)) continue;
    const run = [p];
    for (let q = next.get(p); q; q = next.get(q)) run.push(q);
    if (run.length >= 3) run.forEach((q) => out.add(q));
  }
  return out;
}

/**
 * A vertical label set as one short horizontal item per line (三、/本/年/度/…) would
 * otherwise land one character in each table row. Find runs of ≥4 short, non-numeric items
 * at the same x and size, one line apart, and turn each run into a single vertical piece.
 */
function mergeStacks(pieces: Piece[]): Piece[] {
  // A character the text goes on from, glyph against glyph on its line, is the first of a
  // wrapped label (行 / 政许可 where a narrow cell broke 行政许可), not a vertical label's.
  const goesOn = (p: Piece) => pieces.some((q) => q !== p && !q.vertical && Math.abs(q.mid - p.mid) < 0.3 * p.size
    && Math.abs(q.x - p.x2) < ADJACENT * p.size);
  const short = pieces.filter((p) => !p.vertical && p.text.length <= 2 && !DIGITS.test(p.text) && !goesOn(p));
  const spaced = chained(short);
  const used = new Set<Piece>();
  const merged: Piece[] = [];
  const byX = [...short].sort((p, q) => p.x - q.x || q.y - p.y);
  for (let i = 0; i < byX.length; i++) {
    const head = byX[i];
    if (used.has(head)) continue;
    if (spaced.has(head)) continue;
    const col = byX.filter((p) => !used.has(p) && !spaced.has(p) && Math.abs(p.x - head.x) < 0.5 && Math.abs(p.size - head.size) < 0.1)
      .sort((p, q) => q.y - p.y);
    let run: Piece[] = [];
    const flush = () => {
      if (run.length >= 4) {
        run.forEach((p) => used.add(p));
        const top = run[0], bottom = run[run.length - 1];
        merged.push({
          text: run.map((p) => p.text).join(''), x: top.x, x2: Math.max(...run.map((p) => p.x2)),
          y: bottom.y, size: top.size, mid: (top.mid + bottom.mid) / 2, vertical: true,
        });
      }
    };
    for (const p of col) {
      const prev = run[run.length - 1];
      const step = prev ? prev.y - p.y : 0;
      if (prev && (step < p.size * 0.9 || step > p.size * 2.6)) {
        flush();
        run = [];
      }
      run.push(p);
    }
    flush();
  }
  if (!merged.length) return pieces;
  return [...pieces.filter((p) => !used.has(p)), ...merged];
}
