/**
 * Blank cells whose reading the table itself puts in doubt: a 总计 printed blank where the
 * sums name a value, and a loose-text row whose blanks an extractor moved.
 */
import { APP_COLS, type SourceRef } from '../format';
import { expectedTotal, type Equation } from '../checks/equations';

/** A blank printed where the table's own sums name a value is flagged, not taken as "not reported". */
export function flagBlankTotals(cells: Record<string, number | null>, uncertain: Record<string, string>, eqs: readonly Equation[]): void {
  for (const eq of eqs) {
    if (cells[eq.total] !== null || uncertain[eq.total] || !(eq.total in cells)) continue;
    const exp = expectedTotal(eq, (k) => cells[k]);
    if (exp === null) continue;
    uncertain[eq.total] = `表中此格为空，但按表内勾稽关系应为 ${exp}；原表可能漏印或错位`;
  }
}

const MOVED = '这一行有数，总计一格却读到空格：文字里空格的位置可能被提取工具挪动过，各数所在的列无法确定，请核对原表';

/**
 * 表三 rows read from loose text (`blocks`: their keys, seven per row): a row that prints its
 * figures first and then only blank marks, 总计 among them, had its blanks moved (pdfminer sets a
 * row's — after its figures: 16 0 0 0 16 — — for 16 0 — 0 0 0 16), so which column each figure
 * is in is unknown; the whole row goes into `lost`. Blanks between figures were not moved, and a
 * blank the text does not print at all is one reading among others the rules already weighed.
 */
export function movedBlanks(blocks: string[][], solved: { cells: Map<string, number | null>; uncertain: Map<string, string>; refs: Map<string, SourceRef> }, lost: Map<string, string>): void {
  for (const keys of blocks) {
    for (let at = 0; at < keys.length; at += APP_COLS.length) {
      const row = keys.slice(at, at + APP_COLS.length);
      const total = row[row.length - 1];
      if (solved.cells.get(total) !== null || solved.uncertain.has(total) || lost.has(total) || !solved.refs.get(total)?.text) continue;
      const figures = row.findIndex((k) => solved.cells.get(k) == null);
      const trailing = figures > 0 && row.slice(figures).every((k) => solved.cells.get(k) == null);
      if (trailing) for (const k of row) if (!lost.has(k)) lost.set(k, MOVED);
    }
  }
}
