/** The consistency rules: findings name the table, row and column in the report's own labels. */
import { describe, expect, it } from 'vitest';
import { checkAcrossYears, checkReport } from '../../src/lib/checks/rules';
import { makeReport } from '../support/synthetic';

describe('rules 1–5 within a report', () => {
  it('finds nothing in a report whose sums hold', () => {
    for (const t of ['2019', '2021'] as const) {
      const s = makeReport(11, t);
      expect(checkReport({ template: t, cells: s.cells })).toEqual([]);
    }
  });

  it('names a misprinted total in the form’s labels, with expected and printed values', () => {
    const s = makeReport(11, '2019');
    const printedTotal = (s.cells['apps.total.natural'] as number) + 6;
    s.cells['apps.total.natural'] = printedTotal;
    s.cells['apps.total.total'] = (s.cells['apps.total.total'] as number) + 6;
    const f = checkReport({ template: '2019', cells: s.cells });
    const rule2 = f.filter((x) => x.rule === 2);
    expect(rule2.map((x) => x.message)).toEqual([
      `表三 · （七）总计 · 自然人: 应为 ${printedTotal - 6}，印为 ${printedTotal}`,
      `表三 · （七）总计 · 总计: 应为 ${(s.cells['apps.total.total'] as number) - 6}，印为 ${s.cells['apps.total.total']}`,
    ]);
    // Rule 1 sees the same cells from the other side; rule 3 still holds on the row.
    expect(f.some((x) => x.rule === 1)).toBe(true);
    expect(f.some((x) => x.rule === 3)).toBe(false);
  });

  it('checks 表四 blocks (rule 5) and the 2021 （六） sub-rows (rule 4)', () => {
    const s = makeReport(12, '2021');
    s.cells['review.total'] = 0;
    s.cells['apps.other.natural'] = (s.cells['apps.other.natural'] as number) + 1;
    const f = checkReport({ template: '2021', cells: s.cells });
    expect(f.find((x) => x.rule === 5)?.message).toMatch(/^表四 · 行政复议 · 总计: 应为 \d+，印为 0$/);
    expect(f.some((x) => x.rule === 4 && x.col === '自然人')).toBe(true);
  });

  it('never compares a null: a missing cell is not a finding', () => {
    const s = makeReport(11, '2019');
    s.cells['apps.granted.natural'] = null;
    expect(checkReport({ template: '2019', cells: s.cells }).filter((x) => x.keys.includes('apps.granted.natural'))).toEqual([]);
  });
});

describe('rules 6–7 across years', () => {
  it('links 上年结转 to the previous year’s 结转下年度, and 现行有效件数 to issued and repealed', () => {
    const a = makeReport(3, '2021');
    const b = makeReport(4, '2021');
    b.cells['apps.carried_over.total'] = (a.cells['apps.carried_forward.total'] as number) + 2;
    for (const stem of ['rules', 'normative']) {
      b.cells[`t2.${stem}.in_force`] = (a.cells[`t2.${stem}.in_force`] as number) + (b.cells[`t2.${stem}.issued`] as number) - (b.cells[`t2.${stem}.repealed`] as number);
    }
    const f = checkAcrossYears([
      { report_id: 'a', year: 2022, template: '2021', cells: a.cells },
      { report_id: 'b', year: 2023, template: '2021', cells: b.cells },
    ]);
    expect(f.map((x) => [x.report_id, x.rule])).toEqual([['b', 6]]);
    expect(f[0].message).toMatch(/上年结转.*应为 \d+（2022 年报告的“结转下年度继续办理”）/);
  });

  it('does not link years across the template change or across a gap', () => {
    const a = makeReport(3, '2019');
    const b = makeReport(4, '2021');
    expect(checkAcrossYears([
      { report_id: 'a', year: 2020, template: '2019', cells: a.cells },
      { report_id: 'b', year: 2022, template: '2021', cells: b.cells },
    ])).toEqual([]);
  });
});
