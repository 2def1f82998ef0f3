/** Named performance marks the bench reads; one list so app and bench agree on names. */
export const MARKS = {
  firstChart: 'gongkai:first-chart',
  duckdbReady: 'gongkai:duckdb-ready',
  duckdbChart: 'gongkai:duckdb-chart',
  // DuckDB's start-up in phases, so the bench can say where its time goes.
  duckdbBoot: 'gongkai:duckdb-boot',
  duckdbWasm: 'gongkai:duckdb-wasm',
  duckdbOpen: 'gongkai:duckdb-open',
  firstTable: 'gongkai:first-table',
  /** DuckDB up with the tables the page's views asked for (any page). */
  engineUp: 'gongkai:engine-up',
  /** The layout starts fetching the code of the menu's views (not this page's own JS). */
  menuPreload: 'gongkai:menu-preload',
  /** A link with URL state: the build's drawing of that state painted (scripts/static-page.ts). */
  staticChart: 'gongkai:static-chart',
} as const;

export function mark(name: (typeof MARKS)[keyof typeof MARKS]): void {
  if (typeof performance !== 'undefined' && performance.getEntriesByName(name).length === 0) performance.mark(name);
}

/** Whether the page's first chart is on screen already. */
export function isFirstChartDrawn(): boolean {
  return performance.getEntriesByName(MARKS.firstChart).length > 0;
}

/**
 * Resolves once the page's first chart is on screen, or after `fallbackMs` on a page that draws
 * none. Work the first screen does not need (booting DuckDB) waits for it: on a two-core
 * machine it would otherwise take the CPU from the chart the reader came for.
 */
export function firstChartDrawn(fallbackMs = 1500): Promise<void> {
  return marked(MARKS.firstChart, fallbackMs);
}

/** Resolves once the named mark is set, or after `fallbackMs`. */
export function marked(name: (typeof MARKS)[keyof typeof MARKS], fallbackMs: number): Promise<void> {
  if (typeof performance === 'undefined' || performance.getEntriesByName(name).length > 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      observer?.disconnect();
      resolve();
    };
    const timer = setTimeout(done, fallbackMs);
    let observer: PerformanceObserver | undefined;
    try {
      observer = new PerformanceObserver((list) => {
        if (list.getEntriesByName(name).length) done();
      });
      observer.observe({ type: 'mark' });
    } catch {
      // Without PerformanceObserver the fallback delay alone decides.
    }
  });
}
