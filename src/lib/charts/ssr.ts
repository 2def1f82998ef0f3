/**
 * A chart drawn to SVG text outside the browser (ECharts' server-side rendering), with the same
 * parts and theme as the page's charts: the build writes the overview's first chart into its
 * HTML with it, so the page shows true figures before any script has run.
 */
import { init, use, type EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { THEME } from './echarts';

use([SVGRenderer]);

export function chartSvg(option: EChartsCoreOption, width: number, height: number): string {
  const chart = init(null, THEME, { renderer: 'svg', ssr: true, width, height, locale: 'ZH' });
  try {
    // A picture has no pointer: the tooltip (not among the parts registered here) is left out.
    const { tooltip: _, ...still } = option as EChartsCoreOption & { tooltip?: unknown };
    chart.setOption(still);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
