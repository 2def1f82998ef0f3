/**
 * The consistency rules of the spec (勾稽关系 1–5) as the equations every check and the digit
 * splitter use, written out here by hand. buildEquations is called directly (equations()
 * caches its result, so a changed builder would otherwise go unseen within one test run).
 */
import { describe, expect, it } from 'vitest';
import { buildEquations, equations, expectedTotal, type Equation } from '../../src/lib/checks/equations';

const COLS = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org', 'total'];
const RESULT_ROWS = ['granted', 'partial',
  'denied_state_secret', 'denied_law_prohibited', 'denied_security', 'denied_third_party', 'denied_internal', 'denied_process', 'denied_enforcement', 'denied_query',
  'unavailable_not_held', 'unavailable_needs_creation', 'unavailable_unclear',
  'rejected_petition', 'rejected_duplicate', 'rejected_publication', 'rejected_excessive', 'rejected_confirmation',
  'other'];
const ROWS_2019 = ['new', 'carried_over', ...RESULT_ROWS, 'total', 'carried_forward'];
const OTHER_SUB = ['other_no_correction', 'other_no_fee', 'other_misc'];

const byRule = (eqs: readonly Equation[], rule: number) => eqs.filter((e) => e.rule === rule);

describe('the equations of the spec’s rules', () => {
  it('2019: rules 1, 2 and 3 for every column and row of 表三, rule 5 for each block of 表四, no rule 4', () => {
    const eqs = buildEquations('2019', false);
    expect(byRule(eqs, 1)).toEqual(COLS.map((c) => ({ rule: 1, table: 't3', parts: [`apps.new.${c}`, `apps.carried_over.${c}`], minus: [`apps.carried_forward.${c}`], total: `apps.total.${c}` })));
    expect(byRule(eqs, 2)).toEqual(COLS.map((c) => ({ rule: 2, table: 't3', parts: RESULT_ROWS.map((r) => `apps.${r}.${c}`), total: `apps.total.${c}` })));
    expect(byRule(eqs, 3)).toEqual(ROWS_2019.map((r) => ({ rule: 3, table: 't3', parts: COLS.slice(0, 6).map((c) => `apps.${r}.${c}`), total: `apps.${r}.total` })));
    expect(byRule(eqs, 4)).toEqual([]);
    expect(byRule(eqs, 5)).toEqual(['review', 'suit_direct', 'suit_after_review'].map((b) => ({
      rule: 5, table: 't4', parts: [`${b}.upheld`, `${b}.corrected`, `${b}.other`, `${b}.pending`], total: `${b}.total` })));
    expect(eqs).toHaveLength(7 + 7 + 23 + 3);
  });

  it('2021: （六） is the sum of its three sub-rows (rule 4), and rule 3 runs over the printed sub-rows, not the derived 其他处理', () => {
    const eqs = buildEquations('2021', false);
    expect(byRule(eqs, 4)).toEqual(COLS.map((c) => ({ rule: 4, table: 't3', parts: OTHER_SUB.map((r) => `apps.${r}.${c}`), total: `apps.other.${c}` })));
    const rows3 = byRule(eqs, 3).map((e) => e.total.split('.')[1]);
    expect(rows3).toEqual(['new', 'carried_over', ...RESULT_ROWS.slice(0, -1), ...OTHER_SUB, 'total', 'carried_forward']);
    // Rule 2 still sums （六） as one term: the derived row.
    expect(byRule(eqs, 2)[0].parts).toContain('apps.other.natural');
    expect(eqs).toHaveLength(7 + 7 + 7 + 25 + 3);
  });

  it('2021 printed as one （六） row: no rule 4, and rule 3 covers that row instead of the sub-rows', () => {
    const eqs = buildEquations('2021', true);
    expect(byRule(eqs, 4)).toEqual([]);
    const rows3 = byRule(eqs, 3).map((e) => e.total.split('.')[1]);
    expect(rows3).toEqual(ROWS_2019);
    expect(eqs).toHaveLength(7 + 7 + 23 + 3);
  });

  it('equations() gives the builder’s equations for each template and form', () => {
    expect(equations('2019')).toEqual(buildEquations('2019', false));
    expect(equations('2021')).toEqual(buildEquations('2021', false));
    expect(equations('2021', { singleOther: true })).toEqual(buildEquations('2021', true));
  });

  it('an equation’s expected total: parts added, minus terms taken away, nothing when a term is missing', () => {
    const eq: Equation = { rule: 1, table: 't3', parts: ['a', 'b'], minus: ['c'], total: 't' };
    const v: Record<string, number | null> = { a: 10, b: 7, c: 4 };
    expect(expectedTotal(eq, (k) => v[k])).toBe(13);
    expect(expectedTotal({ ...eq, minus: undefined }, (k) => v[k])).toBe(17);
    expect(expectedTotal(eq, (k) => ({ ...v, b: null })[k])).toBeNull();
    expect(expectedTotal(eq, (k) => ({ ...v, c: undefined } as Record<string, number | null | undefined>)[k])).toBeNull();
    expect(expectedTotal({ ...eq, parts: [], minus: [] }, () => 5)).toBe(0);
  });
});
