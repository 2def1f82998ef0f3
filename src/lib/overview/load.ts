/** Loading the overview: summary.json first, then the same figures from DuckDB. */
import { dataUrl } from '../data/files';
import { MARKS, mark } from '../data/marks';
import { coverageSql, headlineSql, levelsSql, totalsSql } from '../data/overview';
import type { DatasetSummary } from '../data/summary';
import { fromSummary, fromTables, type Overview } from './model';

export async function loadSummary(): Promise<Overview> {
  const res = await fetch(dataUrl('summary.json'));
  if (!res.ok) throw new Error(`数据摘要无法读取（HTTP ${res.status}），请先运行 npm run data`);
  return fromSummary((await res.json()) as DatasetSummary);
}

/** null when a newer load replaced this one before it finished. */
export async function loadFromDuckDB(): Promise<Overview | null> {
  const { getQueryService } = await import('../data/service');
  const svc = await getQueryService(['reports']);
  const [totals, levels, coverage, headline] = await Promise.all([
    svc.latest('overview:totals', totalsSql()).then((r) => (mark(MARKS.duckdbReady), r)),
    svc.latest('overview:levels', levelsSql()),
    svc.latest('overview:coverage', coverageSql()),
    svc.latest('overview:headline', headlineSql()),
  ]);
  if (totals.stale || levels.stale || coverage.stale || headline.stale) return null;
  return fromTables({ totals: totals.table, levels: levels.table, coverage: coverage.table, headline: headline.table });
}
