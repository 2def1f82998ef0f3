/**
 * The comparison views' access to DuckDB: the query service is imported dynamically so the
 * page paints before DuckDB-WASM is fetched, and every view reads the same body list.
 */
import type { QueryService } from '../data/query';
import { QueryError } from '../data/query-error';
import { unitsFrom, type UnitInfo } from './pivot';
import { unitsSql } from './sql';

export async function queryService(): Promise<QueryService> {
  const { getQueryService } = await import('../data/service');
  // cells: to flag the figures the parser was unsure of.
  return getQueryService(['reports', 'cells']);
}

export async function loadUnits(svc: QueryService): Promise<UnitInfo[]> {
  return unitsFrom(await svc.query(unitsSql()));
}

/** A failure in words for the page; the SQL goes to the console for whoever debugs it. */
export function describeError(err: unknown): string {
  if (err instanceof QueryError) {
    console.warn('query failed:', err.sql);
    return err.userMessage;
  }
  return err instanceof Error ? err.message : String(err);
}

/** Every year any body reported, ascending. */
export function allYears(units: readonly UnitInfo[]): number[] {
  return [...new Set(units.flatMap((u) => u.years))].sort((a, b) => a - b);
}
