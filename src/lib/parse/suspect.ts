/**
 * When a row breaks a rule, the reading is suspected before the report: a row whose first or
 * last figure stands alone on its line (pdftotext prints the page's footer number right after
 * a table), or that split a figure such as `10` into two cells while a blank beside it may have
 * been printed as nothing, is flagged whole. A rule still holding elsewhere in such a row may
 * hold by chance (zeros moved among zeros), so no cell of it stands and no finding is raised.
 */
import { holds, type Solved } from './solve';
import type { Rules } from './rules';
import type { Placed } from './placing';

const LONE_END = '这一行的数字分印在几行，首尾有一个数单独成行（可能是页码而不是这一行的数），表内勾稽关系又不成立，各数属于哪一列无法确定，请核对原表';
const SPLIT_WHOLE = '这一行有一串数字（如 10）被拆成了两格，它也可能是一个数而旁边有一格空格未印出，表内勾稽关系又不成立，各数属于哪一列无法确定，请核对原表';

/** `inferred`: cells placed by inference (their rules are checked apart); `get` reads the solved cells. */
export function flagSuspectRows(placed: readonly Placed[], solved: Solved, rules: Rules, inferred: ReadonlySet<string>, get: (k: string) => number | null | undefined): void {
  for (const x of placed) {
    const split = (solved.chosen.get(x.ps) ?? []).some((r) => x.ps.readings[r].splitWhole);
    if (!x.ps.loneEnd && !split) continue;
    const mine = new Set(x.ps.keys);
    // Only a rule this row may have broken by itself (its other cells read with certainty); a
    // split only for a rule within its own row (the blank printed as nothing moved its cells).
    const suspect = (ks: readonly string[]) => ks.some((k) => mine.has(k))
      && (x.ps.loneEnd ? ks.every((k) => mine.has(k) || !inferred.has(k)) : ks.every((k) => mine.has(k)));
    if (!rules.eqs.some((eq, i) => suspect(rules.keys[i]) && holds(eq, get) === false)) continue;
    for (const k of x.ps.keys) {
      if (solved.uncertain.has(k)) continue;
      solved.cells.set(k, null);
      solved.uncertain.set(k, x.ps.loneEnd ? LONE_END : SPLIT_WHOLE);
    }
  }
}
