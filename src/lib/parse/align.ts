/**
 * Which printed rows each run of numbers belongs to. Labels get lost, split or shuffled
 * (one character per line, a page break inside a row), so rows are matched as a whole:
 * a dynamic programme over segments × rows that rewards a label naming its row, follows
 * the form's row order where labels are missing, and pays for every row or number it skips.
 */
import type { Piece, ValuePiece } from './pieces';
import type { RowSpec } from './layout';

export interface Segment {
  label: string;
  /** The line the label ended on (-1: no label). */
  labelLine: number;
  /** The part of the label printed on that line. */
  lineLabel: string;
  values: ValuePiece[];
  /** Figures of a line that may be a page number: skipped freely, never established by a label. */
  furniture?: boolean;
}

export interface Placement {
  seg: number;
  /** Indices into the layout's rows, consecutive. */
  rows: number[];
  /** The segment holds fewer values than its row has cells. */
  short?: boolean;
}

export function segmentsOf(pieces: Piece[]): Segment[] {
  const out: Segment[] = [];
  let label = '';
  let labelLine = -1;
  let lineLabel = '';
  let cur: Segment | null = null;
  // A line that may be a page number stands apart: the figures around it stay one run, and a
  // label before it still belongs to the figures after it. Inside a run it follows the run.
  let aside: Segment[] = [];
  let page: Segment | null = null;
  const close = () => { if (cur) out.push(cur); out.push(...aside); aside = []; cur = null; label = ''; labelLine = -1; lineLabel = ''; };
  for (const p of pieces) {
    if (p.kind === 'value' && p.furniture) {
      if (!page || page.values[0].line !== p.line) {
        page = { label: '', labelLine: -1, lineLabel: '', values: [], furniture: true };
        (cur ? aside : out).push(page);
      }
      page.values.push(p);
      continue;
    }
    page = null;
    if (p.kind === 'label') {
      if (cur) close();
      label += p.text;
      lineLabel = p.line === labelLine ? lineLabel + p.text : p.text;
      labelLine = p.line;
    } else {
      const last = cur?.values[cur.values.length - 1];
      // A loose number beside a table row (a displaced cell) is not part of that row, and the
      // blanks of a row without figures (a heading row's padding) are not part of the next.
      // Digits run into the row's label cell (a cramped PDF row) go on in the cells beside them.
      const intoCells = last && last.glued && !last.cellular && p.cellular && last.line === p.line;
      if (last && ((last.cellular !== p.cellular && !intoCells) || (last.pad && !p.pad && last.line !== p.line))) close();
      if (!cur) cur = { label, labelLine, lineLabel, values: [] };
      cur.values.push(p);
    }
  }
  close();
  return out;
}

export function blankEnds(seg: Segment): { lead: number; trail: number } {
  const vals = seg.values;
  let lead = 0;
  while (lead < vals.length && vals[lead].raw === '') lead++;
  let trail = 0;
  for (let i = vals.length - 1; i >= lead && vals[i].raw === ''; i--) trail++;
  return { lead, trail };
}

/** How many cells a segment can fill: [min, max]. */
export function capacity(seg: Segment, glued: boolean): [number, number] {
  const vals = seg.values;
  // Blank cells at either end may be an empty label cell or padding rather than values.
  const { lead, trail } = blankEnds(seg);
  if (!glued) return [Math.max(1, vals.length - lead - trail), vals.length];
  // (Cells a layout separates are never split: each is one cell.)
  const digits = vals.reduce((n, v) => n + (v.cellular && !v.glued ? 1 : Math.max(1, v.raw.replace(/[^\d]/g, '').length)), 0);
  return [Math.max(1, vals.length - lead - trail), digits];
}

interface CueMatch { last: number; any: ReadonlySet<number> }

/** Labels recur across a form's tables and across reports: their matches are kept per row set. */
const cueMemo = new WeakMap<RowSpec[], Map<string, CueMatch>>();
const CUE_MEMO_SIZE = 4096;

/** The row whose cue appears last in the label, and every row named anywhere in it. */
function cueMatches(label: string, rows: RowSpec[]): CueMatch {
  let memo = cueMemo.get(rows);
  if (!memo) { memo = new Map(); cueMemo.set(rows, memo); }
  let m = memo.get(label);
  if (m) return m;
  let last = -1;
  let lastPos = -1;
  const any = new Set<number>();
  rows.forEach((r, i) => {
    for (const c of r.cues) {
      const pos = label.lastIndexOf(c);
      if (pos < 0) continue;
      any.add(i);
      const end = pos + c.length;
      if (end > lastPos || (end === lastPos && c.length > 0)) { lastPos = end; last = i; }
    }
  });
  m = { last, any };
  if (memo.size >= CUE_MEMO_SIZE) memo.clear();
  memo.set(label, m);
  return m;
}

/**
 * Does the segment's own label name the rows it is placed on — the one row, or several
 * rows in their printed order (labels printed apart from their numbers)?
 */
export function labelNames(label: string, rows: RowSpec[], placed: number[], filled: { has(row: number): boolean }): boolean {
  if (rows.length === 1) return true;
  const cm = cueMatches(label, rows);
  // A label that also names a row no other numbers went to (labels printed apart from their
  // numbers, a row lost) does not tell which of its rows the numbers are.
  if ([...cm.any].some((i) => !placed.includes(i) && !filled.has(i))) return false;
  if (placed.length === 1) return cm.last === placed[0] && !nextItemAfter(label, rows[placed[0]].cues);
  let at = -1;
  for (const i of placed) {
    const pos = Math.min(...rows[i].cues.map((c) => label.indexOf(c, at + 1)).filter((x) => x >= 0));
    if (!Number.isFinite(pos)) return false;
    at = pos;
  }
  return true;
}

/**
 * A table row whose label cell and figures stand on one line (a PDF or HTML row) is named by
 * that cell, whatever label-only rows were printed above it — provided those rows come before
 * it in the form (rows printed blank), not after (labels printed apart from their figures).
 */
export function namedOnItsLine(seg: Segment, rows: RowSpec[], placed: number[], filled: { has(row: number): boolean }): boolean {
  const first = seg.values[0];
  if (!first?.cellular || seg.labelLine !== first.line || !seg.lineLabel || seg.lineLabel === seg.label) return false;
  if (!labelNames(seg.lineLabel, rows, placed, filled)) return false;
  const above = cueMatches(seg.label.slice(0, seg.label.length - seg.lineLabel.length), rows).any;
  return [...above].every((i) => i < Math.min(...placed));
}

/** An item's number inside a label, not at its start: 4. · 5、 · （六）. */
const INNER_ITEM = /(?:^|[^\d.．])(\d{1,2}[.．、](?!\d)|[（(][一二三四五六七八九十]{1,3}[）)])/g;

/**
 * The label goes on to another item after the row's name (（五）开出版物不予处理4.无正当理由: a
 * wrapped label's last half on the line of the next row's first): the figures beside it may
 * be that item's, so the name does not establish the row.
 */
function nextItemAfter(label: string, cues: readonly string[]): boolean {
  const named = Math.max(...cues.map((c) => label.lastIndexOf(c)));
  if (named < 0) return false;
  for (const m of label.matchAll(INNER_ITEM)) {
    const at = m.index + m[0].length - m[1].length;
    if (at > named) return true;
  }
  return false;
}

/**
 * The rows a placement fills for certain: those its label names, or all of them where the label
 * names no row (labels printed apart, or none). Rows it fills against or beside its label are
 * filled by order only: their own names, printed elsewhere beside other figures, stay open.
 */
export function rowsClaimed(label: string, rows: RowSpec[], placed: number[]): number[] {
  const { any } = cueMatches(label, rows);
  return any.size === 0 ? placed : placed.filter((i) => any.has(i));
}

/** The label names rows, none of them among those the segment was placed on. */
export function labelContradicts(label: string, rows: RowSpec[], placed: number[]): boolean {
  const { any } = cueMatches(label, rows);
  return any.size > 0 && !placed.some((i) => any.has(i));
}

/** Rows named by the labels of the segments that carry figures go backwards somewhere. */
export function outOfOrder(segs: Segment[], rows: RowSpec[]): boolean {
  let prev = -1;
  for (const s of segs) {
    if (!s.values.some((v) => v.raw !== '')) continue;
    const i = cueMatches(s.label, rows).last;
    if (i < 0) continue;
    if (i < prev) return true;
    prev = i;
  }
  return false;
}

const SKIP_ROW = -3;
const SKIP_SEG = -4;

export interface Alignment { score: number; placements: Placement[] }

export function align(segs: Segment[], rows: RowSpec[], glued: boolean): Alignment {
  const m = segs.length;
  const n = rows.length;
  const widths = rows.map((r) => r.keys.length);
  const caps = segs.map((s) => capacity(s, glued));
  const cues = segs.map((s) => cueMatches(s.label, rows));
  const padOnly = segs.map((s) => s.values.every((v) => v.pad));
  // Flat typed tables: the search tries every (segment, row) pair and would otherwise
  // allocate a step object per attempt.
  const w = n + 1;
  const best = new Float64Array((m + 1) * w).fill(-Infinity);
  const backJ = new Int32Array((m + 1) * w).fill(-1);
  const backI = new Int32Array((m + 1) * w);
  const backK = new Int32Array((m + 1) * w);
  const backShort = new Uint8Array((m + 1) * w);
  best[0] = 0;
  const relax = (j: number, i: number, s: number, fj: number, fi: number, k: number, short: boolean) => {
    const at = j * w + i;
    if (s > best[at]) { best[at] = s; backJ[at] = fj; backI[at] = fi; backK[at] = k; backShort[at] = short ? 1 : 0; }
  };
  for (let j = 0; j <= m; j++) {
    for (let i = 0; i <= n; i++) {
      const here = best[j * w + i];
      if (here === -Infinity) continue;
      if (i < n) relax(j, i + 1, here + (rows[i].optional ? 0 : SKIP_ROW), j, i, 0, false);
      if (j >= m) continue;
      relax(j + 1, i, here + (segs[j].furniture ? 0 : SKIP_SEG - 0.05 * segs[j].values.length), j, i, 0, false);
      const [lo, hi] = caps[j];
      const cm = cues[j];
      let sum = 0;
      let named = 0;
      for (let k = 1; i + k <= n; k++) {
        sum += widths[i + k - 1];
        if (sum > hi) break;
        if (cm.any.has(i + k - 1)) named++;
        let label = 0;
        if (k === 1) {
          if (cm.last === i) label = 6;
          else if (named > 0) label = 3;
          else if (cm.any.size > 0) label = -4;
        } else {
          label = named > 0 ? 3 * named : cm.any.size > 0 ? -4 : 0;
        }
        // A page number is a row only where the table would otherwise lack one.
        const base = 2 * k - (k - 1) + label - (segs[j].furniture ? 1.5 : 0);
        if (padOnly[j] && !(k === 1 && cm.last === i)) continue;
        if (sum >= lo) {
          relax(j + 1, i + k, here + base, j, i, k, false);
        } else if (k === 1 && hi >= 1 && !glued) {
          relax(j + 1, i + 1, here + base - 7, j, i, k, true);
        }
      }
    }
  }
  const placements: Placement[] = [];
  let j = m;
  let i = n;
  const score = best[m * w + n];
  while (j > 0 || i > 0) {
    const at = j * w + i;
    if (backJ[at] < 0) break;
    const k = backK[at];
    const fi = backI[at];
    if (k) {
      const p: Placement = { seg: backJ[at], rows: Array.from({ length: k }, (_, x) => fi + x) };
      if (backShort[at]) p.short = true;
      placements.unshift(p);
    }
    j = backJ[at];
    i = fi;
  }
  return { score, placements };
}
