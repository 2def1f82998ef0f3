/**
 * The overview of a large dataset. Past OVERVIEW_BODY_MAX bodies (overview/scale.ts), a bar group per body is
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
import type { QueryService } from '../data/query';
import { PLACE_SQL, commonPlace } from './scale';

/** Rows listed at the top and at the bottom of a long list of places. */
export const OVERVIEW_TOP = 10;

export const received = (): CatalogMeasure => findMeasure('received')!;
export const disclosureRate = (): CatalogMeasure => findMeasure('disclosure_rate')!;

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

/** The sums by place from DuckDB; null when a newer load replaced this one. */
export async function loadRegions(svc: QueryService): Promise<OverviewRegions | null> {
  const bounds = await svc.latest('overview:place', PLACE_SQL);
  if (bounds.stale) return null;
  const place = commonPlace(column(bounds.table, 'lo')[0] as string | null, column(bounds.table, 'hi')[0] as string | null);
  const q = regionQueries(place);
  const [received, rate, coverage] = await Promise.all([
    svc.latest('overview:received', q.received), svc.latest('overview:rate', q.rate), svc.latest('overview:regions', q.coverage),
  ]);
  if (received.stale || rate.stale || coverage.stale) return null;
  return { place, received: received.table, rate: rate.table, coverage: coverage.table };
}
