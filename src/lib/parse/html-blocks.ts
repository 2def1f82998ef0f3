/**
 * HTML tables inside a Markdown or text file. PDF-to-Markdown tools (MinerU and its kin) write
 * every table whose cells merge as raw HTML (`<table><tr><td rowspan="22">…`), amid Markdown
 * prose. Such a table is read as the HTML reader reads a page's table, so each cell knows its
 * row and column through the spans; read as text, its rows of tags were no table at all.
 */
import type { Line } from './document';
import { Layouts, pageText, tableLines } from './html/render';
import { applyStyleEffects } from './html/stylesheet';
import { buildTree } from './html/tree';
import { dropLabelColumnBlanks } from './label-columns';

export interface HtmlBlock {
  /** The block's last line (0-based, inclusive). */
  end: number;
  lines: Line[];
  /** What the block shows as text: its rows, cells joined by tabs. */
  text: string;
}

const OPEN = /<table[\s>]/gi;
const CLOSE = /<\/table\s*>/gi;
const count = (s: string, re: RegExp) => s.match(re)?.length ?? 0;
/** Far past any report's table: a table left open is not looked for to the file's end from every line. */
const MAX_BLOCK_LINES = 3000;

/**
 * The HTML table blocks of a file's lines, by their first line. A block runs from a line that
 * opens a table to the line that closes its last open one. Tables are numbered from `first`,
 * past any number the rest of the file gives its tables, so no two tables share one.
 */
export function htmlTableBlocks(all: readonly string[], first: number): Map<number, HtmlBlock> {
  const blocks = new Map<number, HtmlBlock>();
  let next = first;
  for (let i = 0; i < all.length; i++) {
    if (!/^\s*</.test(all[i]) || count(all[i], OPEN) === 0) continue;
    let depth = 0;
    let end = i;
    for (; end < Math.min(all.length, i + MAX_BLOCK_LINES); end++) {
      depth += count(all[end], OPEN) - count(all[end], CLOSE);
      if (depth <= 0) break;
    }
    // A table never closed is not taken as one: its rows stay text, as before.
    if (depth > 0) continue;
    const root = buildTree(all.slice(i, end + 1).join('\n'));
    applyStyleEffects(root);
    const layouts = new Layouts();
    const lines = tableLines(root, layouts);
    let top = next - 1;
    for (const l of lines) {
      for (const t of l.tokens) {
        if (t.table !== undefined) { t.table += next - 1; top = Math.max(top, t.table); }
        t.line = i + 1;
      }
    }
    next = top + 1;
    // Empty cells of its label columns are layout, as in a page's table (label-columns.ts).
    blocks.set(i, { end, lines: dropLabelColumnBlanks(lines), text: pageText(root, layouts) });
    i = end;
  }
  return blocks;
}
