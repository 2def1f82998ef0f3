/**
 * A minimal XLSX (Office Open XML spreadsheet) writer: strings inline, numbers as numbers,
 * nulls as absent cells (empty, never 0), a bold header row and a percent format for ratio
 * columns. Enough parts for Excel and LibreOffice to open it without repair.
 */
import type { Cell } from '../data/columns';
import { xmlText } from './xml';
import { zip } from './zip';
import { inert } from './inert';

export type ColumnFormat = 'text' | 'number' | 'percent';

export interface Sheet {
  /** Up to 31 characters, none of []:*?/\ (Excel's rule). */
  name: string;
  rows: readonly (readonly (Cell | undefined)[])[];
  /** Row indexes drawn bold (headers). */
  boldRows?: readonly number[];
  /** Per column; 'percent' shows a ratio 0.825 as 82.5 % while keeping the exact value. */
  formats?: readonly (ColumnFormat | undefined)[];
  /** Column widths in characters. */
  widths?: readonly number[];
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** cellXfs indexes in styles.xml below. */
const STYLE = { plain: 0, bold: 1, percent: 2 };

/** 0 → A, 25 → Z, 26 → AA. */
export function columnName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function safeSheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet';
}

function cellXml(v: Cell | undefined, ref: string, style: number): string {
  const s = style ? ` s="${style}"` : '';
  if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) return '';
  if (typeof v === 'number') return `<c r="${ref}"${s}><v>${v}</v></c>`;
  if (typeof v === 'boolean') return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  // An inline string is never evaluated, but a reader who edits the cell makes it live: same guard as CSV.
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlText(inert(v))}</t></is></c>`;
}

export function sheetXml(sheet: Sheet): string {
  const bold = new Set(sheet.boldRows ?? []);
  const rows = sheet.rows.map((r, i) => {
    const cells = r.map((v, j) => {
      const style = bold.has(i) ? STYLE.bold : sheet.formats?.[j] === 'percent' && typeof v === 'number' ? STYLE.percent : STYLE.plain;
      return cellXml(v, `${columnName(j)}${i + 1}`, style);
    });
    return `<row r="${i + 1}">${cells.join('')}</row>`;
  });
  const cols = sheet.widths?.length
    ? `<cols>${sheet.widths.map((w, j) => `<col min="${j + 1}" max="${j + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`
    : '';
  return `${HEAD}<worksheet xmlns="${NS}">${cols}<sheetData>${rows.join('')}</sheetData></worksheet>`;
}

const STYLES = `${HEAD}<styleSheet xmlns="${NS}">` +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** The package's parts by path, before zipping (tests read them back). */
export function xlsxParts(sheets: readonly Sheet[]): Record<string, string> {
  const names = sheets.map((s) => safeSheetName(s.name));
  const parts: Record<string, string> = {
    '[Content_Types].xml': `${HEAD}<Types xmlns="${PKG}/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
      '</Types>',
    '_rels/.rels': `${HEAD}<Relationships xmlns="${PKG}/relationships">` +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `${HEAD}<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets>` +
      names.map((n, i) => `<sheet name="${xmlText(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      '</sheets></workbook>',
    'xl/_rels/workbook.xml.rels': `${HEAD}<Relationships xmlns="${PKG}/relationships">` +
      sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
      `<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    'xl/styles.xml': STYLES,
  };
  sheets.forEach((s, i) => (parts[`xl/worksheets/sheet${i + 1}.xml`] = sheetXml(s)));
  return parts;
}

export async function xlsx(sheets: readonly Sheet[], when?: Date): Promise<Uint8Array> {
  const enc = new TextEncoder();
  const parts = xlsxParts(sheets);
  return zip(Object.entries(parts).map(([name, text]) => ({ name, data: enc.encode(text) })), when);
}
