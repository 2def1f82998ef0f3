/**
 * Pure builders from columnar query results to ECharts options. The data goes in as an
 * ECharts `dataset` of keyed columns, so a chart's numbers are the query's numbers, untouched.
 */
import type { EChartsCoreOption } from 'echarts/core';
import { column, type Cell, type Columnar } from '../data/columns';
import { formatCount, formatRatio, shortUnit } from './format';

/** Shared by every chart: Chinese aria description with decal patterns, white background for export. */
/**
 * Shared by every chart: aria description (Chinese, from the locale) naming the chart, decal
 * patterns so series differ without colour, white background for PNG export. The visible
 * title and legend are HTML, drawn by Chart.svelte from `title` and the series names.
 */
export function baseOption(title: string): EChartsCoreOption {
  return {
    backgroundColor: '#ffffff',
    // Without TitleComponent, the title reaches screen readers through the aria sentence.
    aria: { enabled: true, decal: { show: true }, label: { enabled: true, general: { withoutTitle: `这是一个关于“${title}”的图表。` } } },
    animation: false,
  };
}

/** Series names of an option, in order, for the HTML legend beside the canvas. */
export function seriesNames(option: EChartsCoreOption): string[] {
  const series = (option as { series?: { name?: string }[] }).series ?? [];
  return series.map((s) => s.name ?? '');
}

/** Most items read out per series; a screen reader's list of every township would be useless. */
const ARIA_ITEMS = 30;

/**
 * The sentence screen readers get. ECharts' generated one reads every dataset column and
 * says NaN for a null; this one reads each series' own values, a missing one as 未报告.
 */
export function ariaDescription(title: string, labels: readonly string[], series: { name: string; values: readonly Cell[]; format: (v: unknown) => string }[]): string {
  const parts = series.map(({ name, values, format }) => {
    const items = labels.slice(0, ARIA_ITEMS).map((l, i) => `${l}：${format(values[i])}`);
    const more = labels.length > ARIA_ITEMS ? `，等共 ${labels.length} 项` : '';
    return `${name}——${items.join('，')}${more}`;
  });
  return `这是一个关于“${title}”的图表。${parts.join('；')}。`;
}

/** Category labels for report rows: 平潭综合实验区 2021. */
export function reportLabels(units: readonly Cell[], years: readonly Cell[]): string[] {
  return units.map((u, i) => `${shortUnit(String(u ?? ''))} ${years[i] ?? ''}`);
}

export const HEADLINE_TITLE = '各单位各年度收到申请数与公开率';
export const HEADLINE_DIMENSIONS = ['label', 'report_id', 'received', 'disclosure_rate'] as const;

/**
 * 收到申请 (bars) and 公开率 (line, right axis) for each report. `t` needs columns
 * report_id, unit, year, received, disclosure_rate — the headline query or summary.json.
 */
export function headlineOption(t: Columnar): EChartsCoreOption {
  const source = {
    label: reportLabels(column(t, 'unit'), column(t, 'year')),
    report_id: column(t, 'report_id'),
    received: column(t, 'received'),
    disclosure_rate: column(t, 'disclosure_rate'),
  };
  const base = baseOption(HEADLINE_TITLE) as { aria: { label: Record<string, unknown> } };
  base.aria.label.description = ariaDescription(HEADLINE_TITLE, source.label, [
    { name: '收到申请', values: source.received, format: formatCount },
    { name: '公开率', values: source.disclosure_rate, format: formatRatio },
  ]);
  return {
    ...base,
    dataset: { dimensions: [...HEADLINE_DIMENSIONS], source },
    grid: { left: 64, right: 64, top: 36, bottom: 96 },
    xAxis: { type: 'category', axisLabel: { interval: 0, rotate: 35 } },
    yAxis: [
      { type: 'value', name: '件', minInterval: 1 },
      { type: 'value', name: '公开率', min: 0, max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
    ],
    series: [
      {
        type: 'bar', name: '收到申请', yAxisIndex: 0,
        encode: { x: 'label', y: 'received' },
      },
      {
        type: 'line', name: '公开率', yAxisIndex: 1, connectNulls: false, symbolSize: 7,
        encode: { x: 'label', y: 'disclosure_rate' },
      },
    ],
  };
}
