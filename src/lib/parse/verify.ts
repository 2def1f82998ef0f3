/**
 * What the table reader may keep. A number stays only where its row and column are
 * established: by the row's own label with exactly its count of cells, or — where the place
 * was inferred from order — by every consistency equation over it holding. Anything else,
 * and any value a count cannot take, becomes null with the reason in Chinese. The report is
 * never blamed for a misreading: an inferred cell in a broken equation is flagged, not found.
 */
import { expectedTotal, type Getter } from '../checks/equations';
import { holds } from './solve';
import type { Rules } from './rules';

const RULE: Record<number, string> = {
  1: '“本年新收 + 上年结转 = 办理总数 + 结转下年度”',
  2: '“各项办理结果之和 = （七）总计”',
  3: '“各类申请人之和 = 总计”',
  4: '“（六）其他处理 = 三个子项之和”',
  5: '“维持 + 纠正 + 其他 + 尚未审结 = 总计”',
};

/**
 * Counts are whole, not negative and below a hundred million; only 本年增/减 may fall, only
 * money has decimals (and stays below a trillion 元).
 */
export function flagImpossible(cells: Map<string, number | null>, uncertain: Map<string, string>): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of cells) {
    if (v === null || uncertain.has(k)) continue;
    let why = '';
    const money = k.endsWith('_yuan');
    if (Math.abs(v) > (money ? 1e12 : 1e8)) why = `这一格读到的数大得不可能（${v}），可能是几格数字连在了一起`;
    else if (v < 0 && !k.endsWith('.change')) why = `这一格是件数，不可能为负数（读到 ${v}）`;
    else if (!Number.isInteger(v) && !money) why = `这一格是件数，不可能是小数（读到 ${v}）`;
    // (Within a double's rounding: 560000000.07 is held as 560000000.0699999.)
    else if (money && Math.abs(Math.round(v * 100) - v * 100) > Math.max(1e-6, Math.abs(v) * 1e-11)) why = `这一格的金额细到了分以下（读到 ${v} 元）`;
    if (!why) continue;
    cells.set(k, null);
    uncertain.set(k, `${why}，可能是原表印错或读错，请核对原表`);
    out.add(k);
  }
  return out;
}

/**
 * Flags the inferred cells no rule confirms. Returns the cells of every rule an inferred
 * reading broke (empty when none did).
 */
export function verifyInferred(
  cells: Map<string, number | null>, uncertain: Map<string, string>, inferred: Set<string>,
  rules: Rules, get: Getter,
): Set<string> {
  const broken = new Set<string>();
  const bad = new Map<string, string>();
  const covered = new Set<string>();
  for (let i = 0; i < rules.eqs.length; i++) {
    const eq = rules.eqs[i];
    const keys = rules.keys[i];
    const mine = keys.filter((k) => inferred.has(k) && !uncertain.has(k));
    if (mine.length === 0) continue;
    mine.forEach((k) => covered.add(k));
    const h = holds(eq, get);
    if (h === true) continue;
    if (h === false) keys.forEach((k) => broken.add(k));
    const why = h === false ? `而表内勾稽关系${RULE[eq.rule] ?? ''}不成立，先怀疑是读错了位置` : '表内勾稽关系因有空格无法印证';
    for (const k of mine) if (!bad.has(k)) bad.set(k, why);
  }
  for (const k of inferred) {
    if (!covered.has(k) && !uncertain.has(k)) bad.set(k, '这张表没有勾稽关系可以印证');
  }
  for (const [k, why] of bad) {
    const v = cells.get(k);
    cells.set(k, null);
    const read = v === null || v === undefined ? '这里读到的是空格' : `读到的数（${v}）未采用`;
    uncertain.set(k, `这一格的行或列没有由行名和列数确定，只是按顺序推断的，${why}；${read}，请核对原表`);
  }
  return broken;
}

/** A figure whose digits are another's with digits cut off, or with digits added. */
type Misread = { whole: number; how: 'cut' | 'glued' };

/**
 * The reading of a figure that broke a rule, where the rule's other cells name the figure and
 * the printed digits are a piece of it or hold it:
 * - cut: a page or cell edge clipped its last digits (240 printed as 2);
 * - glued: other digits ran into it (a tracked change's deleted 62 before 292, a neighbour's
 *   figure with no space between).
 * Such a cell is flagged, not left for the checker to blame the report with. Where several such
 * cells break one rule, a cell another rule names first is taken first, then the rest again.
 * `get` reads `cells` (through the rules' derivations).
 */
export function flagCut(cells: Map<string, number | null>, uncertain: Map<string, string>, rules: Rules, get: Getter): void {
  const found = new Map<string, { printed: number } & Misread>();
  for (let round = 0; round < 8; round++) {
    const seen = candidates(cells, uncertain, rules, get, found);
    // Taken where the whole figure breaks no rule over the cell that held, and mends one that broke.
    let took = false;
    for (const [k, m] of seen) {
      const v = cells.get(k)!;
      const over = (rules.of.get(k) ?? []).map((i) => rules.eqs[i]);
      const before = over.map((eq) => holds(eq, get));
      cells.set(k, m.whole);
      const after = over.map((eq) => holds(eq, get));
      if (after.some((h, i) => h === false && before[i] !== false) || !after.some((h, i) => h === true && before[i] === false)) {
        cells.set(k, v);
        continue;
      }
      found.set(k, { printed: v, ...m });
      took = true;
    }
    if (!took) break;
  }
  // A misreading explains the breaks only where, all found, every rule over the cell holds (a 1 in
  // a row mis-added by 9 is no 10 when its column's sums hold with 1): else the report is found.
  const whole = [...found].filter(([k]) => (rules.of.get(k) ?? []).every((i) => holds(rules.eqs[i], get) !== false));
  for (const [k, m] of found) cells.set(k, m.printed);
  flagSplit(cells, uncertain, rules, get);
  for (const [k, m] of whole) {
    uncertain.set(k, m.how === 'cut'
      ? `读到的数（${m.printed}）像是被页边或格边截去了后几位：按表内勾稽关系这一格应为 ${m.whole}，请核对原表`
      : `读到的数（${m.printed}）像是别的数字连在了这个数上（如修订痕迹或相邻的格）：按表内勾稽关系这一格应为 ${m.whole}，请核对原表`);
    cells.set(k, null);
  }
}

/**
 * Two figures run together where their cells left no space (29 and 103 printed 29103), the
 * second cell then read as blank: the rule over both holds with the digits split between them.
 * The run is flagged, with the split, instead of being kept whole.
 */
function flagSplit(cells: Map<string, number | null>, uncertain: Map<string, string>, rules: Rules, get: Getter): void {
  for (const eq of rules.eqs) {
    const ks = [eq.total, ...eq.parts, ...(eq.minus ?? [])];
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

/** Cells of broken rules whose printed digits are a piece of, or hold, the figure the rule implies. */
function candidates(cells: Map<string, number | null>, uncertain: Map<string, string>, rules: Rules, get: Getter,
  found: ReadonlyMap<string, unknown>): Map<string, Misread> {
  const out = new Map<string, Misread>();
  for (const eq of rules.eqs) {
    if (holds(eq, get) !== false) continue;
    const sum = expectedTotal(eq, get)!;
    const total = get(eq.total)!;
    const implied = (k: string, v: number) =>
      k === eq.total ? sum : eq.minus?.includes(k) ? v + (sum - total) : total - (sum - v);
    for (const k of [eq.total, ...eq.parts, ...(eq.minus ?? [])]) {
      const v = cells.get(k);
      if (v == null || uncertain.has(k) || found.has(k) || !Number.isInteger(v) || v < 0) continue;
      const whole = implied(k, v);
      if (!Number.isInteger(whole) || whole < 0) continue;
      const [p, w] = [String(v), String(whole)];
      if (whole > v && w.startsWith(p)) out.set(k, { whole, how: 'cut' });
      else if (whole < v && p.length > w.length && (p.endsWith(w) || p.startsWith(w))) out.set(k, { whole, how: 'glued' });
    }
  }
  return out;
}

/**
 * Reports misprint a sum or two; a reading that breaks many rules at once (a Word file's tracked
 * changes exported as text, 62292 for 292 across a table) is far likelier misread than printed
 * so. Then no cell of a broken rule is kept, and the report is not blamed.
 */
export const MANY_BROKEN = 5;

export function flagWidespread(cells: Map<string, number | null>, uncertain: Map<string, string>, brokenRules: readonly ReadonlySet<string>[]): void {
  if (brokenRules.length < MANY_BROKEN) return;
  for (const rule of brokenRules) {
    for (const k of rule) {
      const v = cells.get(k);
      if (v == null || uncertain.has(k)) continue;
      cells.set(k, null);
      uncertain.set(k, `表内有 ${brokenRules.length} 条勾稽关系不成立，远多于原表常见的笔误，更可能是文字提取出了错（修订痕迹、数字粘连、行列错位）；这一格在不成立的关系中，读到的数（${v}）未采用，请核对原表`);
    }
  }
}
