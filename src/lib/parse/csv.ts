/**
 * Comma-separated tables (Excel's “CSV” export of a report's tables, with its prose as
 * one-field rows). Only the ASCII comma separates fields; a quoted "4,064" or a full-width
 * ３，３８０ is one figure, so the fields are split before any other reading of the text.
 */
import Papa from 'papaparse';
import type { Line, ReportDocument } from './document';
import { gridCells, labelColumns } from './grid';
import { isPageFurniture, normalizeText } from './normalize';

export function readCsv(raw: string): ReportDocument {
  // (Normalizing keeps the full-width comma as it is: it cannot become a separator here.)
  const rows = Papa.parse<string[]>(normalizeText(raw), { delimiter: ',', skipEmptyLines: false }).data
    .map((fields) => fields.map((f) => f.trim()));
  const lines: Line[] = [];
  let block: number[] = [];
  // A block of table rows ends at a one-field row (prose, a heading, an empty line).
  const close = () => {
    const labelOnly = labelColumns(block.map((i) => rows[i]));
    for (const i of block) {
      if (rows[i].every((f) => f === '')) continue;
      const tokens = gridCells(rows[i], labelOnly).map((c) => ({ ...c, line: i + 1 }));
      lines.push({ tokens, cellular: true });
    }
    block = [];
  };
  rows.forEach((cells, i) => {
    if (cells.length > 1) { block.push(i); return; }
    close();
    const t = cells[0] ?? '';
    // Prose and headings: one field, read as a text line (its spaces may still separate figures).
    if (t === '' || isPageFurniture(t)) return;
    lines.push({ tokens: t.split(/\s+/).map((text) => ({ text, line: i + 1 })) });
  });
  close();
  const text = rows.map((r) => r.join('\t')).join('\n');
  const doc: ReportDocument = { kind: 'csv', text, lines };
  if (/\d[ \t]*$/.test(text)) doc.endsInCell = true;
  return doc;
}
