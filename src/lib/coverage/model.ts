/**
 * Units × years for the coverage view: the overview's matrix generalized with filters, finding
 * counts and links. Pure, so tests can hold it against the dataset.
 */
import type { Level } from '../format';
import { whereClause, type ReportFilter } from '../data/measures';

export interface CoverageRecord {
  unit_key: string;
  unit: string;
  division_code: string | null;
  level: Level;
  year: number;
  report_id: string;
  n_findings: number;
  n_uncertain: number;
  origin: string;
}

export type CoverageStatus = 'reported' | 'findings' | 'missing';

export interface MatrixRow {
  unit_key: string;
  /** The title of the unit's latest report. */
  unit: string;
  level: Level;
  division_code: string | null;
  byYear: Map<number, CoverageRecord>;
}

export function coverageRecordsSql(filter: ReportFilter = {}): string {
  return `SELECT unit_key, unit, division_code, level, year::INTEGER AS year, report_id, n_findings::INTEGER AS n_findings,
    n_uncertain::INTEGER AS n_uncertain, origin FROM reports ${whereClause(filter)} ORDER BY unit, year, report_id`;
}

export function statusOf(r: CoverageRecord | undefined): CoverageStatus {
  if (!r) return 'missing';
  return r.n_findings > 0 ? 'findings' : 'reported';
}

/** Every year from the first to the last, so a gap shows as a 未报告 column. */
export function yearSpan(records: readonly { year: number }[]): number[] {
  if (!records.length) return [];
  const ys = records.map((r) => r.year);
  const out: number[] = [];
  for (let y = Math.min(...ys); y <= Math.max(...ys); y++) out.push(y);
  return out;
}

export function matrix(records: readonly CoverageRecord[]): MatrixRow[] {
  const m = new Map<string, MatrixRow & { latest: number }>();
  for (const r of records) {
    const row = m.get(r.unit_key) ?? { unit_key: r.unit_key, unit: r.unit, level: r.level, division_code: r.division_code, byYear: new Map(), latest: r.year };
    if (r.year >= row.latest) Object.assign(row, { unit: r.unit, latest: r.year, level: r.level, division_code: r.division_code });
    row.byYear.set(r.year, r);
    m.set(r.unit_key, row);
  }
  return [...m.values()].sort((a, b) => a.unit.localeCompare(b.unit, 'zh-CN') || a.unit_key.localeCompare(b.unit_key));
}

/** A division-code prefix as typed: digits only, 2 to 12 of them; '' means no filter. */
export function divisionError(prefix: string): string | null {
  if (prefix === '' || /^\d{2,12}$/.test(prefix)) return null;
  return '行政区划代码前缀应为 2–12 位数字（如 35 为福建省，3208 为淮安市）。';
}
