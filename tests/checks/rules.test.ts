/** The consistency rules: findings name the table, row and column in the report's own labels. */
import { describe, expect, it } from 'vitest';
import { checkAcrossYears, checkReport, type YearReport } from '../../src/lib/checks/rules';
import { TEMPLATE_KEYS, type Finding, type Template } from '../../src/lib/format';
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

/**
 * Reports written out cell by cell (every key 0 unless given), so each expected finding below
 * can be checked by hand against the spec's rules, without the synthetic generator.
 */
function form(template: Template, given: Record<string, number | null>): Record<string, number | null> {
  return { ...Object.fromEntries(TEMPLATE_KEYS[template].map((k) => [k, 0])), ...given };
}

/** 自然人 and 总计 columns of a small 2021 表三 whose sums hold: 5 new + 1 carried − 1 forward = 5 handled = 3 + 1 + 1. */
const HOLDS_2021 = {
  'apps.new.natural': 5, 'apps.new.total': 5,
  'apps.carried_over.natural': 1, 'apps.carried_over.total': 1,
  'apps.carried_forward.natural': 1, 'apps.carried_forward.total': 1,
  'apps.granted.natural': 3, 'apps.granted.total': 3,
  'apps.partial.natural': 1, 'apps.partial.total': 1,
  'apps.other_misc.natural': 1, 'apps.other_misc.total': 1,
  'apps.other.natural': 1, 'apps.other.total': 1,
  'apps.total.natural': 5, 'apps.total.total': 5,
};

const said = (f: Finding[]) => f.map((x) => [x.rule, x.message]);

describe('rules 1–5 on forms written out by hand', () => {
  it('finds nothing where every sum holds, in either template', () => {
    expect(checkReport({ template: '2021', cells: form('2021', HOLDS_2021) })).toEqual([]);
    expect(checkReport({ template: '2019', cells: form('2019', { ...HOLDS_2021, 'apps.other_misc.natural': null, 'apps.other_misc.total': null }) })).toEqual([]);
  });

  it('a 总计 printed one too high breaks rules 1 and 2 in its column and rule 3 in its row', () => {
    const f = checkReport({ template: '2021', cells: form('2021', { ...HOLDS_2021, 'apps.total.natural': 6 }) });
    expect(said(f)).toEqual([
      [1, '表三 · （七）总计 · 自然人: 应为 5，印为 6'],
      [2, '表三 · （七）总计 · 自然人: 应为 5，印为 6'],
      [3, '表三 · （七）总计 · 总计: 应为 6，印为 5'],
    ]);
    expect(f[0]).toMatchObject({ table: 't3', row: '（七）总计', col: '自然人', expected: 5, printed: 6 });
    // The printed cell first, then the cells summed, then those taken away.
    expect(f[0].keys).toEqual(['apps.total.natural', 'apps.new.natural', 'apps.carried_over.natural', 'apps.carried_forward.natural']);
  });

  it('rule 1 takes 结转下年度 away: more carried forward means fewer handled', () => {
    const f = checkReport({ template: '2021', cells: form('2021', { ...HOLDS_2021, 'apps.carried_forward.natural': 2, 'apps.carried_forward.total': 2 }) });
    expect(said(f)).toEqual([
      [1, '表三 · （七）总计 · 自然人: 应为 4，印为 5'],
      [1, '表三 · （七）总计 · 总计: 应为 4，印为 5'],
    ]);
  });

  it('rule 4: the 2021 form’s three （六） sub-rows must add up to （六）其他处理', () => {
    const f = checkReport({ template: '2021', cells: form('2021', { ...HOLDS_2021, 'apps.other_no_fee.natural': 2, 'apps.other_no_fee.total': 2 }) });
    expect(said(f)).toEqual([
      [4, '表三 · （六）其他处理 · 自然人: 应为 3，印为 1'],
      [4, '表三 · （六）其他处理 · 总计: 应为 3，印为 1'],
    ]);
  });

  it('a 2021 report printing （六）其他处理 as one row (no sub-rows) is checked on that row, without rule 4', () => {
    const single = form('2021', { ...HOLDS_2021, 'apps.other_no_correction.natural': null, 'apps.other_no_fee.natural': null, 'apps.other_misc.natural': null,
      'apps.other_no_correction.total': null, 'apps.other_no_fee.total': null, 'apps.other_misc.total': null });
    expect(checkReport({ template: '2021', cells: single })).toEqual([]);
    const f = checkReport({ template: '2021', cells: { ...single, 'apps.other.total': 2 } });
    expect(said(f)).toEqual([
      [2, '表三 · （七）总计 · 总计: 应为 6，印为 5'],
      [3, '表三 · （六）其他处理 · 总计: 应为 1，印为 2'],
    ]);
  });

  it('rule 5: each 表四 block’s four results add up to its 总计', () => {
    const cells = form('2021', { ...HOLDS_2021, 'review.upheld': 2, 'review.corrected': 1, 'review.pending': 1, 'review.total': 3,
      'suit_after_review.other': 1, 'suit_after_review.total': 1 });
    expect(said(checkReport({ template: '2021', cells }))).toEqual([[5, '表四 · 行政复议 · 总计: 应为 4，印为 3']]);
  });

  it('writes a non-integer sum to two decimals, and does not flag a sum off only by floating-point error', () => {
    const cells = form('2019', { 'review.upheld': 0.1, 'review.corrected': 0.2, 'review.total': 0.3 });
    expect(checkReport({ template: '2019', cells })).toEqual([]);
    const f = checkReport({ template: '2019', cells: { ...cells, 'review.other': 1.006 } });
    expect(said(f)).toEqual([[5, '表四 · 行政复议 · 总计: 应为 1.31，印为 0.3']]);
  });

  it('a blank 总计 is not compared (blank is 未报告, not 0), and a finding names every cell it compares', () => {
    expect(checkReport({ template: '2021', cells: form('2021', { ...HOLDS_2021, 'apps.total.natural': null }) })).toEqual([]);
    const [f] = checkReport({ template: '2021', cells: form('2021', { 'review.upheld': 1 }) });
    expect(f.keys).toEqual(['review.total', 'review.upheld', 'review.corrected', 'review.other', 'review.pending']);
  });

  it('a 2021 report with only some （六） sub-rows printed is checked row by row, not as a single （六） row', () => {
    const cells = form('2021', { ...HOLDS_2021, 'apps.other_no_fee.natural': null, 'apps.other_no_fee.total': null, 'apps.other_misc.total': 2 });
    expect(said(checkReport({ template: '2021', cells }))).toEqual([[3, '表三 · （六）其他处理3.其他 · 总计: 应为 1，印为 2']]);
  });

  it('a report without a template has no findings', () => {
    expect(checkReport({ template: null, cells: form('2021', { ...HOLDS_2021, 'apps.total.natural': 99 }) })).toEqual([]);
  });
});

describe('rules 6–7 on forms written out by hand', () => {
  const year = (report_id: string, y: number, template: Template, given: Record<string, number | null>): YearReport =>
    ({ report_id, year: y, template, cells: form(template, given) });

  it('rule 6 names the year whose 结转下年度 the 上年结转 should equal; equal or a gap year is no finding', () => {
    const a = year('a', 2021, '2021', { 'apps.carried_forward.total': 4 });
    const b = year('b', 2022, '2021', { 'apps.carried_over.total': 3 });
    expect(checkAcrossYears([a, b])).toEqual([{
      report_id: 'b', rule: 6, table: 't3', row: '二、上年结转政府信息公开申请数量', col: '总计', keys: ['apps.carried_over.total'],
      expected: 4, printed: 3,
      message: '表三 · 二、上年结转政府信息公开申请数量 · 总计: 应为 4（2021 年报告的“结转下年度继续办理”），印为 3',
    }]);
    expect(checkAcrossYears([a, year('b', 2022, '2021', { 'apps.carried_over.total': 4 })])).toEqual([]);
    expect(checkAcrossYears([a, year('b', 2022, '2021', { 'apps.carried_over.total': null })])).toEqual([]);
    expect(checkAcrossYears([year('a', 2021, '2021', { 'apps.carried_forward.total': null }), b])).toEqual([]);
    expect(checkAcrossYears([a, year('c', 2023, '2021', { 'apps.carried_over.total': 3 })])).toEqual([]);
  });

  it('rule 7: 现行有效件数 = last year’s + 本年制发 − 本年废止, for 规章 and 行政规范性文件, between two 2021-form years', () => {
    const a = year('a', 2022, '2021', { 't2.rules.in_force': 10, 't2.normative.in_force': 20 });
    const b = year('b', 2023, '2021', { 't2.rules.issued': 2, 't2.rules.repealed': 1, 't2.rules.in_force': 12,
      't2.normative.issued': 3, 't2.normative.repealed': 5, 't2.normative.in_force': 18 });
    const f = checkAcrossYears([a, b]);
    expect(f).toEqual([{
      report_id: 'b', rule: 7, table: 't2', row: '规章', col: '现行有效件数', keys: ['t2.rules.in_force'], expected: 11, printed: 12,
      message: '表二 · 规章 · 现行有效件数: 应为 11（上年 10 + 本年制发 2 − 本年废止 1），印为 12',
    }]);
    // A blank cell is not 0: nothing to compare, whichever of the four it is.
    for (const k of ['t2.rules.in_force', 't2.rules.issued', 't2.rules.repealed']) {
      expect(checkAcrossYears([a, { ...b, cells: { ...b.cells, [k]: null } }]), k).toEqual([]);
    }
    expect(checkAcrossYears([{ ...a, cells: { ...a.cells, 't2.rules.in_force': null } }, b])).toEqual([]);
    // Either year on the 2019 form: no rule 7, even with a figure under the key.
    expect(checkAcrossYears([{ ...a, template: '2019' }, b])).toEqual([]);
    expect(checkAcrossYears([a, { ...b, template: '2019' }])).toEqual([]);
    // The 2019 form has no 现行有效件数 to carry over.
    expect(checkAcrossYears([year('a', 2020, '2019', {}), { ...b, year: 2021 }])).toEqual([]);
  });
});
