/**
 * A 备注 column after a table's figures: its cells hold words (见说明, 含上年结转1件), a dash,
 * or a bare number, which left in place would pass for one figure too many. It is taken out
 * only where the table's header names it: on a page, by its column; in text, as the last cell
 * of the rows that reach as far as the longest rows do (a row whose remark is empty may stop
 * before it), when one of them shows it is a remark: it ends on words, a dash or an empty
 * cell, or has as many cells as a one-line header.
 */
import type { Line, Token } from './document';
import { isFigure } from './label-columns';
import { readValue } from './numbers';
import { squash } from './normalize';
import { filled, tableKeys } from './table-blocks';

const REMARK_HEAD = /^(?:备注|说明|附注|备考)$/;
/**
 * Last year's figures printed beside this year's (上年同期): a column of figures, told from a
 * figure of the form only by its head, so it is taken out only where the cells know their column
 * (a page's or a grid's table). In text it stays, and the rows' one figure too many is flagged.
 */
const PRIOR_HEAD = /^(?:上年同期|去年同期|上年度?|上一年度?)(?:数|数量|数据|情况)?$/;

/**
 * A header line's remark cell: its last filled cell, named so; or the one cell that names last
 * year's figures by its column, wherever the header sets it (after 总计, or before 自然人).
 */
function remarkHead(l: Line): Token | null {
  if (!l.cellular) return null;
  const last = [...l.tokens].reverse().find(filled);
  if (!last) return null;
  if (REMARK_HEAD.test(squash(last.text))) return last;
  const prior = l.tokens.filter((t) => t.col !== undefined && PRIOR_HEAD.test(squash(t.text)));
  return prior.length === 1 ? prior[0] : null;
}

/** The cells from a row's first figure or blank on (and whatever follows them). */
function tail(l: Line): number {
  const first = l.tokens.findIndex((t) => readValue(t.text) !== null && t.text.trim() !== '');
  return first < 0 ? 0 : l.tokens.length - first;
}

export function dropRemarkColumn(lines: Line[]): Line[] {
  const keys = tableKeys(lines);
  const heads = new Map<string, { line: number; col?: number }>();
  lines.forEach((l, i) => {
    const h = remarkHead(l);
    if (h && !heads.has(keys[i])) heads.set(keys[i], { line: i, ...(h.col !== undefined ? { col: h.col } : {}) });
  });
  if (!heads.size) return lines;
  // Text: the longest reach of a row of figures under each such header, where some row that
  // reaches it ends on something other than a figure (words, a dash, an empty cell): then that
  // last cell is the remark. (Rows that all end on a figure may have left the column out.)
  const longest = new Map<string, number>();
  lines.forEach((l, i) => {
    const h = heads.get(keys[i]);
    if (h && i > h.line && h.col === undefined) longest.set(keys[i], Math.max(longest.get(keys[i]) ?? 0, tail(l)));
  });
  // (Or a row with as many cells as a one-line header, 信息内容 | 本年处理决定数量 | 备注: its last is under 备注.)
  for (const [key, reach] of longest) {
    const width = lines[heads.get(key)!.line].tokens.length;
    const shown = lines.some((l, i) => keys[i] === key && tail(l) === reach
      && (!isFigure(l.tokens[l.tokens.length - 1].text) || l.tokens.length === width));
    if (!shown) longest.delete(key);
  }
  return lines.map((l, i) => {
    const h = heads.get(keys[i]);
    if (!h || i < h.line) return l;
    if (i === h.line) {
      const head = remarkHead(l)!;
      return { ...l, tokens: l.tokens.filter((t) => t !== head) };
    }
    if (h.col !== undefined) return l.tokens.some((t) => t.col === h.col) ? { ...l, tokens: l.tokens.filter((t) => t.col !== h.col) } : l;
    const reach = longest.get(keys[i]) ?? 0;
    return reach >= 2 && tail(l) === reach ? { ...l, tokens: l.tokens.slice(0, -1) } : l;
  });
}
