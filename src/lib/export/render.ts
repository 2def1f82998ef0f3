/**
 * Offscreen rendering of a chart option to SVG. Registers ECharts' SVG renderer, which only
 * this lazily loaded module pulls in, so the first screen does not carry it.
 */
import { init, use, type EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { THEME } from '../charts/echarts';
import { FONT } from './layout';

use([SVGRenderer]);

export function renderChartSvg(option: EChartsCoreOption, width: number, height: number): string {
  const chart = init(null, THEME, { renderer: 'svg', ssr: true, width, height, locale: 'ZH' });
  try {
    // The theme's font list is double-quoted, and ECharts writes it unescaped into a
    // double-quoted style attribute: the SVG would not parse. The same list, single-quoted:
    const textStyle = { ...((option as { textStyle?: object }).textStyle ?? {}), fontFamily: FONT };
    chart.setOption({ ...option, textStyle, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
