/**
 * The export entry point, loaded only when a user opens a chart's export or pin action:
 * everything behind it (SVG renderer, ZIP/XLSX writer) stays out of the first screen's JS.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { EChartsType } from '../charts/echarts';
import type { ChartTable } from '../charts/table';
import { toCsv } from './csv';
import { saveBlob } from './download';
import { fileName, sourceLine, type ExportMeta } from './layout';
import { addPin, jsonSafe } from './pins';
import { composePng } from './png';
import { renderChartSvg } from './render';
import { composeSvg } from './svg';
import { chartSheets } from './workbook';
import { xlsx } from './xlsx';

export type ExportKind = 'png' | 'svg' | 'csv' | 'xlsx';

export interface ChartSnapshot {
  chart: EChartsType;
  option: EChartsCoreOption;
  meta: ExportMeta;
  data?: ChartTable;
}

/** Width the print page lays charts out at: A4 less 15 mm margins, in CSS pixels. */
export const PRINT_WIDTH = 680;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function exportChart(kind: ExportKind, s: ChartSnapshot): Promise<void> {
  const width = s.chart.getWidth();
  const height = s.chart.getHeight();
  if (kind === 'png') {
    const url = s.chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
    saveBlob(await composePng(url, width, height, s.meta, 2), fileName(s.meta.title, 'png'));
  } else if (kind === 'svg') {
    const svg = composeSvg(renderChartSvg(s.option, width, height), width, height, s.meta);
    saveBlob(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }), fileName(s.meta.title, 'svg'));
  } else {
    if (!s.data) throw new Error('这张图没有提供数据表，无法导出数据');
    if (kind === 'csv') saveBlob(new Blob([toCsv(s.data)], { type: 'text/csv;charset=utf-8' }), fileName(s.meta.title, 'csv'));
    else saveBlob(new Blob([(await xlsx(chartSheets(s.data, s.meta))) as BlobPart], { type: XLSX_TYPE }), fileName(s.meta.title, 'xlsx'));
  }
}

/** Pins the chart for the year-end report; returns what to tell the user. */
export function pinChart(s: ChartSnapshot): { ok: boolean; message: string } {
  const height = s.chart.getHeight();
  const { count, error } = addPin({
    id: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    title: s.meta.title,
    subtitle: s.meta.subtitle,
    units: s.meta.units,
    source: sourceLine(s.meta),
    option: jsonSafe(s.option),
    data: s.data,
    svg: renderChartSvg(s.option, PRINT_WIDTH, height),
    width: PRINT_WIDTH,
    height,
    from: location.pathname + location.search,
    pinnedAt: new Date().toISOString(),
  });
  return error ? { ok: false, message: error } : { ok: true, message: `已加入年终报告（共 ${count} 张）` };
}
