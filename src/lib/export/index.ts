/**
 * The export entry point, loaded only when a user opens a chart's export or pin action:
 * everything behind it (SVG renderer, XLSX writer, the tooltip) stays out of the first screen's JS.
 */
import type { EChartsCoreOption } from 'echarts/core';
// Registers the tooltip and line charts: Chart.svelte loads this chunk for them (charts/extras.ts).
import '../charts/extras';
import { PALETTE, type EChartsType } from '../charts/echarts';
import { markKeys, seriesNames } from '../charts/options';
import type { ChartTable } from '../charts/table';
import { toCsv } from './csv';
import { saveBlob } from './download';
import { fileName, frame, sourceLine, type ExportMeta, type LegendItem } from './layout';
import { addPin, jsonSafe } from './pins';
import { composePng } from './png';
import { renderChartSvg } from './render';
import { chartWithLegend, composeSvg } from './svg';
import { tidy } from './tidy';
import { xlsxBlob } from './workbook';

/** The legend of an exported picture, as on screen: every series in the theme's colours, then the keys of the marks drawn. */
export function legendOf(option: EChartsCoreOption): LegendItem[] {
  return [...seriesNames(option).map((name, i) => ({ name, color: PALETTE[i % PALETTE.length] })), ...markKeys(option).map((name) => ({ name }))];
}

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
  const legend = legendOf(s.option);
  if (kind === 'png') {
    const url = s.chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
    saveBlob(await composePng(url, width, height, s.meta, 2, legend), fileName(s.meta.title, 'png'));
  } else if (kind === 'svg') {
    const svg = composeSvg(renderChartSvg(s.option, width, height), width, height, s.meta, legend);
    saveBlob(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }), fileName(s.meta.title, 'svg'));
  } else {
    if (!s.data) throw new Error('这张图没有提供数据表，无法导出数据');
    if (kind === 'csv') saveBlob(new Blob([toCsv(tidy(s.data))], { type: 'text/csv;charset=utf-8' }), fileName(s.meta.title, 'csv'));
    else saveBlob(new Blob([await xlsxBlob(s.data, s.meta)], { type: XLSX_TYPE }), fileName(s.meta.title, 'xlsx'));
  }
}

/** Pins the chart for the year-end report; returns what to tell the user. */
export function pinChart(s: ChartSnapshot): { ok: boolean; message: string } {
  const chartHeight = s.chart.getHeight();
  const legend = legendOf(s.option);
  const svg = chartWithLegend(renderChartSvg(s.option, PRINT_WIDTH, chartHeight), PRINT_WIDTH, chartHeight, legend);
  const height = chartHeight + frame({ title: '' }, legend, PRINT_WIDTH).legend;
  const { count, error } = addPin({
    id: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    title: s.meta.title,
    subtitle: s.meta.subtitle,
    units: s.meta.units,
    source: sourceLine(s.meta),
    option: jsonSafe(s.option),
    data: s.data,
    svg,
    width: PRINT_WIDTH,
    height,
    from: location.pathname + location.search,
    pinnedAt: new Date().toISOString(),
  });
  return error ? { ok: false, message: error } : { ok: true, message: `已加入年终报告（共 ${count} 张）` };
}
