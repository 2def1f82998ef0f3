/**
 * pdfjs text items → positioned pieces of text. Coordinates are PDF user space (y grows
 * upward). Whitespace-only items are dropped: their widths are unreliable in real files
 * (a single space reported 80pt wide), and cell separation is decided by geometry anyway.
 */

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

export function toPieces(items: RawItem[]): Piece[] {
  const out: Piece[] = [];
  for (const it of items) {
    const text = it.str.replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const [a, b, c, d, e, f] = it.transform;
    const size = Math.hypot(c, d) || Math.hypot(a, b) || it.height || 1;
    const tall = it.height > size * 1.5 && it.width < size * 1.3 && text.length > 1;
    const vertical = it.dir === 'ttb' || tall;
    out.push({
      text, x: e, x2: e + Math.max(it.width, 0), y: f, size,
      mid: vertical ? f + it.height / 2 : f + size * MID, vertical,
    });
  }
  return mergeStacks(out);
}

const DIGITS = /^[\d.,，\-–—/]+$/;

/**
 * A vertical label set as one short horizontal item per line (三、/本/年/度/…) would
 * otherwise land one character in each table row. Find runs of ≥4 short, non-numeric items
 * at the same x and size, one line apart, and turn each run into a single vertical piece.
 */
function mergeStacks(pieces: Piece[]): Piece[] {
  const short = pieces.filter((p) => !p.vertical && p.text.length <= 2 && !DIGITS.test(p.text));
  const used = new Set<Piece>();
  const merged: Piece[] = [];
  const byX = [...short].sort((p, q) => p.x - q.x || q.y - p.y);
  for (let i = 0; i < byX.length; i++) {
    const head = byX[i];
    if (used.has(head)) continue;
    const col = byX.filter((p) => !used.has(p) && Math.abs(p.x - head.x) < 0.5 && Math.abs(p.size - head.size) < 0.1)
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
