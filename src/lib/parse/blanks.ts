/**
 * Blank cells whose reading the table itself puts in doubt: a 总计 printed blank where the
 * sums name a value, and a loose-text row whose blanks an extractor moved.
 */
import type { SourceRef } from '../format';
import { expectedTotal, type Equation } from '../checks/equations';
import { holdsAsNothing } from './solve';

/** A blank printed where the table's own sums name a value is flagged, not taken as "not reported". */
export function flagBlankTotals(cells: Record<string, number | null>, uncertain: Record<string, string>, eqs: readonly Equation[], sources: Record<string, SourceRef>): void {
  const keysOf = (e: Equation) => [e.total, ...e.parts, ...(e.minus ?? [])];
  for (const eq of eqs) {
    // A total printed blank: read blank, or in doubt but read from no figure. (One already in
    // doubt keeps its reason; its row is still judged below. A figure set aside is no blank.)
    const blank = cells[eq.total] === null && (!uncertain[eq.total] || !sources[eq.total]?.text);
    if (!blank || !(eq.total in cells)) continue;
    const flag = (why: string) => { uncertain[eq.total] ??= why; };
    const row = rowOfKey(eq.total);
    const ownRow = !eq.minus?.length && eq.parts.every((k) => rowOfKey(k) === row);
    // A row's own total blank beside figures already in doubt: nothing in the row confirms the
    // rest of its figures, nor the blank.
    if (ownRow && eq.parts.some((k) => uncertain[k])) {
      flag('这一行的合计一格为空，行内又有读不准的数，合计无法确定，请核对原表');
      doubtRow(eq, cells, uncertain, '这一行的合计一格为空，行内又有读不准的数：各数可能错了列（表格的格子错位），请核对原表');
      continue;
    }
    const exp = expectedTotal(eq, (k) => cells[k]);
    if (exp === null) continue;
    flag(`表中此格为空，但按表内勾稽关系应为 ${exp}；原表可能漏印或错位`);
    // A row's own total blank beside figures that sum to more, and its figures do not fit their
    // columns' sums either: the row's figures stand one column off their heads (a cell missing at
    // its start), so none of them is sure. (Where the columns check, only the total was left out.)
    if (!ownRow) continue;
    // Every figure 0 and only the total blank: the blank may as well be any other cell of the row
    // with the zeros printed one column off (a cell missing at its start), which no sum can tell.
    if (exp === 0) {
      if (eq.parts.every((k) => cells[k] === 0)) doubtRow(eq, cells, uncertain, '这一行各项都是 0，合计一格却为空：空着的也可能是别的格、各数错了列（表格的格子错位），请核对原表');
      continue;
    }
    const offColumn = eqs.some((e) => e !== eq && eq.parts.some((k) => keysOf(e).includes(k))
      && keysOf(e).every((k) => !uncertain[k] || k === eq.total) && !keysOf(e).includes(eq.total)
      && !holdsAsNothing(e, (k) => cells[k]));
    if (offColumn) doubtRow(eq, cells, uncertain, `这一行的合计一格为空，各项之和却为 ${exp}：各数可能错了列（表格的格子错位），请核对原表`);
  }
}

function doubtRow(eq: Equation, cells: Record<string, number | null>, uncertain: Record<string, string>, why: string): void {
  for (const k of eq.parts) {
    if (uncertain[k]) continue;
    cells[k] = null;
    uncertain[k] = why;
  }
}

const MOVED = '这一行有数，行末一格（表三为总计）却读到空格：文字里空格的位置可能被提取工具挪动过，各数所在的列无法确定，请核对原表';

/** The row a cell's key belongs to: `apps.new` of `apps.new.natural`. */
export const rowOfKey = (key: string): string => key.slice(0, key.lastIndexOf('.'));

/** A segment's keys cut into the rows they belong to (`apps.new.*`, `t2.rules.*`). */
export function rowsOfKeys(keys: string[]): string[][] {
  const out: string[][] = [];
  let prev = '';
  for (const k of keys) {
    const row = rowOfKey(k);
    if (row !== prev || out.length === 0) out.push([]);
    out[out.length - 1].push(k);
    prev = row;
  }
  return out;
}

/**
 * Rows read from loose text: a row that prints its figures first and then only blank marks,
 * its last cell (表三's 总计) among them, had its blanks moved (pdfminer sets a row's — after its
 * figures: 16 0 0 0 16 — — for 16 0 — 0 0 0 16), so which column each figure is in is unknown;
 * the whole row goes into `lost`. Blanks between figures were not moved, and a blank the text
 * does not print at all is one reading among others the rules already weighed. Returns whether
 * any row was lost so: the extractor that did it did so throughout the file.
 */
export function movedBlanks(rows: string[][], solved: { cells: Map<string, number | null>; uncertain: Map<string, string>; refs: Map<string, SourceRef> }, lost: Map<string, string>): boolean {
  let any = false;
  for (const row of rows) {
    const last = row[row.length - 1];
    if (row.length < 2 || solved.cells.get(last) !== null || solved.uncertain.has(last) || lost.has(last) || !solved.refs.get(last)?.text) continue;
    const figures = row.findIndex((k) => solved.cells.get(k) == null);
    const trailing = figures > 0 && row.slice(figures).every((k) => solved.cells.get(k) == null);
    if (!trailing) continue;
    any = true;
    for (const k of row) if (!lost.has(k)) lost.set(k, MOVED);
  }
  return any;
}
