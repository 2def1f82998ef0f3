/**
 * What the table reader may keep. A number stays only where its row and column are
 * established: by the row's own label with exactly its count of cells, or — where the place
 * was inferred from order — by every consistency equation over it holding. Anything else,
 * and any value a count cannot take, becomes null with the reason in Chinese. The report is
 * never blamed for a misreading: an inferred cell in a broken equation is flagged, not found.
 */
import type { SourceRef } from '../format';
import type { Getter } from '../checks/equations';
import { holds, holdsAsNothing } from './solve';
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
export function flagImpossible(cells: Map<string, number | null>, uncertain: Map<string, string>, refs?: ReadonlyMap<string, SourceRef>): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of cells) {
    if (v === null || uncertain.has(k)) continue;
    let why = '';
    const money = k.endsWith('_yuan');
    const printed = refs?.get(k)?.text ?? '';
    if (Math.abs(v) > (money ? 1e12 : 1e8)) why = `这一格读到的数大得不可能（${v}），可能是几格数字连在了一起`;
    else if (v < 0 && !k.endsWith('.change')) why = `这一格是件数，不可能为负数（读到 ${v}）`;
    else if (!Number.isInteger(v) && !money) why = `这一格是件数，不可能是小数（读到 ${v}）`;
    // A count printed with a decimal point (`1.0`) is no count as printed: a misread 10 as likely as 1.
    else if (!money && /\d[.．]\d/.test(printed)) why = `这一格是件数，却印有小数点（读到“${printed}”）`;
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
 * Flags the inferred cells no rule confirms. `rowNamed`: inferred cells whose row its label names
 * (only the column was inferred) and holds no blank. Returns the cells of every rule an inferred
 * reading broke (empty when none did).
 */
export function verifyInferred(
  cells: Map<string, number | null>, uncertain: Map<string, string>, inferred: Set<string>,
  rules: Rules, get: Getter, rowNamed: ReadonlySet<string> = new Set(),
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
    // Where blanks leave a rule open, it still places a figure that is not 0 if it holds with the
    // blanks counted as nothing: the figure moved to another column would break it. A 0 and a blank
    // count alike there, so which of them stands where stays unconfirmed.
    // (Blanks read as such only: a cell already in doubt is unknown, not nothing.)
    const open = h === null && keys.every((k) => !uncertain.has(k)) && holdsAsNothing(eq, get);
    const why = h === false ? `而表内勾稽关系${RULE[eq.rule] ?? ''}不成立，先怀疑是读错了位置` : '表内勾稽关系因有空格无法印证';
    // (A 0 also where its row is named and holds no blank: only its column was inferred.)
    for (const k of mine) if (!bad.has(k) && !(open && ((cells.get(k) ?? 0) !== 0 || rowNamed.has(k)))) bad.set(k, why);
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
