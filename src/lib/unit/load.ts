/** Loading the unit profile's rows through the query service (DuckDB-WASM in the page). */
import type { Table } from 'apache-arrow';
import type { Level, Template } from '../format';
import type { QueryService } from '../data/query';
import { QueryError } from '../data/query-error';
import { rows } from '../data/columns';
import type { CellRecord } from './cells';
import { unitCellsSql, unitFindingsSql, unitMeasuresSql, unitReportsSql, unitsSql } from './sql';

export interface UnitSummary {
  unit_key: string;
  unit: string;
  titles: string[];
  level: Level;
  division_code: string | null;
  division_name: string | null;
  /** Pinyin and initials of its titles, for the search (search/match.ts). */
  pinyin: string | null;
  initials: string | null;
  years: number[];
  reports: number;
  findings: number;
  uncertain: number;
  has_user: boolean;
}

export interface UnitReport {
  report_id: string;
  unit: string;
  year: number;
  template: Template | null;
  level: Level;
  division_code: string | null;
  division_name: string | null;
  source_file: string;
  input_kind: string;
  proactive_total: number | null;
  proactive_approx: boolean | null;
  n_findings: number;
  n_uncertain: number;
  origin: string;
}

export interface UnitFinding {
  report_id: string;
  year: number;
  rule: number;
  tbl: string;
  row_label: string;
  col_label: string;
  expected: number | null;
  printed: number | null;
  message: string;
}

export interface UnitData {
  reports: UnitReport[];
  cells: CellRecord[];
  findings: UnitFinding[];
  /** report_id, unit, year, received, handled, disclosure_rate per report. */
  measures: Table;
}

/** Arrow list values (titles, years) become plain arrays. */
function plainRows<T>(t: Table): T[] {
  return rows(t).map((r) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r)) {
      out[k] = v && typeof v === 'object' && typeof (v as { toArray?: unknown }).toArray === 'function'
        ? Array.from((v as { toArray(): ArrayLike<unknown> }).toArray()) : v;
    }
    return out as T;
  });
}

export async function service(): Promise<QueryService> {
  const { getQueryService } = await import('../data/service');
  return getQueryService(['reports', 'cells', 'findings', 'dictionary']);
}

export async function loadUnits(svc: QueryService): Promise<UnitSummary[] | null> {
  const r = await svc.latest('unit:list', unitsSql());
  return r.stale ? null : plainRows<UnitSummary>(r.table).map((u) => ({ ...u, years: u.years.map(Number) }));
}

/** null when the page asked for another unit before this answer came. */
export async function loadUnit(svc: QueryService, unitKey: string): Promise<UnitData | null> {
  const [reports, cells, findings, measures] = await Promise.all([
    svc.latest('unit:reports', unitReportsSql(unitKey)),
    svc.latest('unit:cells', unitCellsSql(unitKey)),
    svc.latest('unit:findings', unitFindingsSql(unitKey)),
    svc.latest('unit:measures', unitMeasuresSql(unitKey)),
  ]);
  if (reports.stale || cells.stale || findings.stale || measures.stale) return null;
  return {
    reports: plainRows<UnitReport>(reports.table).map((r) => ({ ...r, year: Number(r.year) })),
    cells: plainRows<CellRecord>(cells.table).map((c) => ({ ...c, uncertain: Boolean(c.uncertain) })),
    findings: plainRows<UnitFinding>(findings.table).map((f) => ({ ...f, year: Number(f.year) })),
    measures: measures.table,
  };
}

/** A failure as the page says it: Chinese, with the SQL kept for whoever debugs it. */
export function describeError(err: unknown): string {
  if (err instanceof QueryError) {
    console.warn('query failed:', err.sql);
    return err.userMessage;
  }
  return err instanceof Error ? err.message : String(err);
}
