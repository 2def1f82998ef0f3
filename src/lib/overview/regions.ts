/**
 * The overview of a large dataset. Past OVERVIEW_BODY_MAX bodies, a bar group per body is
 * unreadable (a province's 1,489 bodies made the overview's HTML 4 MB), so the overview sums
 * its figures by place instead — a national dataset's provinces, a province's cities — with
 * the drill-down's own SQL (compare/regions.ts, coverage/regions.ts), in the summary written
 * at build time and again in DuckDB once it is up. Each place links to the drill-down there.
 */
import { findMeasure, type CatalogMeasure } from '../compare/catalog';
import { drillView, type DrillView } from '../compare/drill-view';
import type { DivisionNames } from '../compare/filter';
import { regionMeasureSql } from '../compare/regions';
import { regionCoverage, regionCoverageSql, type RegionCoverage } from '../coverage/regions';
import { column, type Columnar } from '../data/columns';

/** More bodies than this and the overview sums by place. */
export const OVERVIEW_BODY_MAX = 40;
/** Rows listed at the top and at the bottom of a long list of places. */
export const OVERVIEW_TOP = 10;

export const received = (): CatalogMeasure => findMeasure('received')!;
export const disclosureRate = (): CatalogMeasure => findMeasure('disclosure_rate')!;

/** The lowest and highest division code: their common start is every coded body's. */
export const PLACE_SQL = `SELECT min(division_code) AS lo, max(division_code) AS hi FROM reports WHERE division_code IS NOT NULL AND division_code <> ''`;

/**
 * The deepest province, city or county every coded body lies in ('' when they span provinces):
 * the common start of the lowest and highest code, cut back to a whole level.
 */
export function commonPlace(lo: string | null, hi: string | null): string {
  if (!lo || !hi) return '';
  let n = 0;
  while (n < lo.length && n < hi.length && lo[n] === hi[n]) n++;
  return lo.slice(0, [6, 4, 2, 0].find((l) => l <= n) ?? 0);
}

export interface RegionQueries {
  received: string;
  rate: string;
  coverage: string;
}

export function regionQueries(place: string): RegionQueries {
  const f = { prefix: place, level: '' };
  return { received: regionMeasureSql(received(), f), rate: regionMeasureSql(disclosureRate(), f), coverage: regionCoverageSql(f) };
}

/** The three answers, as Arrow tables (DuckDB) or records (the summary). */
export interface OverviewRegions {
  place: string;
  received: Columnar;
  rate: Columnar;
  coverage: Columnar;
}

/** What the summary file holds of them: plain records and the places' names. */
export interface SummaryRegions {
  place: string;
  names: Record<string, string>;
  received: Record<string, unknown>[];
  rate: Record<string, unknown>[];
  coverage: Record<string, unknown>[];
}

export interface RegionScreen {
  year: number;
  received: DrillView;
  rate: DrillView;
  coverage: RegionCoverage[];
}

/** The latest year in which some place has the figure: the year the bars show. */
export function latestYear(t: Columnar, years: readonly number[]): number {
  const ys = column(t, 'year');
  const valued = column(t, 'valued');
  const have = ys.filter((_, i) => Number(valued[i]) > 0).map(Number);
  return have.length ? Math.max(...have) : years[years.length - 1] ?? new Date().getFullYear();
}

export function regionScreen(r: OverviewRegions, years: readonly number[], names: DivisionNames): RegionScreen {
  const year = latestYear(r.received, years);
  const input = { place: r.place, years, year, names, top: OVERVIEW_TOP };
  return {
    year,
    received: drillView(r.received, { ...input, measure: received() }),
    rate: drillView(r.rate, { ...input, measure: disclosureRate() }),
    coverage: regionCoverage(r.coverage),
  };
}
