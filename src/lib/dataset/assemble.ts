/**
 * Parsed reports → the dataset's rows: one report row, its cells and its findings each, plus
 * the findings across a unit's years (rules 6–7), counted into the report they belong to.
 * `npm run data` and `gongkai build` both end here.
 */
import type { ParsedReport } from '../format';
import { checkAcrossYears } from '../checks/rules';
import { cellRows, findingRows, reportRow, type CellRow, type FindingRow, type ReportRow } from './rows';
import { withSearchKeys } from './search-keys';

const KIND_RANK: Record<string, number> = { pdf: 0, html: 1, markdown: 2, docx: 3, csv: 4, text: 5 };

/** The reading a report is best known by: fewest unsure cells, then the richer input kind. */
export function best(parsed: readonly ParsedReport[]): ParsedReport {
  return [...parsed].sort((a, b) =>
    Object.keys(a.uncertain).length - Object.keys(b.uncertain).length
    || KIND_RANK[a.input] - KIND_RANK[b.input])[0];
}

export interface DatasetRows {
  reports: ReportRow[];
  cells: CellRow[];
  findings: FindingRow[];
}

export function assemble(entries: readonly { id: string; report: ParsedReport }[]): DatasetRows {
  const out: DatasetRows = { reports: [], cells: [], findings: [] };
  const byUnit = new Map<string, { report_id: string; year: number; template: string | null; cells: Record<string, number | null> }[]>();
  for (const { id, report } of entries) {
    const row = withSearchKeys(reportRow(id, report));
    out.reports.push(row);
    out.cells.push(...cellRows(id, report));
    out.findings.push(...findingRows(id, report.findings));
    const list = byUnit.get(row.unit_key) ?? [];
    list.push({ report_id: id, year: report.year ?? 0, template: report.template, cells: report.cells });
    byUnit.set(row.unit_key, list);
  }
  const byId = new Map(out.reports.map((r) => [r.report_id, r]));
  for (const list of byUnit.values()) {
    for (const f of checkAcrossYears(list)) {
      out.findings.push(findingRows(f.report_id, [f])[0]);
      const row = byId.get(f.report_id);
      if (row) row.n_findings += 1;
    }
  }
  return out;
}
