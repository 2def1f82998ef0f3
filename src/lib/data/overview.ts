/** The SQL of the overview screen. Counts are cast to INTEGER so Arrow hands back numbers, not BigInts. */
import { MEASURES, whereClause, type ReportFilter } from './measures';

/** Per report: the headline measures, the body (unit_key), its 勾稽 findings and its origin. */
export function headlineSql(filter: ReportFilter = {}): string {
  const cols = (['received', 'handled', 'disclosure_rate'] as const).map((id) => `${MEASURES[id].sql} AS ${id}`).join(', ');
  return `SELECT report_id, unit_key, unit, year, ${cols}, n_findings::INTEGER AS n_findings, origin
    FROM reports ${whereClause(filter)} ORDER BY unit, year, report_id`;
}

export function coverageSql(filter: ReportFilter = {}): string {
  return `SELECT unit_key, unit, division_code, level, year,
    CASE WHEN n_findings > 0 THEN 'findings' ELSE 'reported' END AS status
    FROM reports ${whereClause(filter)} ORDER BY unit, year`;
}

export function totalsSql(filter: ReportFilter = {}): string {
  return `SELECT count(DISTINCT unit_key)::INTEGER AS units, count(*)::INTEGER AS reports,
    list_sort(list(DISTINCT year)) AS years FROM reports ${whereClause(filter)}`;
}

export function levelsSql(filter: ReportFilter = {}): string {
  return `SELECT level, count(DISTINCT unit_key)::INTEGER AS units FROM reports ${whereClause(filter)}
    GROUP BY level ORDER BY level`;
}
