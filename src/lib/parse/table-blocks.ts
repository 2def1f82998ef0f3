/**
 * Which table each line belongs to, for the passes that look at a table's header and rows
 * together (row-numbers.ts, remark-column.ts): a page's table by its index, otherwise the
 * lines of cells between two lines of prose or blank lines.
 */
import type { Line, Token } from './document';

export const filled = (t: Token) => t.text.trim() !== '';

/** The table a line belongs to: a page's table, or lines of cells between two lines of prose. */
export function tableKeys(lines: Line[]): string[] {
  let block = 0;
  return lines.map((l) => {
    const t = l.tokens.find((x) => x.table !== undefined)?.table;
    if (t !== undefined) return `t${t}`;
    if (!l.cellular || !l.tokens.some(filled)) block++;
    return `b${block}`;
  });
}
