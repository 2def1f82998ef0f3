/** Loading the overview: summary.json first, then the same figures from DuckDB. */
import { dataUrl } from '../data/files';
import { MARKS, mark } from '../data/marks';
import { coverageSql, headlineSql, levelsSql, totalsSql } from '../data/overview';
import type { DatasetSummary } from '../data/summary';
import { fromSummary, fromTables, type Overview } from './model';
import { column, fromRecords } from '../data/columns';

export async function loadSummary(): Promise<Overview> {
  const res = await fetch(dataUrl('summary.json'));
  if (!res.ok) throw new Error(`数据摘要无法读取（HTTP ${res.status}），请先运行 npm run data`);
  return fromSummary((await res.json()) as DatasetSummary);
}

/**
 * null when a newer load replaced this one before it finished. Past OVERVIEW_BODY_MAX bodies the
 * figures come summed by place (overview/regions.ts), not per report.
 */
export async function loadFromDuckDB(): Promise<Overview | null> {
  // The place sums' SQL imports the measure catalog: not first-screen code, so loaded here.
  const [{ getQueryService }, { OVERVIEW_BODY_MAX, PLACE_SQL, commonPlace, regionQueries }] = await Promise.all([import('../data/service'), import('./regions')]);
  const svc = await getQueryService(['reports']);
  const [totals, levels, bounds] = await Promise.all([
    svc.latest('overview:totals', totalsSql()).then((r) => (mark(MARKS.duckdbReady), r)),
    svc.latest('overview:levels', levelsSql()),
    svc.latest('overview:place', PLACE_SQL),
  ]);
  if (totals.stale || levels.stale || bounds.stale) return null;
  const units = Number(column(totals.table, 'units')[0] ?? 0);
  if (units > OVERVIEW_BODY_MAX) {
    const place = commonPlace(column(bounds.table, 'lo')[0] as string | null, column(bounds.table, 'hi')[0] as string | null);
    const q = regionQueries(place);
    const [received, rate, coverage] = await Promise.all([
      svc.latest('overview:received', q.received), svc.latest('overview:rate', q.rate), svc.latest('overview:regions', q.coverage),
    ]);
    if (received.stale || rate.stale || coverage.stale) return null;
    const none = fromRecords([]);
    return fromTables({ totals: totals.table, levels: levels.table, coverage: none, headline: none,
      regions: { place, received: received.table, rate: rate.table, coverage: coverage.table } });
  }
  const [coverage, headline] = await Promise.all([
    svc.latest('overview:coverage', coverageSql()),
    svc.latest('overview:headline', headlineSql()),
  ]);
  if (coverage.stale || headline.stale) return null;
  return fromTables({ totals: totals.table, levels: levels.table, coverage: coverage.table, headline: headline.table });
}
