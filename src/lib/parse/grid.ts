/**
 * Rows of fields exported from a spreadsheet or a Word table (CSV, Excel's tab-separated copy):
 * every row of a block has the same columns, so an empty field is a blank cell, except where a
 * merged label cell spans several columns (一、本年新收… over the three label columns of 表三)
 * and the export writes its rest as empty fields.
 */
import type { Token } from './document';
import { readValue } from './numbers';
import { CJK } from './naming';

/** Words, not a value (无 and 12元 are values). */
const isLabel = (f: string) => CJK.test(f) && !readValue(f);

/**
 * The label-only columns of one block of rows: columns where rows of figures print labels and
 * never a figure. Their empty fields are the rest of a merged label, not blank figures.
 */
export function labelColumns(block: readonly (readonly string[])[]): Set<number> {
  const rows = block.filter((r) => r.some((f) => readValue(f)?.kind === 'number'));
  const labels = new Set<number>();
  const figures = new Set<number>();
  for (const r of rows) {
    r.forEach((f, c) => {
      if (isLabel(f)) labels.add(c);
      else if (f !== '' && readValue(f)) figures.add(c);
    });
  }
  const only = new Set([...labels].filter((c) => !figures.has(c)));
  // Columns, not rows, decide only where every row of figures keeps its labels left of its
  // figures in them (rows padded each their own way do not).
  const last = Math.max(-1, ...only);
  const consistent = rows.every((r) => r.every((f, c) => (c <= last ? f === '' || isLabel(f) : !isLabel(f))));
  return consistent ? only : new Set();
}

/** An empty field in a label-only column: the rest of a merged label, no cell. */
export const mergedRest = (text: string, col: number, labelOnly: ReadonlySet<number>) => text === '' && labelOnly.has(col);

/** A row's fields as the tokens of line `line`: empty fields are blanks but the rest of a merged label. */
export function gridTokens(fields: readonly string[], labelOnly: ReadonlySet<number>, line: number, doubt?: string): Token[] {
  const out: Token[] = [];
  fields.forEach((text, c) => {
    if (mergedRest(text, c, labelOnly)) return;
    const t: Token = { text, col: c + 1, line };
    if (doubt) t.doubt = doubt;
    out.push(t);
  });
  return out;
}

/** A row with an empty field between two figures (3, , 5): its empty fields are cells. */
export function blankBetweenFigures(fields: readonly string[]): boolean {
  let seen = false;
  let gap = false;
  for (const f of fields) {
    if (f === '') { gap = seen; continue; }
    if (readValue(f)?.kind !== 'number') { seen = false; gap = false; continue; }
    if (gap) return true;
    seen = true;
  }
  return false;
}
