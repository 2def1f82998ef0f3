/**
 * A parsed report as rows of the shipped tables: one wide report row, long cell rows with
 * their source and flags, finding rows. Figures and labels only, never the report's prose.
 * Pure, so the data build and the browser import share it.
 */
import { ALL_KEYS, keyColumn, type Finding, type ParsedReport } from '../format';
import { unitKey } from './unit-key';

export interface ReportRow {
  report_id: string;
  unit: string;
  /** One reporting body across years, however its title was worded (division code + name). */
  unit_key: string;
  division_code: string | null;
  division_name: string | null;
  province_code: string | null;
  city_code: string | null;
  county_code: string | null;
  level: string | null;
  year: number;
  template: string;
  source_file: string;
  input_kind: string;
  proactive_total: number | null;
  proactive_approx: boolean | null;
  n_findings: number;
  n_uncertain: number;
  [column: string]: string | number | boolean | null;
}

export interface CellRow {
  report_id: string;
  key: string;
  value: number | null;
  uncertain: boolean;
  reason: string | null;
  page: number | null;
  line: number | null;
  tbl: number | null;
  row: number | null;
  col: number | null;
  text: string | null;
}

export interface FindingRow {
  report_id: string;
  rule: number;
  tbl: string;
  row_label: string;
  col_label: string;
  expected: number;
  printed: number;
  message: string;
}

function prefix(code: string | null, n: number): string | null {
  return code && code.length >= n ? code.slice(0, n) : null;
}

export function reportRow(id: string, r: ParsedReport): ReportRow {
  const code = r.division.code;
  const row: ReportRow = {
    report_id: id,
    unit: r.unit ?? '（单位未知）',
    unit_key: unitKey(r.unit ?? '（单位未知）', r.division.name, code),
    division_code: code,
    division_name: r.division.name,
    province_code: prefix(code, 2),
    city_code: prefix(code, 4),
    county_code: prefix(code, 6),
    level: r.level,
    year: r.year ?? 0,
    template: r.template ?? '',
    source_file: r.file.replace(/^.*[\\/]/, ''),
    input_kind: r.input,
    proactive_total: r.proactive_total?.value ?? null,
    proactive_approx: r.proactive_total ? r.proactive_total.approx : null,
    n_findings: r.findings.length,
    n_uncertain: Object.keys(r.uncertain).length,
  };
  for (const k of ALL_KEYS) row[keyColumn(k)] = r.cells[k] ?? null;
  return row;
}

export function cellRows(id: string, r: ParsedReport): CellRow[] {
  return Object.entries(r.cells).map(([key, value]) => {
    const src = r.sources[key];
    return {
      report_id: id,
      key,
      value,
      uncertain: key in r.uncertain,
      reason: r.uncertain[key] ?? null,
      page: src?.page ?? null,
      line: src?.line ?? null,
      tbl: src?.table ?? null,
      row: src?.row ?? null,
      col: src?.col ?? null,
      // Only digits are kept: the source text of a value is the number as printed.
      text: src && /^[-\d.]*$/.test(src.text) ? src.text : null,
    };
  });
}

export function findingRows(id: string, findings: Finding[]): FindingRow[] {
  return findings.map((f) => ({
    report_id: id, rule: f.rule, tbl: f.table, row_label: f.row, col_label: f.col,
    expected: f.expected, printed: f.printed, message: f.message,
  }));
}
