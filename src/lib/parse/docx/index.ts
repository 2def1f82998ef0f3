/**
 * Word (.docx) reports: word/document.xml's paragraphs become text lines, its tables become
 * lines of cells — merged cells laid out like HTML's colspan/rowspan (gridSpan, vMerge), a
 * blank cell kept as a blank token so it stays null.
 */
import { Parser } from 'htmlparser2';
import { ReportError } from '../../format';
import { UNSURE_MARK as UNSURE, type Line, type ReportDocument, type Token } from '../document';
import { normalizeText } from '../normalize';
import { directory, readEntry } from './unzip';
import { isWhite, on, PROPS_CHANGE, readStyles, type RunStyle } from './styles';

export function readDocx(bytes: Uint8Array): ReportDocument {
  const entries = directory(bytes);
  const entry = entries.find((e) => e.name === 'word/document.xml');
  if (!entry) throw new ReportError('unsupported', '这个压缩文件不是 Word 文档（缺少正文）。请导入报告的 PDF、网页或 Word 原文件。');
  const styles = entries.find((e) => e.name === 'word/styles.xml');
  return layout(new TextDecoder().decode(readEntry(bytes, entry)), styles ? readStyles(new TextDecoder().decode(readEntry(bytes, styles))) : new Map());
}

/**
 * Walks the XML once with htmlparser2 (XML mode: entities, CDATA, attributes holding `>` as any
 * XML reader takes them): paragraphs outside tables are prose; each w:tr of a table is a line of
 * cells — but for a frame: a table that holds tables of rows (a page saved as Word, its report
 * inside a layout table) is read as what its cells hold, paragraphs and tables in order. Text is what the page shows: w:t of runs not hidden, not deleted or moved away
 * by tracked changes (w:del, w:moveFrom), not a field's code (w:instrText), one branch of an
 * mc:AlternateContent (Word writes a text box twice, for new readers and old); a hyphen Word keeps
 * from breaking is a minus sign. Digits in white, or set with a symbol font, are marked unsure.
 */
export function layout(xml: string, styles: ReadonlyMap<string, RunStyle> = new Map()): ReportDocument {
  const text: string[] = [];
  const lines: Line[] = [];
  let para = '';
  let inText = false;
  // Text of a run formatted hidden (w:vanish, itself or by its style) is not on the page; the
  // paragraph mark's own w:vanish (in w:pPr) hides nothing but the mark. Formatting a tracked
  // change records as the old one (w:rPrChange) is not the run's.
  let inRun = false;
  let hidden = false;
  let white = false;
  let runOwn: { hidden?: boolean; white?: boolean } = {};
  let paraStyle: RunStyle = {};
  let gone = 0;
  let oldProps = 0;
  let runText = '';
  // Open tables, innermost last. A table that holds another is layout (a page's frame around the
  // report): its cells' paragraphs and tables are read in order as the page's own; any other
  // table's rows are lines of cells.
  const open: Table[] = [];
  const top: Flow = { text, lines };
  let tableNo = 0;
  const here = (): Flow => open[open.length - 1]?.cell?.flow ?? top;
  const parser = new Parser({
    onopentag(tag, attrs) {
      if (GONE.has(tag)) { gone++; return; }
      if (gone) return;
      if (PROPS_CHANGE.has(tag)) { oldProps++; return; }
      if (oldProps) return;
      if (tag === 'w:t') inText = true;
      else if (tag === 'w:r') { inRun = true; hidden = paraStyle.hidden === true; white = paraStyle.white === true; runOwn = {}; runText = ''; }
      else if (tag === 'w:pStyle') paraStyle = styles.get(attrs['w:val'] ?? '') ?? {};
      else if (tag === 'w:rStyle' && inRun) {
        const st = styles.get(attrs['w:val'] ?? '') ?? {};
        if (runOwn.hidden === undefined && st.hidden !== undefined) hidden = st.hidden;
        if (runOwn.white === undefined && st.white !== undefined) white = st.white;
      } else if (tag === 'w:vanish' && inRun) hidden = runOwn.hidden = on(attrs);
      else if (tag === 'w:color' && inRun) white = runOwn.white = isWhite(attrs['w:val']);
      else if (tag === 'w:tab' || tag === 'w:ptab') para += '\t';
      else if (tag === 'w:br' || tag === 'w:cr') para += ' ';
      else if (tag === 'w:noBreakHyphen' && inRun && !hidden) runText += '-';
      else if (tag === 'w:sym' && inRun && !hidden) runText += UNSURE;
      else if (tag === 'w:tbl') {
        open.push({ no: ++tableNo, rows: [], row: null, cell: null, layout: false });
      } else if (!open.length) return;
      else if (tag === 'w:tr') open[open.length - 1].row = [];
      else if (tag === 'w:tc') open[open.length - 1].cell = { text: '', span: 1, merge: null, flow: { text: [], lines: [] } };
      else if (tag === 'w:gridSpan' && open[open.length - 1].cell) open[open.length - 1].cell!.span = Number(attrs['w:val'] ?? 1) || 1;
      else if (tag === 'w:vMerge' && open[open.length - 1].cell) open[open.length - 1].cell!.merge = attrs['w:val'] === 'restart' ? 'restart' : 'continue';
    },
    ontext(chars) {
      if (inText && !hidden && !gone && !oldProps) {
        if (inRun) runText += chars;
        else para += chars;
      }
    },
    onclosetag(tag) {
      if (GONE.has(tag)) { gone--; return; }
      if (gone) return;
      if (PROPS_CHANGE.has(tag)) { oldProps--; return; }
      if (oldProps) return;
      if (tag === 'w:t') inText = false;
      else if (tag === 'w:r') {
        // White digits on the page's white are not seen, or are seen on a dark cell: unsure either way.
        para += white ? runText.replace(/\d+/g, UNSURE) : runText;
        inRun = false; hidden = false; white = false; runText = '';
      } else if (tag === 'w:p') {
        paraStyle = {};
        const cell = open[open.length - 1]?.cell;
        if (cell) cell.text += (cell.text ? ' ' : '') + para.trim();
        // Headings between tables (三、收到和处理…) are what the table reader finds tables by.
        if (para.trim()) prose(here(), normalizeText(para.trim()));
        para = '';
      } else if (tag === 'w:tbl') {
        const t = open.pop()!;
        const into = here();
        if (t.layout) {
          for (const r of t.rows) for (const c of r) if (c.merge !== 'continue') { into.text.push(...c.flow.text); into.lines.push(...c.flow.lines); }
          return;
        }
        t.rows.forEach((r, i) => { into.lines.push(rowLine(r, t.no, i + 1)); into.text.push(r.map((c) => c.text).join('\t')); });
        const parent = open[open.length - 1];
        if (!parent?.cell) return;
        // A table of rows inside a cell makes the table around it a frame; a small one (a note
        // beside a label) is part of its cell's text, as Word shows it there.
        if (t.rows.length >= FRAMED_ROWS) parent.layout = true;
        parent.cell.text += ` ${t.rows.flat().map((c) => c.text).join(' ')}`;
      } else if (!open.length) return;
      else if (tag === 'w:tr' && open[open.length - 1].row) {
        const t = open[open.length - 1];
        t.rows.push(t.row!);
        t.row = null;
      } else if (tag === 'w:tc' && open[open.length - 1].cell && open[open.length - 1].row) {
        const t = open[open.length - 1];
        t.row!.push(t.cell!);
        t.cell = null;
      }
    },
  }, { xmlMode: true });
  parser.end(xml);
  // (A paragraph's words point at its line of the text; those read inside a frame were counted there.)
  lines.forEach((l, i) => { if (!l.cellular) for (const t of l.tokens) t.line = i + 1; });
  return { kind: 'docx', text: normalizeText(text.join('\n')), lines };
}

/** A table inside a cell with this many rows or more is a table of its own, and the one around it a frame. */
const FRAMED_ROWS = 3;

interface Flow { text: string[]; lines: Line[] }
interface Cell { text: string; span: number; merge: 'restart' | 'continue' | null; flow: Flow }
interface Table { no: number; rows: Cell[][]; row: Cell[] | null; cell: Cell | null; layout: boolean }

/** A paragraph outside any table of cells: a line of words. */
function prose(into: Flow, t: string): void {
  into.text.push(t);
  into.lines.push({ tokens: t.split(/\s+/).map((x) => ({ text: x })) });
}

/** Contents that are not on the page: deleted or moved-away text, the older branch of an alternative. */
const GONE = new Set(['w:del', 'w:moveFrom', 'mc:Fallback']);

function rowLine(row: { text: string; span: number; merge: string | null }[], table: number, rowNo: number): Line {
  const tokens: Token[] = [];
  let col = 1;
  for (const c of row) {
    // A cell continuing a vertical merge belongs to the row above, like an HTML rowspan.
    if (c.merge !== 'continue') tokens.push({ text: normalizeText(c.text.replace(/\s+/g, ' ').trim()), table, row: rowNo, col });
    col += c.span;
  }
  return { tokens, cellular: true };
}
