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
 * XML reader takes them): paragraphs outside tables are prose; each w:tr of a top-level table is
 * a line of cells. Text is what the page shows: w:t of runs not hidden, not deleted or moved away
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
  let tableDepth = 0;
  type Cell = { text: string; span: number; merge: 'restart' | 'continue' | null };
  let row: Cell[] | null = null;
  let cell: Cell | null = null;
  let tableNo = 0;
  let rowNo = 0;
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
        tableDepth++;
        if (tableDepth === 1) { tableNo++; rowNo = 0; }
      } else if (tableDepth !== 1) return;
      else if (tag === 'w:tr') { row = []; rowNo++; }
      else if (tag === 'w:tc') cell = { text: '', span: 1, merge: null };
      else if (tag === 'w:gridSpan' && cell) cell.span = Number(attrs['w:val'] ?? 1) || 1;
      else if (tag === 'w:vMerge' && cell) cell.merge = attrs['w:val'] === 'restart' ? 'restart' : 'continue';
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
        if (cell) cell.text += (cell.text ? ' ' : '') + para.trim();
        else if (para.trim()) {
          // Headings between tables (三、收到和处理…) are what the table reader finds tables by.
          const t = normalizeText(para.trim());
          text.push(t);
          lines.push({ tokens: t.split(/\s+/).map((x) => ({ text: x, line: text.length })) });
        }
        para = '';
      } else if (tag === 'w:tbl') tableDepth--;
      else if (tableDepth !== 1) return;
      else if (tag === 'w:tr' && row) {
        lines.push(rowLine(row, tableNo, rowNo));
        text.push(row.map((c) => c.text).join('\t'));
        row = null;
      } else if (tag === 'w:tc' && cell && row) {
        row.push(cell);
        cell = null;
      }
    },
  }, { xmlMode: true });
  parser.end(xml);
  return { kind: 'docx', text: normalizeText(text.join('\n')), lines };
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
