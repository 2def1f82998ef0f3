/**
 * The overview's first chart, in the HTML itself: the build (scripts/first-chart.ts) draws it
 * from summary.json as SVG, in a copy of the page's head, laid over the page. A reader sees true
 * figures at the first paint, before any script has run; the page's own chart takes its place
 * once it is drawn. Only the figures summary.json holds, as the page's first chart shows too.
 */
import { firstChartDrawn } from '../data/marks';

export const STATIC_CHART_ID = 'gk-first';

export function hasStaticChart(): boolean {
  return typeof document !== 'undefined' && document.getElementById(STATIC_CHART_ID) !== null;
}

/**
 * Resolves once the reader sees the page's first chart: at once under the build's drawing, else
 * when the page's own chart is drawn. DuckDB's start waits for it (on two cores, not sooner).
 */
export function firstScreenShown(): Promise<void> {
  return hasStaticChart() ? Promise.resolve() : firstChartDrawn();
}

export function retireStaticChart(): void {
  if (typeof document !== 'undefined') document.getElementById(STATIC_CHART_ID)?.remove();
}
