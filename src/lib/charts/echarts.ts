/**
 * The only module that imports ECharts: it registers exactly the parts the app draws with, so
 * the bundle carries nothing else, and defines the app's theme.
 */
import { init, registerTheme, use, type EChartsType } from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
// Title and legend are HTML (Chart.svelte) and values are read from the table beside each
// chart rather than a tooltip: ECharts' title, legend and tooltip would add ~40 KB gzip and
// break the 250 KB JS budget. Add TooltipComponent here when a view cannot do without it.
import { AriaComponent, DatasetComponent, GridComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, LineChart, AriaComponent, DatasetComponent, GridComponent, CanvasRenderer]);

export const THEME = 'gongkai';
/** A palette that stays apart for common colour blindness; decals carry the rest. */
export const PALETTE = ['#1f5fa8', '#d9822b', '#2a9d8f', '#8e5ea2', '#c0392b', '#6c7a89'];

registerTheme(THEME, {
  color: PALETTE,
  backgroundColor: '#ffffff',
  textStyle: { fontFamily: '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif' },
});

export function createChart(el: HTMLElement): EChartsType {
  return init(el, THEME, { renderer: 'canvas', locale: 'ZH' });
}

export type { EChartsType };
