/** Loading the overview: summary.json first, then the same figures from DuckDB. */
import { dataUrl } from '../data/files';
import { MARKS, mark } from '../data/marks';
import { coverageSql, headlineSql, levelsSql, totalsSql } from '../data/overview';
import type { DatasetSummary } from '../data/summary';
import { fromSummary, fromTables, type Overview } from './model';
import { column, fromRecords } from '../data/columns';
import { OVERVIEW_BODY_MAX } from './scale';

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
  const { getQueryService } = await import('../data/service');
  const svc = await getQueryService(['reports']);
  const [totals, levels] = await Promise.all([
    svc.latest('overview:totals', totalsSql()).then((r) => (mark(MARKS.duckdbReady), r)),
    svc.latest('overview:levels', levelsSql()),
  ]);
  if (totals.stale || levels.stale) return null;
  // The sums by place (and the measure catalog they import) load only for a large dataset.
  if (Number(column(totals.table, 'units')[0] ?? 0) > OVERVIEW_BODY_MAX) {
    const regions = await (await import('./regions')).loadRegions(svc);
    const none = fromRecords([]);
    return regions && fromTables({ totals: totals.table, levels: levels.table, coverage: none, headline: none, regions });
  }
  const [coverage, headline] = await Promise.all([
    svc.latest('overview:coverage', coverageSql()),
    svc.latest('overview:headline', headlineSql()),
  ]);
  if (coverage.stale || headline.stale) return null;
  return fromTables({ totals: totals.table, levels: levels.table, coverage: coverage.table, headline: headline.table });
}
