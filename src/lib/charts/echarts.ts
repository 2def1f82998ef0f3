/**
 * The only module that imports ECharts: it registers exactly the parts the app draws with, so
 * the bundle carries nothing else, and defines the app's theme.
 */
import { init, registerTheme, use, type EChartsType } from 'echarts/core';
import { BarChart } from 'echarts/charts';
// Title and legend are HTML (Chart.svelte): ECharts' title, legend and tooltip here would break
// the 250 KB first-screen budget.
import { AriaComponent, DatasetComponent, GridComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// Line charts and the tooltip are registered by extras.ts, loaded after the first screen.
use([BarChart, AriaComponent, DatasetComponent, GridComponent, CanvasRenderer]);

export const THEME = 'gongkai';
/**
 * Ten colours, built on Okabe–Ito's set that stays apart for common colour blindness, so the
 * eight 行政诉讼 series never share one; decals tell series apart without colour.
 */
export const PALETTE = ['#1f5fa8', '#e69f00', '#009e73', '#cc79a7', '#d55e00', '#56b4e9', '#8c6d1f', '#332288', '#7f7f7f', '#44aa99'];

/** Single quotes inside: ECharts writes the family into an SVG style="…" attribute unescaped. */
export const FONT = "'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif";

registerTheme(THEME, {
  color: PALETTE,
  backgroundColor: '#ffffff',
  textStyle: { fontFamily: FONT },
});

export function createChart(el: HTMLElement): EChartsType {
  return init(el, THEME, { renderer: 'canvas', locale: 'ZH' });
}

export type { EChartsType };
