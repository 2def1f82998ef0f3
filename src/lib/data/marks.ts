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
} as const;

export function mark(name: (typeof MARKS)[keyof typeof MARKS]): void {
  if (typeof performance !== 'undefined' && performance.getEntriesByName(name).length === 0) performance.mark(name);
}
