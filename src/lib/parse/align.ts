/**
 * Which printed rows each run of numbers belongs to. Labels get lost, split or shuffled
 * (one character per line, a page break inside a row), so rows are matched as a whole:
 * a dynamic programme over segments × rows that rewards a label naming its row, follows
 * the form's row order where labels are missing, and pays for every row or number it skips.
 */
import type { Piece, ValuePiece } from './pieces';
import type { RowSpec } from './layout';
import { cueMatches, ROW_START } from './naming';

export interface Segment {
  label: string;
  /** The line the label ended on (-1: no label). */
  labelLine: number;
  /** The part of the label printed on that line. */
  lineLabel: string;
  values: ValuePiece[];
  /** Figures of a line that may be a page number: skipped freely, never established by a label. */
  furniture?: boolean;
  /**
   * A sub-item (其中：…) a body adds under a row: never a row of the form, though its words may
   * repeat the row's own (其中：行政许可网上办理 under 行政许可).
   */
  sub?: boolean;
}

/**
 * 其中 in a label, outside brackets (a note beside a row's name, （其中网上申请 12 件）, keeps the
 * row), with no item number after it: a label-only 其中 line before a row (其中：… 二、上年结转…)
 * leaves that row its own.
 */
function subItem(label: string): boolean {
  const bare = label.replace(/[（(][^（()）]*其中[^（()）]*[)）]/g, '');
  const at = bare.lastIndexOf('其中');
  return at >= 0 && !ROW_START.test(bare.slice(at));
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
      if (!cur) cur = { label, labelLine, lineLabel, values: [], ...(subItem(label) ? { sub: true } : {}) };
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

const SKIP_ROW = -3;
const SKIP_SEG = -4;
const SKIP_PAD = -0.5;

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
      // (A line of blank cells only is padding, or a wrapped label's second line in a table that
      // pads it with blank cells: leaving it out costs little, so a row of figures that names the
      // same row wins over it.)
      relax(j + 1, i, here + (segs[j].furniture || segs[j].sub ? 0 : padOnly[j] ? SKIP_PAD : SKIP_SEG - 0.05 * segs[j].values.length), j, i, 0, false);
      if (segs[j].sub) continue;
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
