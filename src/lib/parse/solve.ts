/**
 * Chooses among the readings of every placed segment: the combination that satisfies the
 * most consistency equations wins. Where several combinations tie and disagree on a cell,
 * that cell is not guessed: it is reported with its possible values.
 */
import type { SourceRef } from '../format';
import type { Equation } from '../checks/equations';
import type { PlacedSegment } from './split';

export interface Solved {
  cells: Map<string, number | null>;
  refs: Map<string, SourceRef>;
  uncertain: Map<string, string>;
}

/** Search nodes before the solver stops looking and flags what is still open. */
const MAX_NODES = 300000;

type Getter = (k: string) => number | null | undefined;

function holds(eq: Equation, get: Getter): boolean | null {
  const t = get(eq.total);
  if (t == null) return null;
  let s = 0;
  for (const k of eq.parts) { const v = get(k); if (v == null) return null; s += v; }
  for (const k of eq.minus ?? []) { const v = get(k); if (v == null) return null; s -= v; }
  return Math.abs(s - t) < 1e-6;
}

export function keysOf(eq: Equation): string[] {
  return [eq.total, ...eq.parts, ...(eq.minus ?? [])];
}

/** `derive` supplies keys no segment prints (2021's （六）其他处理 as the sum of its rows). */
export function solve(placed: PlacedSegment[], eqs: Equation[], derive: (get: Getter) => Getter, expand: (k: string) => string[]): Solved {
  const cells = new Map<string, number | null>();
  const refs = new Map<string, SourceRef>();
  const uncertain = new Map<string, string>();
  const get = derive((k) => cells.get(k));
  const apply = (p: PlacedSegment, r: number) => p.keys.forEach((k, i) => {
    cells.set(k, p.readings[r].values[i]);
    refs.set(k, p.readings[r].refs[i]);
  });
  const eqKeys = eqs.map((e) => keysOf(e).flatMap(expand));

  // Local pass: a segment's own equations (row sums) decide among its readings first.
  const open: { p: PlacedSegment; options: number[] }[] = [];
  for (const p of placed) {
    if (p.readings.length === 0) {
      for (const k of p.keys) { cells.set(k, null); uncertain.set(k, p.unread ?? '未能读出'); }
      continue;
    }
    if (p.readings.length === 1) { apply(p, 0); continue; }
    const own = new Set(p.keys);
    const local = eqs.filter((_, i) => eqKeys[i].every((k) => own.has(k)));
    let best = -1;
    let options: number[] = [];
    for (let r = 0; r < p.readings.length; r++) {
      apply(p, r);
      let s = 0;
      for (const e of local) if (holds(e, get) === true) s++;
      if (s > best) { best = s; options = [r]; } else if (s === best) options.push(r);
    }
    apply(p, options[0]);
    if (options.length > 1) open.push({ p, options });
  }
  if (open.length === 0) return { cells, refs, uncertain };

  // Global pass: branch and bound over the open segments, in print order. An equation is
  // scored once its last open segment is chosen.
  const owner = new Map<string, number>();
  open.forEach((o, i) => o.p.keys.forEach((k) => owner.set(k, i)));
  const due: Equation[][] = open.map(() => []);
  eqs.forEach((e, i) => {
    const idx = eqKeys[i].map((k) => owner.get(k) ?? -1);
    const last = Math.max(...idx);
    if (last >= 0) due[last].push(e);
  });
  const after: number[] = new Array(open.length + 1).fill(0);
  for (let i = open.length - 1; i >= 0; i--) after[i] = after[i + 1] + due[i].length;
  let best = -1;
  let nodes = 0;
  const pick: number[] = new Array(open.length).fill(0);
  const winners: Set<number>[] = open.map(() => new Set());
  const rec = (i: number, score: number) => {
    if (++nodes > MAX_NODES) return;
    if (score + after[i] < best) return;
    if (i === open.length) {
      if (score > best) { best = score; winners.forEach((w) => w.clear()); }
      pick.forEach((r, j) => winners[j].add(r));
      return;
    }
    for (const r of open[i].options) {
      pick[i] = r;
      apply(open[i].p, r);
      let s = 0;
      for (const e of due[i]) if (holds(e, get) === true) s++;
      rec(i + 1, score + s);
    }
  };
  rec(0, 0);
  const exhausted = nodes > MAX_NODES;
  open.forEach((o, i) => {
    const list = exhausted || winners[i].size === 0 ? o.options : [...winners[i]];
    apply(o.p, list[0]);
    o.p.keys.forEach((k, ki) => {
      const vals = [...new Set(list.map((r) => o.p.readings[r].values[ki]))];
      if (vals.length > 1) {
        cells.set(k, null);
        const shown = vals.slice(0, 6).map((v) => (v === null ? '空' : String(v))).join('、');
        uncertain.set(k, `这一格有多种符合表格勾稽关系的读法（可能为 ${shown}${vals.length > 6 ? ' 等' : ''}），无法确定`);
      }
    });
  });
  return { cells, refs, uncertain };
}
