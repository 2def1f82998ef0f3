/**
 * A 序号 column: tables that number their rows (1 | 规章 | 28 | 15 | 685) print a figure before
 * each row's name. It is not one of the row's figures, and left in place it shifts them all.
 * A leading whole number is taken for a row number only where the table says so: under a
 * header cell 序号 (编号, 行次…), or in a run of three or more rows numbered one after another
 * (and then in every table numbered from 1).
 * The row's own figures are untouched, so the equations still check them.
 */
import type { Line } from './document';
import { CJK } from './naming';
import { filled, tableKeys } from './table-blocks';

const HEAD = /^(?:序号|序|编号|行次|行号|No\.?)$/i;
const ROW_NUMBER = /^\d{1,3}$/;
/** Rows numbered one after another, this many at least, number themselves. */
const RUN = 3;


/** Where a line's row number stands and its value: a whole number first, a name right after it. */
function numbered(l: Line): { at: number; n: number } | null {
  if (!l.cellular) return null;
  const at = l.tokens.findIndex(filled);
  if (at < 0 || !ROW_NUMBER.test(l.tokens[at].text.trim())) return null;
  const rest = l.tokens.slice(at + 1).filter(filled);
  // (The row goes on after its name: a figure printed before a name whose row has none after it is no number.)
  return rest.length >= 2 && CJK.test(rest[0].text) ? { at, n: Number(l.tokens[at].text.trim()) } : null;
}

export function dropRowNumbers(lines: Line[]): Line[] {
  const keys = tableKeys(lines);
  const heads = new Map<number, number>();
  lines.forEach((l, i) => {
    const at = l.cellular ? l.tokens.findIndex(filled) : -1;
    if (at >= 0 && HEAD.test(l.tokens[at].text.trim())) heads.set(i, at);
  });
  const headed = new Set([...heads.keys()].map((i) => keys[i]));
  const found = lines.map(numbered);
  const drop = new Set<number>();
  // Runs: each row's number one more than the last numbered row's, across the tables of a section.
  // Once one run is long enough to be numbering, a table that numbers its rows from 1 again
  // (表二's items of one or two rows) does too.
  const runs: number[][] = [];
  let run: number[] = [];
  const close = () => {
    if (run.length) runs.push(run);
    run = [];
  };
  found.forEach((f, i) => {
    if (!f) return;
    if (headed.has(keys[i])) drop.add(i);
    const last = run.length ? found[run[run.length - 1]]! : null;
    if (last && f.n !== last.n + 1) close();
    run.push(i);
  });
  close();
  const numbering = runs.some((x) => x.length >= RUN);
  for (const x of runs) if (x.length >= RUN || (numbering && found[x[0]]!.n === 1)) x.forEach((i) => drop.add(i));
  if (!drop.size) return lines;
  // A header's 序号 goes with the numbers under it, so that its other words head the same columns as before.
  const numberedTables = new Set([...drop].map((i) => keys[i]));
  return lines.map((l, i) => {
    const at = drop.has(i) ? found[i]!.at : heads.has(i) && numberedTables.has(keys[i]) ? heads.get(i)! : -1;
    return at < 0 ? l : { ...l, tokens: l.tokens.filter((_, j) => j !== at) };
  });
}
