/**
 * Chooses among the readings of every placed segment: the combination that breaks the fewest
 * consistency equations wins. An equation a reading leaves open (a blank among its cells)
 * counts as not broken: a reading whose sums happen to check is no better than one whose sums
 * cannot be checked. Where several combinations tie and disagree on a cell, that cell is not
 * guessed: it is reported with its possible values.
 */
import type { SourceRef } from '../format';
import { expectedTotal, type Equation, type Getter } from '../checks/equations';
import type { PlacedSegment } from './split';
import type { Rules } from './rules';
import { STEP_COST, UNBOUNDED } from './budget';

export interface Solved {
  cells: Map<string, number | null>;
  refs: Map<string, SourceRef>;
  uncertain: Map<string, string>;
  /** The readings still standing for each placed segment (one: decided). */
  chosen: Map<PlacedSegment, number[]>;
}

/** Search nodes before the solver stops looking and flags what is still open. */
const MAX_NODES = 300000;

export function holds(eq: Equation, get: Getter): boolean | null {
  const t = get(eq.total);
  if (t == null) return null;
  const s = expectedTotal(eq, get);
  return s === null ? null : Math.abs(s - t) < 1e-6;
}

/**
 * Whether `eq` holds with a blank counted as nothing (a cell printed blank adds 0). A rule that
 * breaks with every cell read breaks so too: only a rule open on a blank can turn.
 */
export function holdsAsNothing(eq: Equation, get: Getter): boolean {
  return holds(eq, (k) => get(k) ?? 0) === true;
}

/** Past its `budget` the search stops: what is still open is flagged, not guessed. */
export function solve(placed: PlacedSegment[], rules: Rules, budget = UNBOUNDED()): Solved {
  const { eqs, keys: eqKeys } = rules;
  const cells = new Map<string, number | null>();
  const refs = new Map<string, SourceRef>();
  const uncertain = new Map<string, string>();
  const chosen = new Map<PlacedSegment, number[]>();
  const get = rules.derive((k) => cells.get(k));
  // The search only tries values; where they came from is looked up once a reading is chosen.
  const apply = (p: PlacedSegment, r: number) => {
    const vals = p.readings[r].values;
    for (let i = 0; i < p.keys.length; i++) cells.set(p.keys[i], vals[i]);
  };
  const settle = (p: PlacedSegment, r: number) => {
    apply(p, r);
    const rs = p.readings[r].refs;
    p.keys.forEach((k, i) => refs.set(k, rs[i]));
  };

  // Local pass: a segment's own equations (row sums) decide among its readings first.
  const open: { p: PlacedSegment; options: number[] }[] = [];
  for (const p of placed) {
    if (p.readings.length === 0) {
      for (const k of p.keys) { cells.set(k, null); uncertain.set(k, p.unread ?? '未能读出'); }
      continue;
    }
    if (p.readings.length === 1) { settle(p, 0); chosen.set(p, [0]); continue; }
    const own = new Set(p.keys);
    const local = eqs.filter((_, i) => eqKeys[i].every((k) => own.has(k)));
    // Runs of digits cut into cells: a cut whose row sums check beats one that leaves them open
    // (a run kept whole beside blanks printed as nothing). A sum that checks across a cut is no
    // chance, unlike zeros moved among blanks, so this holds for cuts only, and only within the row.
    // (A blank printed as a mark counts as nothing there: `48 70 ／ 145 —137` cuts 145 as 14 5.)
    const W = local.length + 1;
    const worth = (e: Equation) => {
      const h = holds(e, get);
      return h === false ? 0 : p.runsCut && holdsAsNothing(e, get) ? W + 1 : W;
    };
    let best = -1;
    let options: number[] = [];
    for (let r = 0; r < p.readings.length; r++) {
      apply(p, r);
      let s = 0;
      for (const e of local) s += worth(e);
      if (s > best) { best = s; options = [r]; } else if (s === best) options.push(r);
    }
    settle(p, options[0]);
    chosen.set(p, options);
    if (options.length > 1) open.push({ p, options });
  }
  if (open.length === 0) return { cells, refs, uncertain, chosen };

  // Global pass: segments linked by equations form components; each is searched by branch
  // and bound in print order, an equation scored once its last open segment is chosen.
  const owner = new Map<string, number>();
  open.forEach((o, i) => o.p.keys.forEach((k) => owner.set(k, i)));
  const parent = open.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  const eqOwners = eqKeys.map((ks) => [...new Set(ks.map((k) => owner.get(k) ?? -1).filter((i) => i >= 0))]);
  for (const os of eqOwners) for (const o of os.slice(1)) parent[root(o)] = root(os[0]);
  const winners: Set<number>[] = open.map(() => new Set());
  const tooMany = new Set<number>();
  const groups = new Map<number, number[]>();
  open.forEach((_, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), i]));
  for (const members of groups.values()) {
    const pos = new Map(members.map((m, x) => [m, x]));
    const due: number[][] = members.map(() => []);
    eqs.forEach((_, i) => {
      const os = eqOwners[i].filter((o) => pos.has(o));
      if (os.length) due[Math.max(...os.map((o) => pos.get(o)!))].push(i);
    });
    // As in the local pass, a rule that checks with blanks as nothing counts for a little more than
    // one left open, where every open segment it covers is left with readings that only cut runs
    // of digits, none leaving a blank out (`重复申请12 1 / 10014`: 12 1 / 1 0 0 14 or
    // 1 2 1 / 10 0 14; the column's sum tells). Where a reading that leaves a blank out still
    // stands, a reading that checks across rows is no better: figures moved among blanks left out
    // in several rows check by chance. Less than one rule: breaking fewer rules still comes first.
    const W = eqs.length + 1;
    const onlyCuts = open.map((o) => !!o.p.runsCut && o.options.every((r) => !o.p.readings[r].leftOut));
    const dueCut = due.map((es) => es.map((i) => eqOwners[i].every((o) => onlyCuts[o])));
    const pick: number[] = new Array(members.length).fill(0);
    const after: number[] = new Array(members.length + 1).fill(0);
    for (let i = members.length - 1; i >= 0; i--) after[i] = after[i + 1] + due[i].reduce((s, _, j) => s + W + (dueCut[i][j] ? 1 : 0), 0);
    let best = -1;
    let nodes = 0;
    let exhausted = false;
    const rec = (i: number, score: number) => {
      if (exhausted) return;
      if (++nodes > MAX_NODES || !budget.spend(STEP_COST.solve)) { exhausted = true; return; }
      if (score + after[i] < best) return;
      if (i === members.length) {
        if (score > best) { best = score; members.forEach((m) => winners[m].clear()); }
        pick.forEach((r, x) => winners[members[x]].add(r));
        return;
      }
      const o = open[members[i]];
      for (const r of o.options) {
        pick[i] = r;
        apply(o.p, r);
        let s = 0;
        due[i].forEach((e, j) => {
          if (holds(eqs[e], get) !== false) s += dueCut[i][j] && holdsAsNothing(eqs[e], get) ? W + 1 : W;
        });
        rec(i + 1, score + s);
      }
    };
    if (members.length === 1 && due[0].length === 0) members.forEach((m) => open[m].options.forEach((r) => winners[m].add(r)));
    else rec(0, 0);
    // A search cut short has not seen every reading: all of them stay possible.
    if (exhausted) for (const m of members) { open[m].options.forEach((r) => winners[m].add(r)); tooMany.add(m); }
  }
  open.forEach((o, i) => {
    const list = winners[i].size === 0 ? o.options : [...winners[i]];
    settle(o.p, list[0]);
    chosen.set(o.p, list);
    o.p.keys.forEach((k, ki) => {
      const vals = [...new Set(list.map((r) => o.p.readings[r].values[ki]))];
      if (vals.length > 1) {
        cells.set(k, null);
        const shown = vals.slice(0, 6).map((v) => (v === null ? '空' : String(v))).join('、');
        uncertain.set(k, tooMany.has(i)
          ? `这一格的读法太多，在限定的计算量内未能逐一核对（可能为 ${shown}${vals.length > 6 ? ' 等' : ''}），无法确定`
          : `这一格有多种不违反表格勾稽关系的读法（可能为 ${shown}${vals.length > 6 ? ' 等' : ''}），无法确定`);
      }
    });
  });
  return { cells, refs, uncertain, chosen };
}
