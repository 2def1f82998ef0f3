/**
 * How one placed run of figures is read (split.ts) and how the rules choose among readings
 * (solve.ts): the exact values a reader gets, and the words shown when a cell stays open.
 * Expected values are written out by hand from the printed figures.
 */
import { describe, expect, it } from 'vitest';
import { readingsOf, type PlacedSegment } from '../../src/lib/parse/split';
import { solve } from '../../src/lib/parse/solve';
import { Budget, STEP_COST } from '../../src/lib/parse/budget';
import { rulesFor, withoutRules } from '../../src/lib/parse/rules';
import type { Segment } from '../../src/lib/parse/align';
import type { RowSpec } from '../../src/lib/parse/layout';
import type { ValuePiece } from '../../src/lib/parse/pieces';

interface V { raw: string; line?: number; glued?: boolean; cellular?: boolean; unit?: 'yuan' | 'wan'; cut?: boolean }

function seg(values: (string | V)[], labelLine = 0): Segment {
  return {
    label: 'x', labelLine, lineLabel: 'x',
    values: values.map((v): ValuePiece => {
      const o = typeof v === 'string' ? { raw: v } : v;
      return {
        kind: 'value', raw: o.raw, value: o.raw === '' ? null : Number(o.raw), unit: o.unit, glued: o.glued ?? false,
        cellular: o.cellular ?? false, cut: o.cut, ref: { text: o.raw, line: (o.line ?? labelLine) + 1 }, line: o.line ?? labelLine,
      };
    }),
  };
}

const row = (id: string, n: number, extra: Partial<RowSpec> = {}): RowSpec => ({ id, keys: Array.from({ length: n }, (_, i) => `${id}.${i}`), cues: [id], ...extra });

describe('separated figures', () => {
  it('reads a whole row on its label line as certain, each figure in its column', () => {
    const ps = readingsOf(seg(['3', '0', '12']), { seg: 0, rows: [0] }, [row('a', 3)], false);
    expect(ps.keys).toEqual(['a.0', 'a.1', 'a.2']);
    expect(ps.readings.map((r) => r.values)).toEqual([[3, 0, 12]]);
    expect(ps.exact).toBe(true);
    expect(ps.oneLine).toBe(true);
    expect(ps.trimmed).toBe(false);
  });

  it('is not on one line when a figure was printed on the next line', () => {
    const ps = readingsOf(seg(['3', '0', { raw: '12', line: 1 }]), { seg: 0, rows: [0] }, [row('a', 3)], false);
    expect(ps.oneLine).toBe(false);
  });

  it('leaves out leading blanks of an empty label cell, and says a blank was dropped', () => {
    const ps = readingsOf(seg(['', '5', '6', '7']), { seg: 0, rows: [0] }, [row('a', 3)], false);
    expect(ps.readings[0].values).toEqual([5, 6, 7]);
    expect(ps.exact).toBe(true);
    expect(ps.trimmed).toBe(true);
  });

  it('takes the blanks right after a label on its own table row as that row\'s first cells', () => {
    const ps = readingsOf(seg([{ raw: '', cellular: true }, { raw: '5', cellular: true }, { raw: '6', cellular: true }, { raw: '', cellular: true }]), { seg: 0, rows: [0] }, [row('a', 3)], false);
    expect(ps.readings[0].values).toEqual([null, 5, 6]);
    expect(ps.exact).toBe(true);
  });

  it('is not certain when blanks at both ends could each be padding', () => {
    const ps = readingsOf(seg(['', '5', '6', '7', '']), { seg: 0, rows: [0] }, [row('a', 3)], false);
    expect(ps.readings[0].values).toEqual([5, 6, 7]);
    expect(ps.exact).toBe(false);
  });

  it('is not certain when a figure, not a blank, is left over', () => {
    const ps = readingsOf(seg(['1', '2', '3', '4']), { seg: 0, rows: [0] }, [row('a', 3)], false);
    expect(ps.readings[0].values).toEqual([1, 2, 3]);
    expect(ps.exact).toBe(false);
  });

  it('names the figures it found when a row is short of cells', () => {
    const ps = readingsOf(seg(['3', '']), { seg: 0, rows: [0], short: true }, [row('a', 7)], false);
    expect(ps.readings).toEqual([]);
    expect(ps.exact).toBe(false);
    expect(ps.unread).toBe('这一行读到 2 个数（3、空），应有 7 个，无法确定各属哪一列');
  });

  it('marks the cell whose figure the file ends on', () => {
    const ps = readingsOf(seg(['3', '0', { raw: '12', cut: true }]), { seg: 0, rows: [0] }, [row('a', 3)], false);
    expect(ps.cut).toEqual(['a.2']);
  });

  it('converts money between 元 and 万元 as the column asks', () => {
    const rows = [row('m', 2, { money: ['wan', 'yuan'] })];
    const ps = readingsOf(seg([{ raw: '1.5' }, { raw: '2', unit: 'wan' }]), { seg: 0, rows: [0] }, rows, false);
    expect(ps.readings[0].values).toEqual([15000, 20000]);
    const yuan = readingsOf(seg([{ raw: '12345', unit: 'yuan' }, { raw: '7' }]), { seg: 0, rows: [0] }, rows, false);
    expect(yuan.readings[0].values).toEqual([12345, 7]);
  });
});

describe('a block printed one value per line', () => {
  const rows = [row('a', 3, { lastIsTotal: true }), row('b', 3, { lastIsTotal: true })];
  const block = seg(['1', '2', '3', '4', '5', '9'].map((raw, i) => ({ raw, line: i })));

  it('offers row by row, column by column, and column by column with the total first', () => {
    const ps = readingsOf(block, { seg: 0, rows: [0, 1] }, rows, false);
    expect(ps.readings.map((r) => r.values)).toEqual([
      [1, 2, 3, 4, 5, 9],
      // pdfminer walks a column at a time, its 总计 column first, in the middle or last.
      [3, 5, 1, 4, 9, 2],
      [1, 5, 3, 2, 9, 4],
      [1, 3, 5, 2, 4, 9],
    ]);
    expect(ps.orders).toEqual(['row', 'col', 'col', 'col']);
    expect(ps.exact).toBe(true);
  });

  it('offers one column-by-column reading where no column is a total', () => {
    const plain = [row('a', 3), row('b', 3)];
    const ps = readingsOf(block, { seg: 0, rows: [0, 1] }, plain, false);
    expect(ps.readings.map((r) => r.values)).toEqual([[1, 2, 3, 4, 5, 9], [1, 3, 5, 2, 4, 9]]);
  });

  it('reads rows of unequal widths only row by row, and not as certain', () => {
    const ps = readingsOf(seg(['1', '2', '3', '4', '5'].map((raw, i) => ({ raw, line: i }))), { seg: 0, rows: [0, 1] }, [row('a', 2), row('b', 3)], false);
    expect(ps.readings.map((r) => r.values)).toEqual([[1, 2, 3, 4, 5]]);
    expect(ps.orders).toBeUndefined();
    expect(ps.exact).toBe(false);
  });

  it('does not list the same reading twice when the orders agree', () => {
    const zeros = seg(['0', '0', '0', '0', '0', '0'].map((raw, i) => ({ raw, line: i })));
    const ps = readingsOf(zeros, { seg: 0, rows: [0, 1] }, rows, false);
    expect(ps.readings).toHaveLength(1);
    expect(ps.orders).toEqual(['row']);
  });

  it('is certain where each line holds one row\'s cells, and not where lines mix rows', () => {
    const byRow = seg(['1', '2', '3', '4', '5', '9'].map((raw, i) => ({ raw, line: i < 3 ? 0 : 1 })));
    expect(readingsOf(byRow, { seg: 0, rows: [0, 1] }, rows, false).exact).toBe(true);
    const mixed = seg(['1', '2', '3', '4', '5', '9'].map((raw, i) => ({ raw, line: i < 2 ? 0 : 1 })));
    const ps = readingsOf(mixed, { seg: 0, rows: [0, 1] }, rows, false);
    expect(ps.exact).toBe(false);
    expect(ps.readings).toHaveLength(1);
  });
});

describe('digits run together', () => {
  const g = (raw: string, more: Partial<V> = {}) => ({ raw, glued: true, ...more });

  it('lists every split into well-formed numbers (no leading zero, no bare point)', () => {
    const ps = readingsOf(seg([g('1205')]), { seg: 0, rows: [0] }, [row('a', 2)], true);
    // 1|205, 12|05 (no), 120|5
    expect(ps.readings.map((r) => r.values)).toEqual([[1, 205], [120, 5]]);
    expect(ps.exact).toBe(false);
  });

  it('keeps a decimal whole and a zero alone', () => {
    const ps = readingsOf(seg([g('0.50')]), { seg: 0, rows: [0] }, [row('a', 2)], true);
    expect(ps.readings.map((r) => r.values)).toEqual([[0.5, 0]]);
    expect(ps.exact).toBe(true);
  });

  it('reads a negative change where the sign starts a cell', () => {
    const ps = readingsOf(seg([g('-50')]), { seg: 0, rows: [0] }, [row('a', 2)], true);
    expect(ps.readings.map((r) => r.values)).toEqual([[-5, 0]]);
  });

  it('says so when the digits cannot make the row\'s count of numbers', () => {
    const ps = readingsOf(seg([g('00')]), { seg: 0, rows: [0] }, [row('a', 3)], true);
    expect(ps.readings).toEqual([]);
    expect(ps.unread).toBe('连写的数字“00”无法拆成 3 个数');
  });

  it('gives up, flagged, when the splits are too many to check', () => {
    const ps = readingsOf(seg([g('1234567891234567891234')]), { seg: 0, rows: [0] }, [row('a', 10)], true);
    expect(ps.readings).toEqual([]);
    expect(ps.unread).toMatch(/^连写的数字“1234567891234567891234…”可拆成的读法太多/);
  });

  it('splits several pieces, each taking at least one cell, the last taking the rest', () => {
    const ps = readingsOf(seg([g('12'), g('3')]), { seg: 0, rows: [0] }, [row('a', 3)], true);
    expect(ps.readings.map((r) => r.values)).toEqual([[1, 2, 3]]);
    expect(ps.readings[0].refs.map((r) => r.text)).toEqual(['1', '2', '3']);
    expect(ps.exact).toBe(true);
  });

  it('gives a blank cell among run-together digits exactly one cell', () => {
    const ps = readingsOf(seg([g('12'), { raw: '', glued: false }, g('3')]), { seg: 0, rows: [0] }, [row('a', 4)], true);
    expect(ps.readings.map((r) => r.values)).toEqual([[1, 2, null, 3]]);
  });

  it('marks every cell split from digits the file ends on', () => {
    const ps = readingsOf(seg([g('7'), g('12', { cut: true })]), { seg: 0, rows: [0] }, [row('a', 3)], true);
    expect(ps.cut).toEqual(['a.1', 'a.2']);
  });

  it('reads one separate figure per cell as separated even in a glued document', () => {
    const ps = readingsOf(seg(['12', '3']), { seg: 0, rows: [0] }, [row('a', 2)], true);
    expect(ps.readings.map((r) => r.values)).toEqual([[12, 3]]);
    expect(ps.exact).toBe(true);
  });
});

describe('choosing among readings by the rules', () => {
  const rules2019 = rulesFor('2019', false);
  const review = (vals: (number | null)[][]): PlacedSegment => ({
    keys: ['review.upheld', 'review.corrected', 'review.other', 'review.pending', 'review.total'],
    readings: vals.map((values) => ({ values, refs: values.map((v) => ({ text: String(v) })) })),
    exact: vals.length === 1,
  });

  it('keeps the reading whose row sum holds', () => {
    const s = solve([review([[1, 2, 0, 0, 4], [1, 2, 0, 1, 4]])], rules2019);
    expect(s.cells.get('review.pending')).toBe(1);
    expect(s.uncertain.size).toBe(0);
    expect(s.refs.get('review.pending')).toEqual({ text: '1' });
  });

  it('flags a cell the rules cannot decide, naming what it could be', () => {
    const s = solve([review([[1, 3, 0, 0, 4], [3, 1, 0, 0, 4]])], rules2019);
    expect(s.cells.get('review.upheld')).toBeNull();
    expect(s.uncertain.get('review.upheld')).toBe('这一格有多种不违反表格勾稽关系的读法（可能为 1、3），无法确定');
    expect(s.cells.get('review.total')).toBe(4);
    expect(s.uncertain.has('review.total')).toBe(false);
  });

  it('lists at most six possible values', () => {
    const vals = [0, 1, 2, 3, 4, 5, 6].map((a) => [a, 6 - a, 0, 0, 6]);
    const s = solve([review(vals)], rules2019);
    expect(s.uncertain.get('review.upheld')).toBe('这一格有多种不违反表格勾稽关系的读法（可能为 0、1、2、3、4、5 等），无法确定');
  });

  it('gives the reason a segment could not be read to each of its cells', () => {
    const s = solve([{ keys: ['review.upheld', 'review.total'], readings: [], exact: false, unread: '无法读出' }], rules2019);
    expect(s.cells.get('review.upheld')).toBeNull();
    expect(s.uncertain.get('review.total')).toBe('无法读出');
  });

  it('decides two rows together where each alone is open (a column sum across them)', () => {
    const keys = (r: string) => ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org', 'total'].map((c) => `apps.${r}.${c}`);
    const seg2 = (r: string, vals: number[][]): PlacedSegment => ({ keys: keys(r), readings: vals.map((values) => ({ values, refs: values.map(() => ({ text: '' })) })), exact: false });
    // new: 11|1 or 1|11 natural/commercial; total row says natural 12 when carried over 1.
    const s = solve([
      seg2('new', [[11, 1, 0, 0, 0, 0, 12], [1, 11, 0, 0, 0, 0, 12]]),
      seg2('carried_over', [[1, 0, 0, 0, 0, 0, 1]]),
      seg2('carried_forward', [[0, 0, 0, 0, 0, 0, 0]]),
      seg2('total', [[12, 1, 0, 0, 0, 0, 13]]),
    ], rules2019);
    expect(s.cells.get('apps.new.natural')).toBe(11);
    expect(s.cells.get('apps.new.commercial')).toBe(1);
    expect(s.chosen.get(s.chosen.keys().next().value!)).toEqual([0]);
    expect(s.uncertain.size).toBe(0);
  });

  it('stops when its budget is spent and flags what is still open instead of guessing', () => {
    const cols = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org', 'total'];
    // Two rows tied by rule 1 (new + carried over − carried forward = total), forty readings
    // each, none of which the rules prefer: 1,600 combinations, more than the search may try
    // within a budget of 1,000 steps.
    const many = (r: string): PlacedSegment => ({
      keys: cols.map((c) => `apps.${r}.${c}`),
      readings: Array.from({ length: 40 }, (_, a) => ({ values: [a, 0, 0, 0, 0, 0, 1000], refs: cols.map(() => ({ text: '' })) })),
      exact: false,
    });
    const s = solve([many('new'), many('carried_over')], rules2019, new Budget(1000 * STEP_COST.solve));
    expect(s.cells.get('apps.new.natural')).toBeNull();
    expect(s.uncertain.get('apps.new.natural')).toBe('这一格的读法太多，在限定的计算量内未能逐一核对（可能为 0、1、2、3、4、5 等），无法确定');
    // The cells every reading agrees on stay.
    expect(s.cells.get('apps.new.total')).toBe(1000);
  });

  it('reads 表二 (no rules) as printed', () => {
    const s = solve([{ keys: ['t2.rules.new_made'], readings: [{ values: [3], refs: [{ text: '3' }] }], exact: true }], withoutRules(rules2019));
    expect(s.cells.get('t2.rules.new_made')).toBe(3);
  });
});
