/**
 * Word (.docx) reports: word/document.xml's paragraphs become text lines, its tables become
 * lines of cells — merged cells laid out like HTML's colspan/rowspan (gridSpan, vMerge), a
 * blank cell kept as a blank token so it stays null.
 */
import { ReportError } from '../../format';
import type { Line, ReportDocument, Token } from '../document';
import { normalizeText } from '../normalize';
import { directory, readEntry } from './unzip';

const TAG = /<(\/?)(w:p|w:tbl|w:tr|w:tc|w:t|w:gridSpan|w:vMerge|w:br|w:tab|w:cr)\b([^>]*?)(\/?)>|<[^>]*>|([^<]+)/g;

function unescape(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (m, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (e[0] !== '#') return named[e.toLowerCase()] ?? m;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

export function readDocx(bytes: Uint8Array): ReportDocument {
  const entry = directory(bytes).find((e) => e.name === 'word/document.xml');
  if (!entry) throw new ReportError('unsupported', '这个压缩文件不是 Word 文档（缺少正文）。请导入报告的 PDF、网页或 Word 原文件。');
  return layout(new TextDecoder().decode(readEntry(bytes, entry)));
}

/** Walks the XML once: paragraphs outside tables are prose; each w:tr is a line of cells. */
export function layout(xml: string): ReportDocument {
  const text: string[] = [];
  const lines: Line[] = [];
  let para = '';
  let inText = false;
  let tableDepth = 0;
  let row: { text: string; span: number; merge: 'restart' | 'continue' | null }[] | null = null;
  let cell: { text: string; span: number; merge: 'restart' | 'continue' | null } | null = null;
  let tableNo = 0;
  let rowNo = 0;
  for (const m of xml.matchAll(TAG)) {
    const [, close, tag, attrs, selfClose, chars] = m;
    if (chars !== undefined) { if (inText) para += unescape(chars); continue; }
    if (!tag) continue;
    if (tag === 'w:t') inText = !close && !selfClose;
    else if (tag === 'w:tab' || tag === 'w:br' || tag === 'w:cr') para += tag === 'w:tab' ? '\t' : ' ';
    else if (tag === 'w:p' && close) {
      if (cell) cell.text += (cell.text ? ' ' : '') + para.trim();
      else if (para.trim()) {
        // Headings between tables (三、收到和处理…) are what the table reader finds tables by.
        const t = normalizeText(para.trim());
        text.push(t);
        lines.push({ tokens: t.split(/\s+/).map((x) => ({ text: x, line: text.length })) });
      }
      para = '';
    } else if (tag === 'w:tbl') {
      tableDepth += close ? -1 : 1;
      if (!close && tableDepth === 1) { tableNo++; rowNo = 0; }
    } else if (tag === 'w:tr' && tableDepth === 1) {
      if (!close) { row = []; rowNo++; } else if (row) { lines.push(rowLine(row, tableNo, rowNo)); text.push(row.map((c) => c.text).join('\t')); row = null; }
    } else if (tag === 'w:tc' && tableDepth === 1) {
      if (!close) cell = { text: '', span: 1, merge: null };
      else if (cell && row) { row.push(cell); cell = null; }
    } else if (tag === 'w:gridSpan' && cell) {
      cell.span = Number(/w:val="(\d+)"/.exec(attrs)?.[1] ?? 1);
    } else if (tag === 'w:vMerge' && cell) {
      cell.merge = /w:val="restart"/.test(attrs) ? 'restart' : 'continue';
    }
  }
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
