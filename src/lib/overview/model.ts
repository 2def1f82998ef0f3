/**
 * What the overview shows, from either source: summary.json (first paint) or DuckDB (after
 * boot). Both go through the same shape so the page draws the same way from each.
 */
import type { Table } from 'apache-arrow';
import type { Level } from '../format/templates';
import { column, fromRecords, rows, type Columnar } from '../data/columns';
import type { CoverageCell, DatasetSummary } from '../data/summary';
import type { OverviewRegions } from './regions';

export interface Overview {
  source: 'summary' | 'duckdb';
  units: number;
  reports: number;
  years: number[];
  levels: Partial<Record<Level, number>>;
  coverage: CoverageCell[];
  /** Columns report_id, unit, year, received, handled, disclosure_rate (empty at scale). */
  headline: Columnar;
  /** Past OVERVIEW_BODY_MAX bodies: the figures summed by place, drawn instead of per body. */
  regions?: OverviewRegions;
  /** Names of those places, as the summary has them (the page fetches the division table too). */
  regionNames?: Record<string, string>;
}

export function fromSummary(s: DatasetSummary): Overview {
  return {
    source: 'summary',
    units: s.units,
    reports: s.reports,
    years: s.years,
    levels: s.levels,
    coverage: s.coverage,
    // The summary's headline rows name the body by title; its coverage cells carry the body's key.
    headline: fromRecords(s.headline.map((r) => ({
      ...r,
      unit_key: s.coverage.find((c) => c.unit === r.unit && c.year === r.year)?.unit_key ?? r.unit,
    }))),
    ...(s.regions && {
      regions: { place: s.regions.place, received: fromRecords(s.regions.received), rate: fromRecords(s.regions.rate), coverage: fromRecords(s.regions.coverage) },
      regionNames: s.regions.names,
    }),
  };
}

export interface OverviewTables {
  totals: Table;
  levels: Table;
  coverage: Columnar;
  headline: Columnar;
  regions?: OverviewRegions;
}

export function fromTables(t: OverviewTables): Overview {
  const [tot] = rows(t.totals) as { units: number; reports: number; years: ArrayLike<number> | null }[];
  const levelNames = column(t.levels, 'level') as Level[];
  const levelUnits = column(t.levels, 'units') as number[];
  const cov = {
    unit_key: column(t.coverage, 'unit_key'),
    unit: column(t.coverage, 'unit'),
    division_code: column(t.coverage, 'division_code'),
    level: column(t.coverage, 'level'),
    year: column(t.coverage, 'year'),
    status: column(t.coverage, 'status'),
  };
  return {
    source: 'duckdb',
    units: Number(tot?.units ?? 0),
    reports: Number(tot?.reports ?? 0),
    years: tot?.years ? Array.from(tot.years, Number) : [],
    levels: Object.fromEntries(levelNames.map((l, i) => [l, levelUnits[i]])),
    coverage: cov.unit.map((u, i) => ({
      unit_key: String(cov.unit_key[i]),
      unit: String(u),
      division_code: (cov.division_code[i] as string | null) ?? null,
      level: cov.level[i] as Level,
      year: Number(cov.year[i]),
      status: cov.status[i] === 'findings' ? 'findings' : 'reported',
    })),
    headline: t.headline,
    ...(t.regions && { regions: t.regions }),
  };
}

/** Rows of the headline table, for the text table beside the chart. */
export function headlineRows(h: Columnar) {
  const ids = column(h, 'report_id');
  const unit = column(h, 'unit');
  const year = column(h, 'year');
  const received = column(h, 'received');
  const handled = column(h, 'handled');
  const rate = column(h, 'disclosure_rate');
  return ids.map((id, i) => ({
    report_id: String(id),
    unit: String(unit[i]),
    year: Number(year[i]),
    received: received[i] as number | null,
    handled: handled[i] as number | null,
    disclosure_rate: rate[i] as number | null,
  }));
}
