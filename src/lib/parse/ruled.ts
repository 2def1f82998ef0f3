/**
 * Fixed-width tables ruled by dashes under their header: pandoc's plain and multiline tables,
 * Markdown's simple tables. The rule's dash runs give the columns, counted in display width (a
 * CJK character takes two, as the tool that aligned them counted it). A multiline table, between
 * two one-run borders, holds rows of several lines up to a blank line, each column's text joined;
 * a simple table has a row per line and ends at a blank line. A cell left empty is a blank.
 */
import { eastAsianWidth } from 'get-east-asian-width';

/** Dash runs under each column (a column as narrow as one CJK character has two dashes). */
const RULE = /^\s*-{2,}(?: +-{2,})+\s*$/;
const BORDER = /^\s*-{3,}\s*$/;
/** Longer than any report's table: a border not closed by then is not a table's. */
const MAX_BODY = 400;

export interface RuledRow { line: number; cells: string[] }
export interface RuledTable { first: number; last: number; rows: RuledRow[] }

const width = (ch: string) => { const cp = ch.codePointAt(0)!; return cp < 0x1100 ? 1 : eastAsianWidth(cp); };

/** Where each dash run of a rule starts, in display columns. */
function columnStarts(rule: string): number[] {
  const out: number[] = [];
  let col = 0;
  let prev = ' ';
  for (const ch of rule) {
    if (ch === '-' && prev !== '-') out.push(col);
    col += width(ch);
    prev = ch;
  }
  return out;
}

/** Where a rule has no dashes: between its columns. */
function gapsOf(rule: string): Set<number> {
  const out = new Set<number>();
  let col = 0;
  let seen = false;
  for (const ch of rule) {
    if (ch === '-') seen = true;
    else if (seen) out.add(col);
    col += width(ch);
  }
  // (Past the last dash is no gap: a row's last cell may run on.)
  const end = col - (rule.length - rule.trimEnd().length);
  for (const c of [...out]) if (c >= end) out.delete(c);
  return out;
}

/** A line whose text keeps out of the gaps between the columns, as a table's lines do and prose does not. */
function keepsToColumns(line: string, gaps: ReadonlySet<number>): boolean {
  let col = 0;
  for (const ch of line) {
    const w = width(ch);
    if (ch !== ' ' && (gaps.has(col) || (w === 2 && gaps.has(col + 1)))) return false;
    col += w;
  }
  return true;
}

/** A line's text per column (a character goes where it starts). */
function cut(line: string, starts: readonly number[]): string[] {
  const out = starts.map(() => '');
  let col = 0;
  let k = 0;
  for (const ch of line) {
    while (k + 1 < starts.length && col >= starts[k + 1]) k++;
    out[k] += ch;
    col += width(ch);
  }
  return out.map((s) => s.trim());
}

/** A cell's text wrapped over lines, joined: Chinese runs on, words keep a space. */
export function joinWrapped(a: string, b: string): string {
  return a && b && /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}

function row(lines: readonly string[], at: number, n: number, starts: readonly number[]): RuledRow {
  const parts = lines.slice(at, at + n).map((l) => cut(l, starts));
  return { line: at, cells: starts.map((_, k) => parts.reduce((s, p) => joinWrapped(s, p[k]), '')) };
}

/** The ruled tables of a text's lines (raw, as aligned), with the lines each one spans. */
export function ruledTables(lines: readonly string[]): RuledTable[] {
  const out: RuledTable[] = [];
  for (let r = 0; r < lines.length; r++) {
    if (!RULE.test(lines[r]) || lines[r].replace(/[^-]/g, '').length < 8) continue;
    const starts = columnStarts(lines[r]);
    let h = r;
    while (h > 0 && r - h < 40 && lines[h - 1].trim() !== '' && !BORDER.test(lines[h - 1]) && !RULE.test(lines[h - 1])) h--;
    const bordered = h > 0 && BORDER.test(lines[h - 1]);
    const rows: RuledRow[] = h < r ? [row(lines, h, r - h, starts)] : [];
    let i = r + 1;
    let closed = false;
    if (bordered) {
      while (i < lines.length && i - r <= MAX_BODY && !BORDER.test(lines[i])) {
        if (lines[i].trim() === '') { i++; continue; }
        let j = i;
        while (j < lines.length && lines[j].trim() !== '' && !BORDER.test(lines[j])) j++;
        rows.push(row(lines, i, j - i, starts));
        i = j;
      }
      closed = i < lines.length && BORDER.test(lines[i]);
    } else {
      while (i < lines.length && lines[i].trim() !== '' && !RULE.test(lines[i])) rows.push(row(lines, i++, 1, starts));
      closed = true;
    }
    // Prose between dashed lines is no table: most of a table's lines keep out of the gaps.
    const gaps = gapsOf(lines[r]);
    const texts = lines.slice(h, i).filter((l, k) => h + k !== r && l.trim() !== '');
    if (!closed || rows.length === 0 || texts.filter((l) => keepsToColumns(l, gaps)).length < 0.8 * texts.length) continue;
    out.push({ first: bordered ? h - 1 : h, last: i < lines.length && (BORDER.test(lines[i]) || RULE.test(lines[i])) ? i : i - 1, rows });
    r = i;
  }
  return out;
}
