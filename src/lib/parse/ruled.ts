/**
 * Fixed-width tables ruled by dashes under their header: pandoc's plain and multiline tables,
 * Markdown's simple tables. The rule's dash runs give the columns, counted in display width (a
 * CJK character takes two, as the tool that aligned them counted it). A multiline table, between
 * two one-run borders (or, without a header, two rules), holds rows of several lines up to a
 * blank line, each column's text joined; a simple table has a row per line and ends at a blank
 * line. A cell left empty is a blank. A row whose text strays into the gaps between columns, or
 * cuts differently where a character's width is ambiguous (“ ” is one column or two, as the
 * aligning tool's font had it), is marked: its figures' columns are not known.
 */
import { eastAsianWidth } from 'get-east-asian-width';

/** Dash runs under each column (a column as narrow as one CJK character has two dashes). */
const RULE = /^\s*-{2,}(?: +-{2,})+\s*$/;
/** (A row of -- blank marks is no rule: a rule's label column runs four dashes at least.) */
const isRule = (l: string) => RULE.test(l) && /-{4,}/.test(l);
const BORDER = /^\s*-{3,}\s*$/;
/** Longer than any report's table: a border not closed by then is not a table's. */
const MAX_BODY = 400;
/** Lines a multiline table's header may take (a long note in a narrow column). */
const MAX_HEADER = 40;
/** Characters that take no column: controls, soft hyphen, combining marks, zero-width spaces. */
const ZERO_WIDTH = /[\u0000-\u001f\u00ad\u0300-\u036f\u200b-\u200f\u2060\ufeff]/;

export interface RuledRow { line: number; cells: string[]; misaligned?: boolean }
export interface RuledTable { first: number; last: number; rows: RuledRow[] }

function width(ch: string, wideAmbiguous = false): number {
  if (ZERO_WIDTH.test(ch)) return 0;
  const cp = ch.codePointAt(0)!;
  return cp < 0x1100 && cp < 0xa1 ? 1 : eastAsianWidth(cp, { ambiguousAsWide: wideAmbiguous });
}

interface Columns { starts: number[]; gaps: Set<number> }

/** Where each dash run of a rule starts, and the gaps between runs, in display columns. */
function columnsOf(rule: string): Columns {
  const starts: number[] = [];
  const gaps = new Set<number>();
  let col = 0;
  let prev = ' ';
  for (const ch of rule.trimEnd()) {
    if (ch === '-' && prev !== '-') starts.push(col);
    else if (ch !== '-' && starts.length) gaps.add(col);
    col += width(ch);
    prev = ch;
  }
  return { starts, gaps };
}

/** A line's text per column (a character goes where it starts). */
function cut(line: string, starts: readonly number[], wideAmbiguous: boolean): string[] {
  const out = starts.map(() => '');
  let col = 0;
  let k = 0;
  for (const ch of line) {
    while (k + 1 < starts.length && col >= starts[k + 1]) k++;
    out[k] += ch;
    col += width(ch, wideAmbiguous);
  }
  return out.map((s) => s.trim());
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

/** A cell's text wrapped over lines, joined: Chinese runs on, words keep a space. */
export function joinWrapped(a: string, b: string): string {
  return a && b && /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}

const FIGURE = /^[-+]?\d[\d,，.]*$/;

/**
 * The rows of a block of lines up to a blank line: one row, its cells' wrapped text joined,
 * unless a column holds a figure on two of its lines (a figure does not wrap: rows set one per line).
 */
function blockRows(lines: readonly string[], at: number, n: number, c: Columns): RuledRow[] {
  const block = lines.slice(at, at + n);
  const parts = block.map((l) => cut(l, c.starts, false));
  const misaligned = block.map((l, i) => !keepsToColumns(l, c.gaps) || cut(l, c.starts, true).some((s, k) => s !== parts[i][k]));
  const stacked = c.starts.some((_, k) => parts.filter((p) => FIGURE.test(p[k])).length > 1);
  if (stacked) return parts.map((p, i) => ({ line: at + i, cells: p, ...(misaligned[i] ? { misaligned: true } : {}) }));
  const row: RuledRow = { line: at, cells: c.starts.map((_, k) => parts.reduce((s, p) => joinWrapped(s, p[k]), '')) };
  if (misaligned.some(Boolean)) row.misaligned = true;
  return [row];
}

/** Blocks of lines between blank lines from `from`, up to a line `closes` (its index), or null. */
function blocksTo(lines: readonly string[], from: number, c: Columns, closes: (l: string) => boolean): { rows: RuledRow[]; end: number } | null {
  const rows: RuledRow[] = [];
  let i = from;
  while (i < lines.length && i - from <= MAX_BODY && !closes(lines[i])) {
    if (lines[i].trim() === '') { i++; continue; }
    let j = i;
    while (j < lines.length && lines[j].trim() !== '' && !closes(lines[j])) j++;
    rows.push(...blockRows(lines, i, j - i, c));
    i = j;
  }
  return i < lines.length && closes(lines[i]) ? { rows, end: i } : null;
}

/** The ruled tables of a text's lines (raw, as aligned), with the lines each one spans. */
export function ruledTables(lines: readonly string[]): RuledTable[] {
  const out: RuledTable[] = [];
  for (let r = 0; r < lines.length; r++) {
    if (!isRule(lines[r])) continue;
    const c = columnsOf(lines[r]);
    // A multiline table's header runs up from its rule to a one-run border, with no blank line.
    let b = r - 1;
    while (b >= 0 && r - b <= MAX_HEADER && lines[b].trim() !== '' && !BORDER.test(lines[b]) && !isRule(lines[b])) b--;
    const bordered = b >= 0 && b < r - 1 && BORDER.test(lines[b]);
    const headerless = r === 0 || lines[r - 1].trim() === '';
    // (A simple table's header is the one line above its rule.)
    const h = bordered ? b + 1 : headerless ? r : r - 1;
    const head = h < r ? blockRows(lines, h, r - h, c) : [];
    let body: { rows: RuledRow[]; end: number } | null;
    if (bordered) body = blocksTo(lines, r + 1, c, (l) => BORDER.test(l));
    else if (headerless) body = blocksTo(lines, r + 1, c, isRule);
    else {
      let i = r + 1;
      const rows: RuledRow[] = [];
      while (i < lines.length && lines[i].trim() !== '' && !isRule(lines[i])) rows.push(...blockRows(lines, i++, 1, c));
      body = { rows, end: i < lines.length && isRule(lines[i]) ? i : i - 1 };
    }
    if (!body || body.rows.length === 0) continue;
    // Prose between dashed lines is no table: most of a table's rows keep to its columns.
    const rows = [...head, ...body.rows];
    if (rows.filter((x) => !x.misaligned).length < 0.8 * rows.length) continue;
    out.push({ first: bordered ? b : h, last: body.end, rows });
    r = body.end;
  }
  return out;
}
