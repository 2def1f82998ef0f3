/** Plain text (PDF extractor output, crawler dumps) and Markdown dumps into lines of cells. */
import type { Line, ReportDocument, Token } from './document';
import { isPageFurniture, mayBeFigures, normalizeText, withoutGluedPageNumber } from './normalize';
import { readValue, SPACE_GROUPED } from './numbers';
import { blankBetweenFigures, gridTokens, labelColumns, mergedRest } from './grid';
import { joinWrapped, ruledTables } from './ruled';
import { tokenStarts, wrappedFigures } from './wrapped-figures';
import { CJK } from './naming';
import { htmlTableBlocks } from './html-blocks';

export function splitCells(line: string, lineNo: number): Token[] {
  // Between tabs, a figure grouped by spaces is one cell; elsewhere spaces separate cells.
  const parts = line.includes('\t')
    ? line.split('\t').flatMap((c) => (SPACE_GROUPED.test(c.trim()) ? [c.trim()] : c.split(/ +/)))
    : line.split(/[\t ]+/);
  return parts.filter((s) => s !== '').map((text) => ({ text, line: lineNo }));
}

const MD_SEPARATOR = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** A row of pipe-separated cells: Markdown tables, and mobile pages saved as text (`||规章|3|0|8|||`). */
function isPipeRow(t: string): boolean {
  return t.startsWith('|') && t.indexOf('|', 1) > 0;
}

/** A pipe row's fields between its outer pipes, untrimmed. */
const pipeFields = (t: string) => t.replace(/^\|/, '').replace(/\|$/, '').split('|');

/**
 * A cell's text without the Markdown that only styles it: a whole cell set bold, italic or as code
 * (`**18**`, `*199*`, `` `0` ``), and escapes (`\*`: a printed asterisk, a footnote's mark).
 */
function unstyled(cell: string): string {
  let c = cell;
  for (let m; (m = /^(\*\*|__|\*|_|`)(?=\S)(.*\S)\1$/.exec(c)); ) c = m[2];
  return c.replace(/\\([*_`\\])/g, '$1');
}

/** `table`: where the row is one of a ruled table's, all as wide, its cells are that grid's columns. */
function pipeCells(t: string, lineNo: number, table?: number): Token[] {
  const cells = pipeFields(t).map((c) => unstyled(c.trim()));
  return cells.map((c, k) => ({ text: c, line: lineNo, ...(table === undefined ? {} : { table, col: k + 1 }) }));
}

const EXTRA_PIPE = '这一行的格数比表头多（多出一条竖线“|”，可能是识别错的数字 1），各数属于哪一格无法确定，请核对原表';

/** A grid table's border (pandoc, Emacs): +----+----+ or +====+====+. */
const GRID_BORDER = /^\+(?:[-=:]+\+)+$/;

/**
 * A grid table's row: the pipe lines between two borders, its cells' wrapped text joined column
 * by column (2.其他法律行政 / 法规禁止公开 is one label). Lines that split into different numbers of
 * cells (a cell spanning columns) are left as they are. Null when `at` starts no such row.
 */
function gridRow(all: string[], at: number, table?: number): { tokens: Token[]; end: number } | null {
  if (at === 0 || !GRID_BORDER.test(all[at - 1].trim())) return null;
  let end = at;
  while (end < all.length && isPipeRow(all[end].trim()) && !GRID_BORDER.test(all[end].trim())) end++;
  if (end >= all.length || !GRID_BORDER.test(all[end].trim())) return null;
  const rows = all.slice(at, end).map((l) => pipeCells(l.trim(), at + 1));
  if (rows.some((r) => r.length !== rows[0].length)) return null;
  // A row with a cell under each of its borders' columns is that grid's row: each cell knows its column.
  const place = table !== undefined && [all[at - 1], all[end]].every((b) => b.trim().split('+').length - 2 === rows[0].length);
  return {
    tokens: rows[0].map((c, k) => ({ text: rows.reduce((s, r) => joinWrapped(s, r[k].text), ''), line: c.line, ...(place ? { table, col: k + 1 } : {}) })),
    end,
  };
}

/**
 * Blocks of tab-separated lines with the same number of fields, copied from Excel, where an
 * empty field stands between two figures and a header row is as wide as the rows of figures:
 * there the empty fields are blank cells (but for the
 * rest of a merged label, and a column empty throughout). Elsewhere tabs may only align text,
 * and a Word table's rows shift their columns where cells merge, so empty fields are dropped as
 * before. Returns each grid line's cells.
 */
function tabBlocks(all: readonly string[]): Map<number, Token[]> {
  const out = new Map<number, Token[]>();
  const width = all.map((l) => (l.includes('\t') ? l.split('\t').length : 0));
  for (let i = 0; i < all.length;) {
    let j = i + 1;
    while (j < all.length && width[i] > 0 && width[j] === width[i]) j++;
    const rows = j - i >= 2 ? all.slice(i, j).map((l) => l.split('\t').map((f) => f.trim())) : [];
    // A column empty in every row is the gap of a double tab that aligns text, not a column of blanks.
    const gap = new Set(rows.length ? rows[0].map((_, c) => c).filter((c) => rows.every((r) => r[c] === '')) : []);
    // A spreadsheet range holds its header rows as wide as its rows of figures; typed text
    // aligned by tabs writes its headings as lines of their own.
    const header = rows.some((r) => !r.some((f) => readValue(f)?.kind === 'number'));
    if (header && rows.some((r) => blankBetweenFigures(r.filter((_, c) => !gap.has(c))))) {
      const drop = new Set([...labelColumns(rows), ...gap]);
      rows.forEach((r, k) => out.set(i + k, gridTokens(r, drop, i + k + 1)));
    }
    i = j;
  }
  return out;
}

const MISALIGNED = '这一行的文字越出了表格的列界（排版时算的字宽可能与这里不同），数字所在的列无法确定，请核对原表';

/**
 * The rows of dash-ruled tables (ruled.ts), cut where the text was aligned, before the
 * normalizing that changes characters' widths; each row's cells by its first line.
 */
function ruledRows(raw: string): { rows: Map<number, Token[]>; within: (i: number) => boolean } {
  const rows = new Map<number, Token[]>();
  const covered = new Set<number>();
  for (const t of ruledTables(raw.split(/\r\n?|\n/))) {
    for (let i = t.first; i <= t.last; i++) covered.add(i);
    const cells = t.rows.map((r) => r.cells.map(normalizeText));
    const labelOnly = labelColumns(cells);
    t.rows.forEach((r, k) => rows.set(r.line, gridTokens(cells[k], labelOnly, r.line + 1, r.misaligned ? MISALIGNED : undefined)));
  }
  return { rows, within: (i) => covered.has(i) };
}

/**
 * The lines of Markdown tables: runs of pipe rows with a |---| separator or +---+ borders. (A
 * mobile page's pipe rows, padded by layout cells, have neither: their empty cells are no
 * merged labels.)
 */
function markdownTables(all: readonly string[]): { lines: Set<number>; grids: Map<number, number>; wide: Set<number>; bordered: Map<number, number> } {
  const lines = new Set<number>();
  // (Lines of a +---+ grid table: the line its run of rows and borders starts on, its number.)
  const bordered = new Map<number, number>();
  // (Lines of a table whose pipe rows are all as wide: its number, the line of its |---|.)
  const grids = new Map<number, number>();
  // (Rows with more cells than the |---| line under their table's head, in a table whose rows are
  // mostly as wide as it: a stray |, as OCR reads a 1.)
  const wide = new Set<number>();
  const ruling = (l: string) => MD_SEPARATOR.test(l) || GRID_BORDER.test(l);
  const width = (l: string) => pipeFields(l).length;
  for (let i = 0; i < all.length;) {
    let j = i;
    while (j < all.length && (isPipeRow(all[j].trim()) || GRID_BORDER.test(all[j].trim()))) j++;
    const run = all.slice(i, j).map((l) => l.trim());
    if (run.some(ruling)) {
      for (let k = i; k < j; k++) lines.add(k);
      if (run.some((l) => GRID_BORDER.test(l))) for (let k = i; k < j; k++) bordered.set(k, i);
      // Tables printed one under another make one run: each opens with the head over its |---|.
      const seps = run.flatMap((l, k) => (MD_SEPARATOR.test(l) ? [k] : []));
      const starts = seps.map((k) => Math.max(0, k - 1));
      seps.forEach((sep, n) => {
        const from = n === 0 ? 0 : starts[n];
        const to = n + 1 < seps.length ? starts[n + 1] : run.length;
        const rows = run.slice(from, to).flatMap((l, k) => (isPipeRow(l) && !MD_SEPARATOR.test(l) ? [from + k] : []));
        // (Heads over figures only: heads a converter set as a table of their own, over a table of
        // figures with other columns, say nothing of those columns.)
        const figured = rows.some((k) => /\|\s*-?\d[\d.,]*\s*(?=\|)/.test(run[k]));
        if (figured && rows.every((k) => width(run[k]) === width(run[sep]))) for (const k of rows) grids.set(i + k, i + sep);
        // (Only where the table keeps its head's width otherwise: converters often print a merged
        // title cell as a head of one cell over rows of several.)
        const w = width(run[sep]);
        const over = rows.filter((k) => width(run[k]) > w);
        const even = rows.filter((k) => width(run[k]) === w).length;
        if (even >= 3 && even >= 0.75 * rows.length) for (const k of over) wide.add(i + k);
      });
    }
    i = Math.max(j, i + 1);
  }
  return { lines, grids, wide, bordered };
}

/**
 * A pipe or grid table's rows, each as wide as the table: a merged label leaves empty cells in
 * the label columns (grid.ts), which are no blank figures. Runs of such rows with one width.
 */
function dropMergedLabels(lines: Line[], piped: ReadonlySet<number>): void {
  for (let i = 0; i < lines.length;) {
    let j = i;
    while (piped.has(j) && j < lines.length && lines[j].tokens.length === lines[i].tokens.length) j++;
    if (j - i >= 2) {
      const labelOnly = labelColumns(lines.slice(i, j).map((l) => l.tokens.map((t) => t.text)));
      if (labelOnly.size) {
        for (let k = i; k < j; k++) lines[k].tokens = lines[k].tokens.filter((t, c) => !mergedRest(t.text, c, labelOnly));
      }
    }
    i = Math.max(j, i + 1);
  }
}

function read(raw: string, kind: 'text' | 'markdown'): ReportDocument {
  const text = normalizeText(raw);
  const lines: Line[] = [];
  const all = text.split('\n');
  const blocks = tabBlocks(all);
  const ruled = ruledRows(raw);
  const piped = new Set<number>();
  const { lines: ruledPipes, grids, wide, bordered } = markdownTables(all);
  // (Numbered past every line: a Markdown grid is numbered by its |---| line.)
  const htmlBlocks = htmlTableBlocks(all, all.length + 1);
  let skip = -1;
  // pdftotext opens each page with a form feed (normalized away above): the page's first line.
  const pageStarts = raw.includes('\f') ? new Set(raw.replace(/\r\n?/g, '\n').split('\n').flatMap((l, i) => (l.includes('\f') ? [i] : []))) : null;
  const edges = pageStarts ? pageEdges(all, pageStarts) : null;
  const wraps = kind === 'text' ? wrappedFigures(all) : { tails: new Map<number, Set<number>>(), wrapped: new Map<number, Map<number, string>>() };
  let pageOpen = false;
  all.forEach((l, i) => {
    if (pageStarts?.has(i) && i > 0) pageOpen = true;
    const before = lines.length;
    readLine(l, i);
    if (pageOpen && lines.length > before) { lines[before].pageStart = true; pageOpen = false; }
  });
  function readLine(printed: string, i: number): void {
    const l = withoutGluedPageNumber(printed);
    const t = l.trim();
    if (ruled.within(i)) {
      const tokens = ruled.rows.get(i);
      if (tokens?.some((x) => x.text !== '')) lines.push({ tokens, cellular: true });
      return;
    }
    if (t === '' || i < skip || GRID_BORDER.test(t)) return;
    const block = htmlBlocks.get(i);
    if (block) {
      lines.push(...block.lines);
      skip = block.end + 1;
      return;
    }
    const cells = blocks.get(i);
    if (cells) {
      lines.push({ tokens: cells, cellular: true });
      return;
    }
    // (Numbered by its first line, as a pipe table by its |---| line: no two share a number.)
    const grid = isPipeRow(t) ? gridRow(all, i, bordered.get(i)) : null;
    if (grid) {
      lines.push({ tokens: grid.tokens, cellular: true });
      if (ruledPipes.has(i)) piped.add(lines.length - 1);
      skip = grid.end;
      return;
    }
    // Where the pages are marked, a page's number stands at its top or bottom: `— 0 —` amid a
    // page is a row (blank, 0, blank).
    if (isPageFurniture(t) && (!mayBeFigures(t) || !edges || edges.has(i))) {
      if (mayBeFigures(t)) lines.push({ tokens: splitCells(t, i + 1), furniture: true });
      return;
    }
    if (isPipeRow(t)) {
      if (!MD_SEPARATOR.test(t)) {
        const tokens = pipeCells(t, i + 1, grids.get(i));
        if (wide.has(i)) for (const c of tokens) if (!CJK.test(c.text)) c.doubt = EXTRA_PIPE;
        lines.push({ tokens, cellular: true });
        if (ruledPipes.has(i)) piped.add(lines.length - 1);
      }
    } else if (kind === 'markdown') {
      lines.push({ tokens: splitCells(t.replace(/^#+\s*/, ''), i + 1) });
    } else {
      let tokens = splitCells(l, i + 1);
      const wrapped = wraps.wrapped.get(i);
      const tails = wraps.tails.get(i);
      const at = wrapped || tails ? tokenStarts(printed) : [];
      if (at.length === tokens.length) {
        tokens.forEach((t, ti) => {
          const tail = wrapped?.get(at[ti]);
          if (tail) t.doubt = `这个数所在的格太窄，数字折到了下一行（“${t.text}”的正下方印着“${tail}”，完整的数可能是 ${t.text}${tail}），无法确定，请核对原表`;
        });
        if (tails) tokens = tokens.filter((_, ti) => !tails.has(at[ti]));
      }
      if (tokens.length) lines.push({ tokens, cellular: l.includes('\t') });
    }
  }
  dropMergedLabels(lines, piped);
  const shown = htmlBlocks.size ? withBlockText(all, htmlBlocks) : text;
  const doc: ReportDocument = { kind, text: kind === 'markdown' ? shown.replace(/^\|?\s*:?-{3,}.*$/gm, '') : shown, lines };
  // A file that stops on a figure, not even at the end of its line, may have been cut inside it.
  if (/\d[ \t]*$/.test(text)) doc.endsInCell = true;
  if (pageStarts) doc.paged = true;
  return doc;
}

export function readText(raw: string): ReportDocument {
  return read(raw, 'text');
}

/** Markdown: pipe rows are cells (empty ones kept as blanks); other lines are prose. */
export function readMarkdown(raw: string): ReportDocument {
  return read(raw, 'markdown');
}

/** The file's text with each HTML table block shown as its rows show it, not as its tags. */
function withBlockText(all: readonly string[], blocks: ReturnType<typeof htmlTableBlocks>): string {
  const out: string[] = [];
  for (let i = 0; i < all.length; i++) {
    const block = blocks.get(i);
    if (block) { out.push(block.text); i = block.end; } else out.push(all[i]);
  }
  return out.join('\n');
}

/** The first two and last two lines with text of each page (`starts`: each page's first line). */
function pageEdges(all: readonly string[], starts: ReadonlySet<number>): Set<number> {
  const out = new Set<number>();
  let page: number[] = [];
  const close = () => { for (const i of [...page.slice(0, 2), ...page.slice(-2)]) out.add(i); page = []; };
  all.forEach((l, i) => {
    if (starts.has(i)) close();
    if (l.trim()) page.push(i);
  });
  close();
  return out;
}
