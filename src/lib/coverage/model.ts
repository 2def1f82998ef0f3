/**
 * Units × years for the coverage view: the overview's matrix generalized with filters, finding
 * counts and links. Pure, so tests can hold it against the dataset.
 */
import type { Level } from '../format';
import { whereClause, type ReportFilter } from '../data/measures';
import type { MatrixRow as Row } from './matrix';

export { matrix, yearSpan } from './matrix';

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

export type MatrixRow = Row<CoverageRecord>;

export function coverageRecordsSql(filter: ReportFilter = {}): string {
  return `SELECT unit_key, unit, division_code, level, year::INTEGER AS year, report_id, n_findings::INTEGER AS n_findings,
    n_uncertain::INTEGER AS n_uncertain, origin FROM reports ${whereClause(filter)} ORDER BY unit, year, report_id`;
}

export function statusOf(r: CoverageRecord | undefined): CoverageStatus {
  if (!r) return 'missing';
  return r.n_findings > 0 ? 'findings' : 'reported';
}

/** A division-code prefix as typed: digits only, 2 to 12 of them; '' means no filter. */
export function divisionError(prefix: string): string | null {
  if (prefix === '' || /^\d{2,12}$/.test(prefix)) return null;
  return '行政区划代码前缀应为 2–12 位数字（如 35 为福建省，3208 为淮安市）。';
}
