/**
 * 2021's （六）其他处理 is printed as three rows; `apps.other.*` is their sum (spec). Where a row is in
 * doubt the sum is too; where some rows are blank and some are not, the sum of a figure not
 * reported is not known (never taken as 0); where all three are blank, so is the sum.
 */
import { APP_COLS, OTHER_SUB_ROWS } from '../format';

const DOUBTED = '由（六）其他处理的三个子项相加，其中有不确定的数';
const partlyBlank = (known: number) => `由（六）其他处理的三个子项相加，但有的子项是空格（未填报），合计无法确定；已填子项之和为 ${known}`;
const OWN = /^由（六）其他处理的三个子项相加/;

/** Sets each `apps.other.*` from its three rows as they now stand, replacing only a reason of its own. */
export function sumOtherRows(cells: Record<string, number | null>, uncertain: Record<string, string>): void {
  for (const c of APP_COLS) {
    const k = `apps.other.${c}`;
    if (k in uncertain && !OWN.test(uncertain[k])) continue;
    delete uncertain[k];
    const subs = OTHER_SUB_ROWS.map((r) => `apps.${r}.${c}`);
    const values = subs.map((s) => cells[s] ?? null);
    cells[k] = null;
    if (subs.some((s) => s in uncertain)) uncertain[k] = DOUBTED;
    else if (values.every((v) => v !== null)) cells[k] = values.reduce((a, v) => a + (v as number), 0);
    else if (values.some((v) => v !== null)) uncertain[k] = partlyBlank(values.reduce((a: number, v) => a + (v ?? 0), 0));
  }
}
