/** Plain text (PDF extractor output, crawler dumps) and Markdown dumps into lines of cells. */
import type { Line, ReportDocument, Token } from './document';
import { isPageFurniture, normalizeText } from './normalize';

function splitCells(line: string, lineNo: number): Token[] {
  return line.split(/[\t ]+/).filter((s) => s !== '').map((text) => ({ text, line: lineNo }));
}

export function readText(raw: string): ReportDocument {
  const text = normalizeText(raw);
  const lines: Line[] = [];
  text.split('\n').forEach((l, i) => {
    if (l.trim() === '' || isPageFurniture(l)) return;
    lines.push({ tokens: splitCells(l, i + 1), cellular: l.includes('\t') });
  });
  return { kind: 'text', text, lines };
}

const MD_SEPARATOR = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** Markdown: pipe rows are cells (empty ones kept as blanks); other lines are prose. */
export function readMarkdown(raw: string): ReportDocument {
  const text = normalizeText(raw);
  const lines: Line[] = [];
  text.split('\n').forEach((l, i) => {
    const t = l.trim();
    if (t === '' || isPageFurniture(t) || MD_SEPARATOR.test(t)) return;
    if (t.startsWith('|')) {
      const cells = t.replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
      lines.push({ tokens: cells.map((c) => ({ text: c, line: i + 1 })), cellular: true });
    } else {
      lines.push({ tokens: splitCells(t.replace(/^#+\s*/, ''), i + 1) });
    }
  });
  return { kind: 'markdown', text: text.replace(/^\|?\s*:?-{3,}.*$/gm, ''), lines };
}
