/**
 * Pure builders from columnar query results to ECharts options. The data goes in as an
 * ECharts `dataset` of keyed columns, so a chart's numbers are the query's numbers, untouched.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { Cell } from '../data/columns';

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

/**
 * The keys of the marks a chart draws beside its points (※, 导入, n=…: charts/marks.ts), which
 * its legend explains. Builders put them in the option's `markKeys`; ECharts ignores the field.
 */
export function markKeys(option: EChartsCoreOption): string[] {
  return (option as { markKeys?: string[] }).markKeys ?? [];
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

/** Line series are registered lazily (charts/extras.ts): the first screen draws bars only. */
export function needsExtras(option: EChartsCoreOption): boolean {
  const series = (option as { series?: { type?: string }[] }).series ?? [];
  return series.some((s) => s.type === 'line');
}
