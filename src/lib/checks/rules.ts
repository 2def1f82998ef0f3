/**
 * Consistency findings (勾稽关系) in the report's own labels. A finding is data to show,
 * never a reason to drop or "fix" a number.
 */
import { keyInfo, TABLE_SHORT, type Finding, type ParsedReport } from '../format';
import { equations, expectedTotal, type Equation } from './equations';

function finding(eq: Equation, expected: number, printed: number, keys: string[]): Finding {
  const k = keyInfo(eq.total);
  const row = eq.rule === 3 ? k.row : k.row;
  const col = k.col;
  return {
    rule: eq.rule,
    table: k.table,
    row,
    col,
    keys,
    expected,
    printed,
    message: `${TABLE_SHORT[k.table]} · ${row} · ${col}: 应为 ${fmt(expected)}，印为 ${fmt(printed)}`,
  };
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

/** Rules 1–5 within one report. */
export function checkReport(r: Pick<ParsedReport, 'template' | 'cells' | 'notes'> & { singleOther?: boolean }): Finding[] {
  if (!r.template) return [];
  const singleOther = r.template === '2021' && ['other_no_correction', 'other_no_fee', 'other_misc']
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
      out.push({
        report_id: r.report_id, rule: 6, table: 't3', row: '二、上年结转政府信息公开申请数量', col: '总计',
        keys: ['apps.carried_over.total'], expected: forward, printed: carried,
        message: `表三 · 二、上年结转政府信息公开申请数量 · 总计: 应为 ${forward}（${prev.year} 年报告的“结转下年度继续办理”），印为 ${carried}`,
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
        const label = stem === 'rules' ? '规章' : '行政规范性文件';
        out.push({
          report_id: r.report_id, rule: 7, table: 't2', row: label, col: '现行有效件数',
          keys: [`t2.${stem}.in_force`], expected, printed: now,
          message: `表二 · ${label} · 现行有效件数: 应为 ${expected}（上年 ${before} + 本年制发 ${issued} − 本年废止 ${repealed}），印为 ${now}`,
        });
      }
    }
  }
  return out;
}
