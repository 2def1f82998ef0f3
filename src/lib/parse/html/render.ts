/**
 * Turns the element tree into the two things a ReportDocument holds: the page's text, and
 * one cellular Line per table row. Both read each table through the same layout, so the
 * text and the lines agree about what a cell says.
 */
import type { Line, Token } from '../document';
import { layoutTable, type TableLayout } from './table';
import { BLOCK, HIDDEN, cleanText, collectText, supNote } from './text';
import type { Element } from './tree';

/** Lays out each table once, whichever output asks for it first. */
export class Layouts {
  private cache = new Map<Element, TableLayout>();
  get(table: Element): TableLayout {
    let l = this.cache.get(table);
    if (!l) {
      l = layoutTable(table);
      this.cache.set(table, l);
    }
    return l;
  }
}

/**
 * Every table of the page, in document order (the 1-based index is the table's position
 * among all <table>s, nested ones included), each row a Line of its cells. Grid slots covered
 * by another cell's span are not tokens: the value is read once, at the cell's origin.
 */
export function tableLines(root: Element, layouts: Layouts): Line[] {
  const lines: Line[] = [];
  let index = 0;
  const emitTable = (table: Element) => {
    const n = ++index;
    const layout = layouts.get(table);
    for (const t of layout.nested) emitTable(t);
    for (const row of layout.rows) {
      if (row.cells.length > 0) {
        const tokens: Token[] = row.cells.map((c) => ({ text: c.text, table: n, row: c.row, col: c.col }));
        lines.push({ tokens, cellular: true });
      }
      for (const t of row.nested) emitTable(t);
    }
  };
  // A 第二十条 heading printed between tables (表二 as four small tables, each under its own
  // <p>第二十条第（五）项</p>) is a line of its own, as it is in a text dump: it is where 表二 starts.
  // A table that prints the same heading in its first row needs no second copy (that would read
  // as 表二 printed twice).
  let pending: string | null = null;
  const flush = (table?: Element) => {
    const first = table ? layouts.get(table).rows.find((r) => r.cells.length)?.cells.map((c) => c.text).join('') ?? '' : '';
    if (pending && !first.includes(pending)) lines.push({ tokens: [{ text: pending }], cellular: true });
    pending = null;
  };
  const heading = (e: Element) => {
    const text = cleanText(collectText(e, []));
    if (text.length > HEADING_MAX || !SECTION_HEADING.test(text) || /\d/.test(text)) return;
    flush();
    pending = text;
  };
  const walk = (e: Element) => {
    for (const c of e.children) {
      if (typeof c === 'string' || HIDDEN.has(c.tag)) continue;
      if (c.tag === 'table') {
        flush(c);
        emitTable(c);
      } else if (BLOCK.has(c.tag) && !holdsTable(c)) heading(c);
      else walk(c);
    }
  };
  walk(root);
  flush();
  return lines;
}

const HEADING_MAX = 40;
const SECTION_HEADING = /^第二十条第/;

function holdsTable(e: Element): boolean {
  return e.children.some((c) => typeof c !== 'string' && (c.tag === 'table' || holdsTable(c)));
}

/** The visible text under `e`: blocks on their own lines, a table row's cells joined by tabs. */
export function pageText(e: Element, layouts: Layouts): string {
  const out: string[] = [];
  let buf = '';
  const flush = () => {
    const t = cleanText(buf);
    if (t) out.push(t);
    buf = '';
  };
  const table = (t: Element) => {
    flush();
    const layout = layouts.get(t);
    if (layout.caption) out.push(layout.caption);
    for (const nested of layout.nested) table(nested);
    for (const row of layout.rows) {
      if (row.cells.length > 0) out.push(row.cells.map((c) => c.text).join('\t'));
      for (const nested of row.nested) table(nested);
    }
  };
  const walk = (el: Element) => {
    for (const c of el.children) {
      if (typeof c === 'string') {
        buf += c;
        continue;
      }
      if (HIDDEN.has(c.tag)) continue;
      if (c.tag === 'table') {
        table(c);
        continue;
      }
      if (c.tag === 'sup') {
        buf += supNote(buf, collectText(c, []));
        continue;
      }
      const block = BLOCK.has(c.tag);
      if (block) flush();
      walk(c);
      if (block) flush();
    }
  };
  walk(e);
  flush();
  return out.join('\n');
}
