/**
 * The small summary written beside the dataset at build time, so the first screen can draw
 * before DuckDB-WASM has booted. The data build and the unit tests share `summarize`, so the
 * numbers here and the numbers DuckDB computes later come from one definition.
 */
import { type Level } from '../format/templates';
import { keyColumn } from '../format/column';
import { unitKey as bodyKey } from '../dataset/unit-key';
import type { SummaryRegions } from '../overview/regions';

export type CoverageStatus = 'reported' | 'findings';

export interface CoverageCell {
  /** One body across the wordings of its title (洪泽区人民政府 = 淮安市洪泽区人民政府). */
  unit_key: string;
  unit: string;
  division_code: string | null;
  level: Level;
  year: number;
  status: CoverageStatus;
}

export interface HeadlineRow {
  report_id: string;
  unit: string;
  year: number;
  /** apps.new.total */
  received: number | null;
  /** apps.total.total */
  handled: number | null;
  /** (granted + partial) / total, total column; null when any part is null or total is 0. */
  disclosure_rate: number | null;
}

export interface DatasetSummary {
  /** ISO time the data build ran. */
  generated: string;
  /** Distinct reporting bodies (by unit_key). */
  units: number;
  /** Distinct reporting years, ascending. */
  years: number[];
  /** Reports in the dataset. */
  reports: number;
  /** Distinct bodies per level. */
  levels: Partial<Record<Level, number>>;
  /** Per report; empty past OVERVIEW_BODY_MAX bodies, where `regions` sums them by place. */
  coverage: CoverageCell[];
  headline: HeadlineRow[];
  regions?: SummaryRegions;
}

/** One report as the data build holds it: identity fields plus cells keyed by canonical key. */
export interface SummaryInput {
  report_id: string;
  unit: string;
  /** The data build's key of the body; without it, the key is computed from title and division. */
  unit_key?: string;
  division_code: string | null;
  division_name?: string | null;
  level: Level;
  year: number;
  n_findings: number;
  [key: string]: unknown;
}

/** A cell by canonical key, accepting the wide-table column name too (apps__new__total). */
function cell(row: SummaryInput, key: string): number | null {
  const v = row[key] ?? row[keyColumn(key)];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Same rule as the SQL of measures.ts: a null part or a 0/null denominator gives null. */
export function disclosureRate(row: SummaryInput): number | null {
  const granted = cell(row, 'apps.granted.total');
  const partial = cell(row, 'apps.partial.total');
  const total = cell(row, 'apps.total.total');
  if (granted === null || partial === null || total === null || total === 0) return null;
  return (granted + partial) / total;
}

/** The row's body: the data build's key, else the same key computed from title and division. */
export function unitKey(row: SummaryInput): string {
  return row.unit_key ?? bodyKey(row.unit, row.division_name ?? null, row.division_code);
}

/** Ordering shared with the SQL (ORDER BY unit, year) so first paint and DuckDB agree. */
function byUnitYear(a: { unit: string; year: number }, b: { unit: string; year: number }): number {
  return a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : a.year - b.year;
}

export function summarize(rows: readonly SummaryInput[], generated = new Date().toISOString()): DatasetSummary {
  const sorted = [...rows].sort(byUnitYear);
  const unitLevel = new Map<string, Level>();
  for (const r of sorted) unitLevel.set(unitKey(r), r.level);
  const levels: Partial<Record<Level, number>> = {};
  for (const level of unitLevel.values()) levels[level] = (levels[level] ?? 0) + 1;
  return {
    generated,
    units: unitLevel.size,
    years: [...new Set(sorted.map((r) => r.year))].sort((a, b) => a - b),
    reports: sorted.length,
    levels,
    coverage: sorted.map((r) => ({
      unit_key: unitKey(r),
      unit: r.unit,
      division_code: r.division_code,
      level: r.level,
      year: r.year,
      status: r.n_findings > 0 ? 'findings' : 'reported',
    })),
    headline: sorted.map((r) => ({
      report_id: r.report_id,
      unit: r.unit,
      year: r.year,
      received: cell(r, 'apps.new.total'),
      handled: cell(r, 'apps.total.total'),
      disclosure_rate: disclosureRate(r),
    })),
  };
}
