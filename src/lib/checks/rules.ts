/**
 * Consistency findings (勾稽关系) in the report's own labels. A finding is data to show,
 * never a reason to drop or "fix" a number.
 */
import { keyInfo, OTHER_SUB_ROWS, TABLE_SHORT, type Finding, type ParsedReport } from '../format';
import { equations, expectedTotal, type Equation } from './equations';

function finding(eq: Equation, expected: number, printed: number, keys: string[]): Finding {
  const k = keyInfo(eq.total);
  return {
    rule: eq.rule,
    table: k.table,
    row: k.row,
    col: k.col,
    keys,
    expected,
    printed,
    message: `${TABLE_SHORT[k.table]} · ${k.row} · ${k.col}: 应为 ${fmt(expected)}，印为 ${fmt(printed)}`,
  };
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

/** Rules 1–5 within one report. */
export function checkReport(r: Pick<ParsedReport, 'template' | 'cells'>): Finding[] {
  if (!r.template) return [];
  // A 2021 report that prints one （六） row and none of its sub-rows is checked on that row.
  const singleOther = r.template === '2021' && OTHER_SUB_ROWS
    .every((row) => r.cells[`apps.${row}.total`] == null) && r.cells['apps.other.total'] != null;
  const get = (k: string) => r.cells[k];
  const out: Finding[] = [];
  for (const eq of equations(r.template, { singleOther })) {
    const printed = get(eq.total);
    const expected = expectedTotal(eq, get);
    if (printed == null || expected == null) continue;
    if (Math.abs(printed - expected) > 1e-6) out.push(finding(eq, expected, printed, [eq.total, ...eq.parts, ...(eq.minus ?? [])]));
  }
  return out;
}

export interface YearReport {
  report_id: string;
  year: number;
  template: string | null;
  cells: Record<string, number | null>;
}

/** A row label without its printed number: 四、结转下年度继续办理 → 结转下年度继续办理. */
function bare(label: string): string {
  return label.replace(/^[一二三四五六七八九十]+、/, '');
}

/** Rules 6–7 across consecutive years of one unit. */
export function checkAcrossYears(reports: YearReport[]): (Finding & { report_id: string })[] {
  const byYear = new Map(reports.map((r) => [r.year, r]));
  const out: (Finding & { report_id: string })[] = [];
  for (const r of reports) {
    const prev = byYear.get(r.year - 1);
    if (!prev) continue;
    const carried = r.cells['apps.carried_over.total'];
    const forward = prev.cells['apps.carried_forward.total'];
    if (carried != null && forward != null && carried !== forward) {
      const k = keyInfo('apps.carried_over.total');
      const from = bare(keyInfo('apps.carried_forward.total').row);
      out.push({
        report_id: r.report_id, rule: 6, table: k.table, row: k.row, col: k.col,
        keys: [k.key], expected: forward, printed: carried,
        message: `${TABLE_SHORT[k.table]} · ${k.row} · ${k.col}: 应为 ${forward}（${prev.year} 年报告的“${from}”），印为 ${carried}`,
      });
    }
    if (r.template !== '2021' || prev.template !== '2021') continue;
    for (const stem of ['rules', 'normative']) {
      const now = r.cells[`t2.${stem}.in_force`];
      const before = prev.cells[`t2.${stem}.in_force`];
      const issued = r.cells[`t2.${stem}.issued`];
      const repealed = r.cells[`t2.${stem}.repealed`];
      if (now == null || before == null || issued == null || repealed == null) continue;
      const expected = before + issued - repealed;
      if (expected !== now) {
        const k = keyInfo(`t2.${stem}.in_force`);
        const [made, dropped] = ['issued', 'repealed'].map((c) => keyInfo(`t2.${stem}.${c}`).col.replace(/件数$/, ''));
        out.push({
          report_id: r.report_id, rule: 7, table: k.table, row: k.row, col: k.col,
          keys: [k.key], expected, printed: now,
          message: `${TABLE_SHORT[k.table]} · ${k.row} · ${k.col}: 应为 ${expected}（上年 ${before} + ${made} ${issued} − ${dropped} ${repealed}），印为 ${now}`,
        });
      }
    }
  }
  return out;
}
