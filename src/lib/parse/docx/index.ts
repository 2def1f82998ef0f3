/**
 * Word (.docx) reports: word/document.xml's paragraphs become text lines, its tables become
 * lines of cells — merged cells laid out like HTML's colspan/rowspan (gridSpan, vMerge), a
 * blank cell kept as a blank token so it stays null.
 */
import { Parser } from 'htmlparser2';
import { ReportError } from '../../format';
import type { Line, ReportDocument, Token } from '../document';
import { normalizeText } from '../normalize';
import { directory, readEntry } from './unzip';

export function readDocx(bytes: Uint8Array): ReportDocument {
  const entry = directory(bytes).find((e) => e.name === 'word/document.xml');
  if (!entry) throw new ReportError('unsupported', '这个压缩文件不是 Word 文档（缺少正文）。请导入报告的 PDF、网页或 Word 原文件。');
  return layout(new TextDecoder().decode(readEntry(bytes, entry)));
}

/**
 * Walks the XML once with htmlparser2 (XML mode: entities, CDATA, attributes holding `>` as any
 * XML reader takes them): paragraphs outside tables are prose; each w:tr of a top-level table is
 * a line of cells. Text is w:t only: deleted text of tracked changes (w:delText) and field codes
 * (w:instrText) are not what the page shows.
 */
export function layout(xml: string): ReportDocument {
  const text: string[] = [];
  const lines: Line[] = [];
  let para = '';
  let inText = false;
  // Text of a run formatted hidden (w:vanish) is not on the page; the paragraph mark's own
  // w:vanish (in w:pPr) hides nothing but the mark.
  let inRun = false;
  let hidden = false;
  let tableDepth = 0;
  type Cell = { text: string; span: number; merge: 'restart' | 'continue' | null };
  let row: Cell[] | null = null;
  let cell: Cell | null = null;
  let tableNo = 0;
  let rowNo = 0;
  const parser = new Parser({
    onopentag(tag, attrs) {
      if (tag === 'w:t') inText = true;
      else if (tag === 'w:r') { inRun = true; hidden = false; }
      else if (tag === 'w:vanish' && inRun) hidden = !['0', 'false', 'off'].includes(attrs['w:val'] ?? 'true');
      else if (tag === 'w:tab') para += '\t';
      else if (tag === 'w:br' || tag === 'w:cr') para += ' ';
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
      if (inText && !hidden) para += chars;
    },
    onclosetag(tag) {
      if (tag === 'w:t') inText = false;
      else if (tag === 'w:r') { inRun = false; hidden = false; }
      else if (tag === 'w:p') {
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
