/** The SQL of the overview screen. Counts are cast to INTEGER so Arrow hands back numbers, not BigInts. */
import { measuresByReportSql, whereClause, type ReportFilter } from './measures';

export function headlineSql(filter: ReportFilter = {}): string {
  return measuresByReportSql(['received', 'handled', 'disclosure_rate'], filter);
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
