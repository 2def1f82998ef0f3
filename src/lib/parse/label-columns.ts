/**
 * Empty cells in a table's label columns. A table flattened by its tool (Word's HTML, a page
 * built without colspan) prints a row label that would span three columns as the label and two
 * empty cells; read as cells of the row, those two were blanks before its figures and the row
 * came up two cells long. A column where some row prints its label, beside figures of that row,
 * is a label column, as is one left of every figure of the table: an empty cell there, before the
 * row's first figure, is layout.
 */
import type { Line, Token } from './document';
import { CJK } from './naming';
import { readValue } from './numbers';

/** A cell holding a figure, as the number reader takes one (1,234 · ２２ · 3件 · (5)). */
export const isFigure = (text: string) => readValue(text)?.kind === 'number';

export function dropLabelColumnBlanks(lines: Line[]): Line[] {
  const labelCols = new Map<number, Set<number>>();
  // Columns left of every figure of the table hold none: labels, or nothing at all.
  const figuresFrom = new Map<number, number>();
  for (const l of lines) {
    for (const t of l.tokens) {
      if (t.table !== undefined && t.col !== undefined && isFigure(t.text)) figuresFrom.set(t.table, Math.min(figuresFrom.get(t.table) ?? Infinity, t.col));
    }
    const first = firstFigure(l.tokens);
    if (first < 0) continue;
    for (const t of l.tokens.slice(0, first)) {
      if (t.table === undefined || t.col === undefined || !CJK.test(t.text)) continue;
      let cols = labelCols.get(t.table);
      if (!cols) labelCols.set(t.table, (cols = new Set()));
      cols.add(t.col);
    }
  }
  return lines.map((l) => {
    const first = firstFigure(l.tokens);
    if (first < 0) return l;
    const layout = (t: Token, i: number) => i < first && t.text.trim() === '' && t.table !== undefined && t.col !== undefined
      && (labelCols.get(t.table)?.has(t.col) === true || t.col < (figuresFrom.get(t.table) ?? 0));
    return l.tokens.some(layout) ? { ...l, tokens: l.tokens.filter((t, i) => !layout(t, i)) } : l;
  });
}

function firstFigure(tokens: Token[]): number {
  return tokens.findIndex((t) => isFigure(t.text));
}
