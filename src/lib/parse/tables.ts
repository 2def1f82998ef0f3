/** Reads the three standard tables out of a document's lines into canonical cells. */
import type { SourceRef, TableId, Template } from '../format';
import { TEMPLATE_KEYS, APP_COLS, OTHER_SUB_ROWS } from '../format';
import { equations, expectedTotal, type Equation } from '../checks/equations';
import type { Line } from './document';
import { align, capacity, segmentsOf, type Alignment, type Placement, type Segment } from './align';
import { layouts, type TableLayout } from './layout';
import { toPieces, type Piece } from './pieces';
import { findRegions } from './regions';
import { readingsOf, type PlacedSegment } from './split';
import { solve } from './solve';

export interface TablesRead {
  cells: Record<string, number | null>;
  sources: Record<string, SourceRef>;
  uncertain: Record<string, string>;
  missing: TableId[];
  /** 2021 reports that print a single （六）其他处理 row. */
  singleOther: boolean;
}

/** Pieces glued to label text mean the source ran its cells together. */
function isGlued(pieces: Piece[]): boolean {
  return pieces.some((p) => p.kind === 'value' && p.glued);
}

function placeTable(pieces: Piece[], options: TableLayout[], glued: boolean): { layout: TableLayout; al: Alignment; glued: boolean; segs: ReturnType<typeof segmentsOf> } {
  const segs = segmentsOf(pieces);
  let best: { layout: TableLayout; al: Alignment; glued: boolean; segs: typeof segs } | null = null;
  for (const layout of options) {
    const al = align(segs, layout.rows, glued);
    if (!best || al.score > best.al.score) best = { layout, al, glued, segs };
  }
  return best!;
}

export function readTables(lines: Line[], template: Template): TablesRead {
  const pieces = toPieces(lines);
  const regions = findRegions(pieces);
  const opts = layouts(template);
  const placed: PlacedSegment[] = [];
  const missing: TableId[] = [];
  const rowMissing = new Map<string, string>();
  let singleOther = false;
  // A source that runs cells together does so throughout, also where a run stands alone.
  const docGlued = Object.values(regions).some(([a, b]) => isGlued(pieces.slice(a, b)));
  for (const t of ['t2', 't3', 't4'] as TableId[]) {
    const range = regions[t];
    if (!range) { missing.push(t); continue; }
    const { layout, al, glued, segs } = placeTable(pieces.slice(range[0], range[1]), opts[t], docGlued);
    if (t === 't3') singleOther = layout.variant === 'single-other';
    const placements = [...al.placements, ...strayPlacements(segs, layout, al, glued)];
    const filled = new Set(placements.flatMap((p) => p.rows));
    layout.rows.forEach((r, i) => {
      if (!filled.has(i) && !r.optional) for (const k of r.keys) rowMissing.set(k, '表中没有找到这一行的数字');
    });
    for (const p of placements) placed.push(readingsOf(segs[p.seg], p, layout.rows, glued));
  }
  const eqs = equations(template, { singleOther });
  const derive = (get: (k: string) => number | null | undefined) => (k: string) => {
    if (template === '2021' && !singleOther && k.startsWith('apps.other.')) {
      const c = k.slice('apps.other.'.length);
      let s = 0;
      for (const r of OTHER_SUB_ROWS) { const v = get(`apps.${r}.${c}`); if (v == null) return null; s += v; }
      return s;
    }
    return get(k);
  };
  const expand = (k: string) => template === '2021' && !singleOther && k.startsWith('apps.other.')
    ? OTHER_SUB_ROWS.map((r) => `apps.${r}.${k.slice('apps.other.'.length)}`) : [k];
  const solved = solve(placed, eqs, derive, expand);
  const cells: Record<string, number | null> = {};
  const sources: Record<string, SourceRef> = {};
  const uncertain: Record<string, string> = {};
  for (const k of TEMPLATE_KEYS[template]) {
    cells[k] = solved.cells.get(k) ?? null;
    const ref = solved.refs.get(k);
    if (ref) sources[k] = ref;
    const why = solved.uncertain.get(k) ?? (missing.includes(tableOf(k)) ? undefined : rowMissing.get(k));
    if (why) uncertain[k] = why;
  }
  if (template === '2021' && !singleOther) {
    const get = derive((k) => cells[k]);
    for (const c of APP_COLS) {
      cells[`apps.other.${c}`] = get(`apps.other.${c}`) ?? null;
      const open = OTHER_SUB_ROWS.filter((r) => uncertain[`apps.${r}.${c}`]);
      if (open.length) uncertain[`apps.other.${c}`] = '由（六）其他处理的三个子项相加，其中有不确定的数';
    }
  }
  flagBlankTotals(cells, uncertain, eqs);
  return { cells, sources, uncertain, missing, singleOther };
}

/**
 * Rows the order-following alignment could not place because the source printed them out
 * of order (a Markdown dump that moved a table's first rows below the rest): a segment
 * whose own label names an unfilled row, with exactly that row's number of cells, is
 * placed there.
 */
function strayPlacements(segs: Segment[], layout: TableLayout, al: Alignment, glued: boolean): Placement[] {
  const usedSegs = new Set(al.placements.map((p) => p.seg));
  const usedRows = new Set(al.placements.flatMap((p) => p.rows));
  const out: Placement[] = [];
  segs.forEach((s, j) => {
    if (usedSegs.has(j)) return;
    const i = layout.rows.findIndex((r, ri) => !usedRows.has(ri) && r.cues.some((c) => s.label.endsWith(c)));
    if (i < 0) return;
    const [lo, hi] = capacity(s, glued);
    const w = layout.rows[i].keys.length;
    if (w < lo || w > hi) return;
    usedRows.add(i);
    out.push({ seg: j, rows: [i] });
  });
  return out;
}

/** A blank printed where the table's own sums name a value is flagged, not taken as "not reported". */
function flagBlankTotals(cells: Record<string, number | null>, uncertain: Record<string, string>, eqs: readonly Equation[]): void {
  for (const eq of eqs) {
    if (cells[eq.total] !== null || uncertain[eq.total] || !(eq.total in cells)) continue;
    const exp = expectedTotal(eq, (k) => cells[k]);
    if (exp === null) continue;
    uncertain[eq.total] = `表中此格为空，但按表内勾稽关系应为 ${exp}；原表可能漏印或错位`;
  }
}

function tableOf(key: string): TableId {
  return key.startsWith('t2.') ? 't2' : key.startsWith('apps.') ? 't3' : 't4';
}
