/** A chart's data as spreadsheet sheets: the table itself, and 说明 with title, filters and source. */
import type { ChartTable } from '../charts/table';
import type { ExportMeta } from './layout';
import { sourceLine } from './layout';
import type { Sheet } from './xlsx';

export const DATA_SHEET = '数据';
export const NOTE_SHEET = '说明';

export function chartSheets(t: ChartTable, meta: ExportMeta, exportedAt = new Date()): Sheet[] {
  const widths = t.columns.map((c, j) => Math.max(10, ...[c, ...t.rows.map((r) => r[j])].map((v) => String(v ?? '').length * 2 + 2)).valueOf());
  return [
    { name: DATA_SHEET, rows: [t.columns, ...t.rows], boldRows: [0], formats: t.formats, widths: widths.map((w) => Math.min(w, 40)) },
    {
      name: NOTE_SHEET,
      rows: [
        ['标题', meta.title],
        ['筛选条件', meta.subtitle?.trim() || '（无）'],
        ['单位', meta.units?.trim() || ''],
        ['来源', sourceLine(meta)],
        ['说明', '空白单元格表示报告未提供该数字（未报告），不是 0。'],
        ['导出时间', exportedAt.toLocaleString('zh-CN', { hour12: false })],
      ],
      widths: [12, 60],
    },
  ];
}
