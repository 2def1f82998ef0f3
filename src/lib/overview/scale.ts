/**
 * Whether the overview sums by place, and where: the light part of overview/regions.ts, which the
 * overview's DuckDB path reads before it knows whether it needs the rest (the measure catalog,
 * the drill-down's SQL and views, ~11 KB gzip a small dataset never loads).
 */
import { sharedPlace } from '../divisions/path';

/** More bodies than this and the overview sums by place. */
export const OVERVIEW_BODY_MAX = 40;
/** The lowest and highest division code: their common start is every coded body's. */
export const PLACE_SQL = `SELECT min(division_code) AS lo, max(division_code) AS hi FROM reports WHERE division_code IS NOT NULL AND division_code <> ''`;

/**
 * The deepest province, city or county every coded body lies in ('' when they span provinces):
 * the common start of the lowest and highest code, cut back to a whole level.
 */
export function commonPlace(lo: string | null, hi: string | null): string {
  return lo && hi ? sharedPlace(lo, hi, 6) : '';
}
