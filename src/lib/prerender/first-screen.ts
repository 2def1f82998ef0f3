/**
 * The overview's first chart, in the HTML itself: the build (scripts/first-chart.ts) draws it
 * from summary.json as SVG, in a copy of the page's head, laid over the page. A reader sees true
 * figures at the first paint, before any script has run; the page's own chart takes its place
 * once it is drawn. Only the figures summary.json holds, as the page's first chart shows too.
 */
export const STATIC_CHART_ID = 'gk-first';

export function hasStaticChart(): boolean {
  return typeof document !== 'undefined' && document.getElementById(STATIC_CHART_ID) !== null;
}

export function retireStaticChart(): void {
  if (typeof document !== 'undefined') document.getElementById(STATIC_CHART_ID)?.remove();
}
