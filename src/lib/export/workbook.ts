/**
 * A chart's data as an XLSX workbook, written by write-excel-file (a kept writer over fflate,
 * loaded only with the export chunk): sheet 数据 is the tidy table (export/tidy.ts) with ratios
 * in a percent format; sheet 说明 holds title, filters, units, source and the four states.
 */
import writeXlsxFile, { type Sheet } from 'write-excel-file/universal';
import type { ChartTable } from '../charts/table';
import type { Cell } from '../data/columns';
import { stateLines } from '../format/states';
import type { ExportMeta } from './layout';
import { sourceLine } from './layout';
import { tidy } from './tidy';

export const DATA_SHEET = '数据';
export const NOTE_SHEET = '说明';
/** One decimal, as the site shows percentages. */
export const PERCENT_FORMAT = '0.0%';

type XCell = { value: string | number; type?: NumberConstructor | StringConstructor; format?: string; fontWeight?: 'bold' } | null;

function cell(v: Cell, format?: string): XCell {
  if (v === null || (typeof v === 'number' && !Number.isFinite(v))) return null;
  if (typeof v === 'number') return format ? { value: v, type: Number, format } : { value: v, type: Number };
  // A typed string cell is stored as text, never as a formula, so it needs no apostrophe
  // (the CSV does: a spreadsheet reads every CSV field as typed input).
  return { value: String(v), type: String };
}

export function chartSheets(table: ChartTable, meta: ExportMeta, exportedAt = new Date()): Sheet<Blob>[] {
  const t = tidy(table);
  const widths = t.columns.map((c, j) => Math.min(40, Math.max(10, ...[c, ...t.rows.map((r) => r[j])].map((v) => String(v ?? '').length * 2 + 2))));
  const data = [
    t.columns.map((c) => ({ value: c, type: String, fontWeight: 'bold' as const })),
    ...t.rows.map((r) => r.map((v, j) => cell(v, t.formats?.[j] === 'percent' ? PERCENT_FORMAT : undefined))),
  ];
  const note: [string, string][] = [
    ['标题', meta.title],
    ['筛选条件', meta.subtitle?.trim() || '（无）'],
    ['单位', meta.units?.trim() || ''],
    ['来源', sourceLine(meta)],
    ...stateLines().map((l): [string, string] => ['空缺说明', l]),
    ['origin', 'shipped = 公开年报；user = 在本浏览器中导入的报告'],
    ['导出时间', exportedAt.toLocaleString('zh-CN', { hour12: false })],
  ];
  return [
    { sheet: DATA_SHEET, data, columns: widths.map((width) => ({ width })), stickyRowsCount: 1 },
    { sheet: NOTE_SHEET, data: note.map(([k, v]) => [{ value: k, type: String, fontWeight: 'bold' as const }, cell(v)]), columns: [{ width: 12 }, { width: 60 }] },
  ];
}

export function xlsxBlob(table: ChartTable, meta: ExportMeta, exportedAt?: Date): Promise<Blob> {
  return writeXlsxFile(chartSheets(table, meta, exportedAt)).toBlob();
}
