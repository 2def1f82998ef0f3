/**
 * Comma-separated tables (Excel's “CSV” export of a report's tables, with its prose as
 * one-field rows). Only the ASCII comma separates fields; a quoted "4,064" or a full-width
 * ３，３８０ is one figure, so the fields are split before any other reading of the text.
 */
import Papa from 'papaparse';
import type { Line, ReportDocument } from './document';
import { gridTokens, labelColumns } from './grid';
import { isPageFurniture, normalizeText } from './normalize';
import { splitCells } from './text';

/**
 * A row that is no table's: empty, or a paragraph or section heading in its first field (Excel
 * pads every row to the sheet's used range, so prose rows too end in empty fields).
 */
function prose(cells: readonly string[]): boolean {
  if (cells.slice(1).some((f) => f !== '')) return false;
  const t = cells[0];
  return t === '' || /[。；]$/.test(t) || /^[一二三四五六七八九十]+、.*(情况|问题|事项)$/.test(t) || t.length >= 40;
}

export function readCsv(raw: string): ReportDocument {
  // (Normalizing keeps the full-width comma as it is: it cannot become a separator here.)
  const text = normalizeText(raw);
  const rows: string[][] = [];
  // Each row's first line in the file (a quoted field may hold line breaks), for its sources.
  const lineOf: number[] = [];
  let at = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    delimiter: ',', skipEmptyLines: false,
    step: (res) => {
      rows.push(res.data.map((f) => f.trim()));
      lineOf.push(line);
      for (const end = res.meta.cursor; at < end; at++) if (text.charCodeAt(at) === 10) line++;
    },
  });
  const lines: Line[] = [];
  let block: number[] = [];
  // A block of table rows ends at a row of prose (a paragraph, a heading, an empty line).
  const close = () => {
    const labelOnly = labelColumns(block.map((i) => rows[i]));
    for (const i of block) {
      if (rows[i].every((f) => f === '')) continue;
      lines.push({ tokens: gridTokens(rows[i], labelOnly, lineOf[i]), cellular: true });
    }
    block = [];
  };
  rows.forEach((cells, i) => {
    if (cells.length > 1 && !prose(cells)) { block.push(i); return; }
    close();
    const t = cells[0] ?? '';
    // Prose and headings, read as a text line (its spaces may still separate figures).
    if (t === '' || isPageFurniture(t)) return;
    lines.push({ tokens: splitCells(t, lineOf[i]) });
  });
  close();
  const joined = rows.map((r) => r.join('\t')).join('\n');
  const doc: ReportDocument = { kind: 'csv', text: joined, lines };
  if (/\d[ \t]*$/.test(joined)) doc.endsInCell = true;
  return doc;
}
