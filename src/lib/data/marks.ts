/** Named performance marks the bench reads; one list so app and bench agree on names. */
export const MARKS = {
  firstChart: 'gongkai:first-chart',
  duckdbReady: 'gongkai:duckdb-ready',
  duckdbChart: 'gongkai:duckdb-chart',
} as const;

export function mark(name: (typeof MARKS)[keyof typeof MARKS]): void {
  if (typeof performance !== 'undefined' && performance.getEntriesByName(name).length === 0) performance.mark(name);
}
