/**
 * The national view (全国) from the dataset's tiers: the places one level under the chosen one
 * (全国 → provinces → cities → counties, from the rollups; a county → its bodies, from its
 * province's detail partition), each with the chosen figure in the chosen year, and the chart's
 * rows: the largest places, the rest summed into one bar so a level of hundreds stays readable.
 */

/** A rollup row (region × year) or a detail row (one body's report), as the tiers hold them. */
export interface TierRow {
  code: string;
  year: number;
  reports: number;
  received: number | null;
  handled: number | null;
  granted: number | null;
  review_corrected: number | null;
  findings: number | null;
  /** A detail row's body. */
  unit?: string;
  unit_key?: string;
}

export const MEASURES = [
  { value: 'received', label: '收到申请' },
  { value: 'handled', label: '办理申请' },
  { value: 'granted', label: '予以公开' },
  { value: 'review_corrected', label: '复议纠错' },
  { value: 'findings', label: '勾稽问题' },
  { value: 'reports', label: '年报份数' },
] as const;
export type Measure = (typeof MEASURES)[number]['value'];

export interface Place {
  code: string;
  name: string;
  /** The figure; null where no report of the place gives it (never 0). */
  value: number | null;
  reports: number;
}

/** The level under `at` ('' 全国, 2 a province, 4 a city, 6 a county): rollup digits, or 'bodies'. */
export function childLevel(at: string): 2 | 4 | 6 | 'bodies' {
  return at.length === 0 ? 2 : at.length === 2 ? 4 : at.length === 4 ? 6 : 'bodies';
}

/** The places under `at` in `year`, largest figure first, places without one last. */
export function placesUnder(at: string, year: number, measure: Measure, rows: readonly TierRow[], names: Readonly<Record<string, string>>): Place[] {
  // Under a county its bodies are listed, the county's own (its government, its departments) too.
  const bodies = childLevel(at) === 'bodies';
  const out = rows
    .filter((r) => r.year === year && r.code.startsWith(at) && (bodies || r.code !== at))
    .map((r) => ({ code: bodies ? r.unit_key ?? r.code : r.code, name: r.unit ?? names[r.code] ?? r.code, value: r[measure], reports: bodies ? 1 : r.reports }));
  return out.sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.code.localeCompare(b.code));
}

/** The chart's bars: the `n` largest places and, past them, one bar summing the rest. */
export function chartBars(places: readonly Place[], n: number): { label: string; value: number | null }[] {
  const valued = places.filter((p) => p.value !== null);
  const bars = valued.slice(0, n).map((p) => ({ label: p.name, value: p.value }));
  const rest = valued.slice(n);
  if (rest.length) bars.push({ label: `其余 ${rest.length} 个合计`, value: rest.reduce((s, p) => s + (p.value as number), 0) });
  return bars;
}

/** The years the rows hold, latest first. */
export function yearsOf(rows: readonly TierRow[]): number[] {
  return [...new Set(rows.map((r) => r.year))].sort((a, b) => b - a);
}
