/**
 * Figures the extractor misread, found by the sums they break: digits cut off by an edge,
 * digits of another figure run into them, two figures run together, and readings that break
 * too many sums to be the report's own misprints. Each is flagged, not left for the checker to
 * blame the report with. `get` reads `cells` (through the rules' derivations).
 */
import { expectedTotal, type Equation, type Getter } from '../checks/equations';
import { holds } from './solve';
import type { Rules } from './rules';

type Cells = Map<string, number | null>;
type Uncertain = Map<string, string>;

/** A figure whose digits are another's with digits cut off, or with digits added. */
interface Misread { whole: number; how: 'cut' | 'glued' }
interface Found extends Misread { printed: number; rivals: boolean }

/** Found misreadings make room for others in the same sums, a few times over. */
const ROUNDS = 8;

/**
 * A figure that broke a rule, where the rule's other cells name the figure and the printed
 * digits are a piece of it (cut: a page or cell edge clipped its last digits, 240 printed as 2)
 * or hold it (glued, only in `glued` text: a tracked change's deleted 62 before 190, a
 * neighbour's digits). One such cell alone in what it mends is taken as read so, and the rest
 * sought again; where several would each mend the same sum, which one was misread is unknown
 * and each is flagged.
 */
export function flagMisread(cells: Cells, uncertain: Uncertain, rules: Rules, get: Getter, glued: boolean): void {
  const found = new Map<string, Found>();
  for (let round = 0; round < ROUNDS; round++) {
    const mending = [...candidates(cells, uncertain, rules, get, found, glued)]
      .map(([k, m]) => ({ k, m, mends: mends(cells, rules, get, k, m.whole) }))
      .filter((x) => x.mends.length > 0);
    let took = false;
    for (const x of mending) {
      const rivals = mending.some((y) => y !== x && y.mends.some((i) => x.mends.includes(i)));
      found.set(x.k, { printed: cells.get(x.k)!, ...x.m, rivals });
      if (!rivals) took = true;
    }
    for (const [k, f] of found) if (!f.rivals) cells.set(k, f.whole);
    if (!took) break;
  }
  // A misreading explains the breaks only where every rule over the cell then holds (a 1 in a row
  // mis-added by 9 is no 10 when its column's sums hold with 1): else the report is found.
  const explained = [...found].filter(([k, f]) => {
    if (f.rivals) cells.set(k, f.whole);
    const ok = (rules.of.get(k) ?? []).every((i) => holds(rules.eqs[i], get) !== false);
    if (f.rivals) cells.set(k, f.printed);
    return ok;
  });
  for (const [k, f] of found) cells.set(k, f.printed);
  for (const [k, f] of explained) {
    // (Where another cell of the sum could be the misread one, this one's figure is a maybe.)
    const which = f.rivals ? '若是这一格读错，它' : '按表内勾稽关系这一格';
    uncertain.set(k, f.how === 'cut'
      ? `读到的数（${f.printed}）像是被页边或格边截去了后几位：${which}应为 ${f.whole}，请核对原表`
      : `读到的数（${f.printed}）像是别的数字连在了这个数上（如修订痕迹或相邻的格）：${which}应为 ${f.whole}，请核对原表`);
    cells.set(k, null);
  }
}

/** The broken rules over `k` that `whole` mends, or none where it breaks one that held. */
function mends(cells: Cells, rules: Rules, get: Getter, k: string, whole: number): number[] {
  const over = rules.of.get(k) ?? [];
  const v = cells.get(k)!;
  const before = over.map((i) => holds(rules.eqs[i], get));
  cells.set(k, whole);
  const after = over.map((i) => holds(rules.eqs[i], get));
  cells.set(k, v);
  if (after.some((h, j) => h === false && before[j] !== false)) return [];
  return over.filter((_, j) => after[j] === true && before[j] === false);
}

/** Cells of broken rules whose printed digits are a piece of, or hold, the figure the rule implies. */
function candidates(cells: Cells, uncertain: Uncertain, rules: Rules, get: Getter, found: ReadonlyMap<string, unknown>, glued: boolean): Map<string, Misread> {
  const out = new Map<string, Misread>();
  for (const eq of rules.eqs) {
    if (holds(eq, get) !== false) continue;
    const sum = expectedTotal(eq, get)!;
    const total = get(eq.total)!;
    const implied = (k: string, v: number) =>
      k === eq.total ? sum : eq.minus?.includes(k) ? v + (sum - total) : total - (sum - v);
    for (const k of keysOf(eq)) {
      const v = cells.get(k);
      if (v == null || uncertain.has(k) || found.has(k) || !Number.isInteger(v) || v < 0) continue;
      const whole = implied(k, v);
      if (!Number.isInteger(whole) || whole < 0) continue;
      const [p, w] = [String(v), String(whole)];
      if (whole > v && w.startsWith(p)) out.set(k, { whole, how: 'cut' });
      else if (glued && whole < v && p.length > w.length && (p.endsWith(w) || p.startsWith(w))) out.set(k, { whole, how: 'glued' });
    }
  }
  return out;
}

const keysOf = (eq: Equation) => [eq.total, ...eq.parts, ...(eq.minus ?? [])];

/**
 * Two figures run together where their cells left no space (29 and 103 printed 29103), the
 * second cell then read as blank: the rule over both holds with the digits split between them.
 * The run is flagged, with the split, instead of being kept whole.
 */
export function flagSplit(cells: Cells, uncertain: Uncertain, rules: Rules, get: Getter): void {
  for (const eq of rules.eqs) {
    const ks = keysOf(eq);
    const blank = ks.filter((k) => get(k) == null);
    if (blank.length !== 1 || !cells.has(blank[0])) continue;
    for (const k of ks) {
      const v = cells.get(k);
      if (v == null || uncertain.has(k) || !Number.isInteger(v) || v < 10) continue;
      const p = String(v);
      for (let at = 1; at < p.length; at++) {
        if (p[at] === '0' && at < p.length - 1) continue;
        const [a, b] = [Number(p.slice(0, at)), Number(p.slice(at))];
        cells.set(k, a);
        cells.set(blank[0], b);
        const fits = holds(eq, get) === true;
        cells.set(k, v);
        cells.set(blank[0], null);
        if (!fits) continue;
        cells.set(k, null);
        uncertain.set(k, `读到的数（${p}）像是两格的数连在了一起（${a} 与 ${b}），它旁边的一格读成了空格，请核对原表`);
        if (!uncertain.has(blank[0])) uncertain.set(blank[0], `这一格读成了空格，但同一关系中的“${p}”像是两格的数连在了一起，这一格可能是 ${b}，请核对原表`);
        break;
      }
    }
  }
}

/** Sums broken at once past which a reading, not the report, is doubted. */
const MANY_BROKEN = 5;

/**
 * Reports misprint a sum or two, or a whole row or column of totals; a reading that breaks
 * many sums across both rows and columns at once (a Word file's tracked changes exported as
 * text, 62292 for 292 all over 表三) is far likelier misread than printed so. Then no cell of a
 * broken rule is kept, and the report is not blamed. `broken`: the indices of the broken rules.
 */
export function flagWidespread(cells: Cells, uncertain: Uncertain, rules: Rules, broken: readonly number[]): void {
  const rows = broken.filter((i) => rules.eqs[i].rule === 3).length;
  const columns = broken.filter((i) => [1, 2, 4].includes(rules.eqs[i].rule)).length;
  if (broken.length < MANY_BROKEN || rows < 2 || columns < 2) return;
  for (const i of broken) {
    for (const k of rules.keys[i]) {
      const v = cells.get(k);
      if (v == null || uncertain.has(k)) continue;
      cells.set(k, null);
      uncertain.set(k, `表内有 ${broken.length} 条勾稽关系（横向与纵向）不成立，远多于原表常见的笔误，更可能是文字提取出了错（修订痕迹、数字粘连、行列错位）；这一格在不成立的关系中，读到的数（${v}）未采用，请核对原表`);
    }
  }
}
