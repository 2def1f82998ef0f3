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
function numbered(l: Line, loose = false): { at: number; n: number } | null {
  if (!!l.cellular === loose) return null;
  const at = l.tokens.findIndex(filled);
  if (at < 0 || !ROW_NUMBER.test(l.tokens[at].text.trim())) return null;
  const rest = l.tokens.slice(at + 1).filter(filled);
  // (The row goes on after its name: a figure printed before a name whose row has none after it is no
  // number. Under a 序号 head in loose text, the name may wrap before the row's figures.)
  return rest.length >= (loose ? 1 : 2) && CJK.test(rest[0].text) ? { at, n: Number(l.tokens[at].text.trim()) } : null;
}

export function dropRowNumbers(lines: Line[]): Line[] {
  const keys = tableKeys(lines);
  const heads = new Map<number, number>();
  const loose = looseNumbers(lines);
  lines.forEach((l, i) => {
    const at = l.tokens.findIndex(filled);
    if (at >= 0 && HEAD.test(l.tokens[at].text.trim()) && (l.cellular || loose.heads.has(i))) heads.set(i, at);
  });
  const headed = new Set([...heads.keys()].map((i) => keys[i]));
  const found = lines.map((l) => numbered(l));
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
  for (const [i, at] of loose.rows) { found[i] = at; drop.add(i); }
  if (!drop.size) return lines;
  // A header's 序号 goes with the numbers under it, so that its other words head the same columns as before.
  const numberedTables = new Set([...drop].map((i) => keys[i]));
  return lines.map((l, i) => {
    const at = drop.has(i) ? found[i]!.at : heads.has(i) && (numberedTables.has(keys[i]) || !l.cellular) ? heads.get(i)! : -1;
    return at < 0 ? l : { ...l, tokens: l.tokens.filter((_, j) => j !== at) };
  });
}

/** Unnumbered lines (a wrapped label's rest, a heading) a run of loose rows may skip. */
const LOOSE_GAP = 3;

/**
 * Loose text (cells set apart by spaces) has no table to say which lines are rows: there a leading
 * number is a row's only under a 序号 head, in rows numbered one after another, at least RUN of
 * them (from 1, or on from the table before) — and then under every such head, rows numbered from
 * 1 or on from the table before (表二's items of one or two rows). (Without the head, a figure printed before the next row's
 * name, as pdftotext's default mode sets rows, may run 0, 1, 2 by chance.) The head lines and rows.
 */
function looseNumbers(lines: Line[]): { heads: Set<number>; rows: Map<number, { at: number; n: number }> } {
  const runs = new Map<number, [number, { at: number; n: number }][]>();
  lines.forEach((_, h) => {
    const run = looseRun(lines, h);
    if (run.length) runs.set(h, run);
  });
  const numbering = [...runs.values()].some((r) => r.length >= RUN);
  const heads = new Set<number>();
  const rows = new Map<number, { at: number; n: number }>();
  let end = 0;
  for (const [h, run] of runs) {
    const start = run[0][1].n;
    const on = start === 1 || start === end + 1;
    end = run[run.length - 1][1].n;
    if (run.length < RUN && !(numbering && on)) continue;
    heads.add(h);
    for (const [i, f] of run) rows.set(i, f);
  }
  return { heads, rows };
}

function looseRun(lines: Line[], h: number): [number, { at: number; n: number }][] {
  const l = lines[h];
  const first = l.tokens.find(filled);
  if (l.cellular || !first || !HEAD.test(first.text.trim())) return [];
  const run: [number, { at: number; n: number }][] = [];
  for (let i = h + 1, gap = 0; i < lines.length && gap <= LOOSE_GAP; i++) {
    // (Up to the next head: a table of its own.)
    if (lines[i].tokens.some((t) => HEAD.test(t.text.trim()))) break;
    const f = numbered(lines[i], true);
    if (f && (run.length ? f.n === run[run.length - 1][1].n + 1 : true)) { run.push([i, f]); gap = 0; } else gap++;
  }
  return run;
}
