/**
 * A rule broken in a table read mostly by its labels: only the cells that rule covers and
 * whose place was inferred (a row without a label) are flagged. Cells whose row and column the
 * labels establish stay exact — in the other columns, in the other tables — and what was read
 * with certainty is reported as a contradiction of the report, not hidden behind flags.
 */
import { describe, expect, it } from 'vitest';
import { makeTruth, rng } from '../support/synthetic-figures';
import { APPLICANT_HEAD, REVIEW_KEYS, SECTION, T4_HEAD_CELLS, t3Form } from '../support/synthetic-forms';
import { markdownT2, parsedText, pipe } from '../support/parse-text';


/** Rows 7 and 8 of 表三 print their label on the line above their figures; row 11 prints none. */
const APART = new Set([7, 8]);
const UNLABELLED = 11;

function markdown(cells: Record<string, number | null>): string {
  const t2 = markdownT2(cells);
  const t3 = t3Form('2021').flatMap((r, i) => {
    const figures = r.keys.map((k) => cells[k]);
    const head = r.heading ? [r.heading] : [];
    if (APART.has(i)) return [...head, r.labels[0], pipe(figures)];
    if (i === UNLABELLED) return [...head, pipe(figures)];
    return [...head, pipe([r.labels[0], ...figures])];
  });
  return ['# 某某局2023年度政府信息公开工作年度报告', '一、总体情况', SECTION.t2[0], ...t2,
    SECTION.t3[0], pipe(APPLICANT_HEAD), ...t3,
    SECTION.t4[0], pipe(T4_HEAD_CELLS), pipe(REVIEW_KEYS.map((k) => cells[k])), ...SECTION.tail].join('\n');
}

const parse = (text: string) => parsedText(text, 'x.md');

describe('a broken 总计 in a labelled Markdown table', () => {
  const t = makeTruth(rng(21), '2021', { year: 2023 });
  const rows = t3Form('2021');
  const unlabelled = rows[UNLABELLED].keys;

  it('as printed, every cell is read exactly (the control)', async () => {
    const r = await parse(markdown(t.cells));
    for (const [k, v] of Object.entries(t.cells)) expect(r.cells[k], k).toBe(v);
    expect(r.uncertain).toEqual({});
  });

  it('one 总计 changed: only the broken column\'s inferred cells are flagged; the rest stays exact', async () => {
    const total = 'apps.total.natural';
    const printed: Record<string, number | null> = { ...t.cells, [total]: (t.cells[total] as number) + 1 };
    const r = await parse(markdown(printed));
    // Never a wrong value without a flag.
    for (const [k, v] of Object.entries(printed)) if (!(k in r.uncertain)) expect(r.cells[k], k).toBe(v);
    // The row read by order alone, in the column whose rule broke: flagged, with the rule named.
    expect(r.cells[unlabelled[0]]).toBeNull();
    expect(r.uncertain[unlabelled[0]]).toMatch(/按顺序推断.*不成立/);
    // Every flag lies in the broken column (or is （六）'s sum of it).
    expect(Object.keys(r.uncertain).filter((k) => !k.endsWith('.natural'))).toEqual([]);
    // Label-established cells elsewhere stay exact: the other columns of 表三, all of 表二 and 表四.
    for (const k of Object.keys(printed).filter((k) => !k.endsWith('.natural'))) expect(r.cells[k], k).toBe(printed[k]);
    // The printed total row was read with certainty: its own row sum is the report's contradiction.
    expect(r.findings.map((f) => f.rule)).toContain(3);
  });
});
