/**
 * Which printed rows each run of figures belongs to (align.ts) and the rows each table is
 * expected to print (layout.ts). Small hand-made tables; the expected rows are written out.
 */
import { describe, expect, it } from 'vitest';
import { align, blankEnds, capacity, segmentsOf, type Segment } from '../../src/lib/parse/align';
import { labelContradicts, labelNames, outOfOrder } from '../../src/lib/parse/naming';
import { layouts, type RowSpec } from '../../src/lib/parse/layout';
import type { Piece, ValuePiece } from '../../src/lib/parse/pieces';

const L = (text: string, line: number): Piece => ({ kind: 'label', text, line });
const V = (raw: string, line: number, more: Partial<ValuePiece> = {}): ValuePiece => ({
  kind: 'value', raw, value: raw === '' ? null : Number(raw), glued: false, cellular: false, ref: { text: raw }, line, ...more,
});
const row = (cue: string, n = 3, extra: Partial<RowSpec> = {}): RowSpec => ({ id: cue, keys: Array.from({ length: n }, (_, i) => `${cue}.${i}`), cues: [cue], ...extra });
const ROWS = [row('甲'), row('乙'), row('丙')];
const seg = (label: string, raws: string[], more: Partial<Segment> = {}): Segment => ({
  label, labelLine: 0, lineLabel: label, values: raws.map((r) => V(r, 0)), ...more,
});

describe('runs of figures', () => {
  it('gives each run the label printed before it, and the part of it on the last label line', () => {
    const segs = segmentsOf([L('一、', 0), L('甲', 1), V('1', 1), V('2', 1), L('乙', 2), V('3', 2)]);
    expect(segs.map((s) => [s.label, s.labelLine, s.lineLabel, s.values.map((v) => v.raw)])).toEqual([
      ['一、甲', 1, '甲', ['1', '2']],
      ['乙', 2, '乙', ['3']],
    ]);
  });

  it('keeps a loose number beside a table row apart from the row', () => {
    const segs = segmentsOf([L('甲', 0), V('1', 0, { cellular: true }), V('2', 0, { cellular: true }), V('9', 1)]);
    expect(segs.map((s) => s.values.map((v) => v.raw))).toEqual([['1', '2'], ['9']]);
  });

  it('keeps a heading row\'s blank padding apart from the next row\'s figures', () => {
    const segs = segmentsOf([L('甲', 0), V('', 0, { pad: true }), V('', 0, { pad: true }), V('5', 1)]);
    expect(segs.map((s) => s.values.map((v) => v.raw))).toEqual([['', ''], ['5']]);
  });

  it('sets a page number apart and lets the label before it keep the figures after it', () => {
    const segs = segmentsOf([L('甲', 0), V('7', 1, { furniture: true }), V('1', 2), V('2', 2)]);
    expect(segs.map((s) => [s.label, s.furniture === true, s.values.map((v) => v.raw)])).toEqual([
      ['', true, ['7']],
      ['甲', false, ['1', '2']],
    ]);
  });

  it('keeps a page number inside a run beside that run', () => {
    const segs = segmentsOf([L('甲', 0), V('1', 0), V('7', 1, { furniture: true }), V('2', 2), L('乙', 3), V('3', 3)]);
    expect(segs.map((s) => s.values.map((v) => v.raw))).toEqual([['1', '2'], ['7'], ['3']]);
  });

  it('counts blanks at each end and the cells a run can fill', () => {
    const s = seg('甲', ['', '1', '', '2', '', '']);
    expect(blankEnds(s)).toEqual({ lead: 1, trail: 2 });
    expect(capacity(s, false)).toEqual([3, 6]);
    expect(blankEnds(seg('甲', ['', '']))).toEqual({ lead: 2, trail: 0 });
    // Run-together digits can fill one cell per digit.
    expect(capacity(seg('甲', ['1205', '7']), true)).toEqual([2, 5]);
    expect(capacity(seg('甲', ['', '']), false)).toEqual([1, 2]);
  });
});

describe('what a label says', () => {
  it('names the one row it ends with', () => {
    expect(labelNames('甲', ROWS, [0], new Set())).toBe(true);
    expect(labelNames('甲', ROWS, [1], new Set())).toBe(false);
    // The row named last is the row: 甲 heads a group, 乙 is the row.
    expect(labelNames('甲乙', ROWS, [1], new Set([0]))).toBe(true);
    expect(labelNames('any', [row('甲')], [0], new Set())).toBe(true);
  });

  it('does not establish a row when it also names a row no figures went to', () => {
    expect(labelNames('甲乙', ROWS, [1], new Set())).toBe(false);
    expect(labelNames('甲乙', ROWS, [1], new Set([0]))).toBe(true);
  });

  it('names several rows only in their printed order', () => {
    expect(labelNames('甲乙', ROWS, [0, 1], new Set())).toBe(true);
    expect(labelNames('乙甲', ROWS, [0, 1], new Set())).toBe(false);
    expect(labelNames('甲', ROWS, [0, 1], new Set())).toBe(false);
  });

  it('contradicts a placement only when it names rows and none of them is placed', () => {
    expect(labelContradicts('丙', ROWS, [0])).toBe(true);
    expect(labelContradicts('甲丙', ROWS, [0])).toBe(false);
    expect(labelContradicts('其他', ROWS, [0])).toBe(false);
  });

  it('sees rows printed backwards, ignoring runs of blanks and unnamed runs', () => {
    expect(outOfOrder([seg('甲', ['1']), seg('丙', ['2']), seg('乙', ['3'])], ROWS)).toBe(true);
    expect(outOfOrder([seg('甲', ['1']), seg('', ['5']), seg('乙', ['3'])], ROWS)).toBe(false);
    expect(outOfOrder([seg('乙', ['1']), seg('甲', ['', '']), seg('丙', ['3'])], ROWS)).toBe(false);
  });
});

describe('placing runs on rows', () => {
  const rowsOf = (segs: Segment[], rows = ROWS, glued = false) => align(segs, rows, glued).placements.map((p) => [p.seg, p.rows, p.short === true]);

  it('places labelled rows on the rows they name', () => {
    expect(rowsOf([seg('甲', ['1', '2', '3']), seg('乙', ['4', '5', '6']), seg('丙', ['7', '8', '9'])]))
      .toEqual([[0, [0], false], [1, [1], false], [2, [2], false]]);
  });

  it('skips a row the report did not print', () => {
    expect(rowsOf([seg('甲', ['1', '2', '3']), seg('丙', ['7', '8', '9'])])).toEqual([[0, [0], false], [1, [2], false]]);
  });

  it('follows the form\'s order where labels are missing', () => {
    expect(rowsOf([seg('', ['1', '2', '3']), seg('', ['4', '5', '6']), seg('', ['7', '8', '9'])]))
      .toEqual([[0, [0], false], [1, [1], false], [2, [2], false]]);
  });

  it('places one run over several rows whose labels it prints in order', () => {
    expect(rowsOf([seg('甲乙', ['1', '2', '3', '4', '5', '6']), seg('丙', ['7', '8', '9'])]))
      .toEqual([[0, [0, 1], false], [1, [2], false]]);
  });

  it('places a run with more figures than its named row has cells as short, to be flagged', () => {
    expect(rowsOf([seg('甲', ['1', '2', '3'])], [row('甲', 1)])).toEqual([[0, [0], true]]);
    // Run-together digits are never placed short: the split decides.
    expect(rowsOf([seg('甲', ['1', '2', '3'])], [row('甲', 1)], true)).toEqual([]);
  });

  it('passes over a page number between rows', () => {
    const page = { ...seg('', ['2']), furniture: true };
    expect(rowsOf([seg('甲', ['1', '2', '3']), page, seg('乙', ['4', '5', '6'])])).toEqual([[0, [0], false], [2, [1], false]]);
  });

  it('leaves an optional heading row without figures unfilled at no cost', () => {
    const rows = [row('甲'), row('组', 3, { optional: true }), row('乙')];
    const al = align([seg('甲', ['1', '2', '3']), seg('乙', ['4', '5', '6'])], rows, false);
    expect(al.placements.map((p) => p.rows)).toEqual([[0], [2]]);
    expect(al.score).toBe(16);
  });

  it('places a run of blank padding only on the row its label names', () => {
    const pad = (label: string) => ({ ...seg(label, []), values: [V('', 0, { pad: true }), V('', 0, { pad: true }), V('', 0, { pad: true })] });
    expect(rowsOf([seg('甲', ['1', '2', '3']), pad('乙'), seg('丙', ['7', '8', '9'])])).toEqual([[0, [0], false], [1, [1], false], [2, [2], false]]);
    expect(rowsOf([seg('甲', ['1', '2', '3']), pad(''), seg('丙', ['7', '8', '9'])])).toEqual([[0, [0], false], [2, [2], false]]);
  });
});

describe('the rows each table prints', () => {
  it('reads 2021\'s 表三 with （六）其他处理 as three rows, or as the single row some reports keep', () => {
    const [sub, single] = layouts('2021').t3;
    expect(sub.variant).toBe('sub-rows');
    expect(sub.rows.map((r) => r.id)).toContain('other_misc');
    expect(sub.rows.map((r) => r.id)).not.toContain('other');
    expect(single.variant).toBe('single-other');
    expect(single.rows.map((r) => r.id)).toContain('other');
    expect(single.rows.some((r) => r.id.startsWith('other_'))).toBe(false);
    expect(layouts('2019').t3.map((l) => l.variant)).toEqual(['single-other']);
  });

  it('names 3.其他 only by its number, and gives every 表三 row seven cells ending in its total', () => {
    const sub = layouts('2021').t3[0];
    expect(sub.rows.find((r) => r.id === 'other_misc')!.cues).toEqual(['3.其他', '3、其他']);
    for (const r of sub.rows) {
      expect(r.keys).toEqual(['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org', 'total'].map((c) => `apps.${r.id}.${c}`));
      expect(r.lastIsTotal).toBe(true);
    }
  });

  it('reads 表四 as one row of fifteen cells, review first', () => {
    const [t4] = layouts('2019').t4;
    expect(t4.rows).toHaveLength(1);
    expect(t4.rows[0].keys).toHaveLength(15);
    expect(t4.rows[0].keys.slice(0, 5)).toEqual(['review.upheld', 'review.corrected', 'review.other', 'review.pending', 'review.total']);
  });

  it('knows 表二\'s money columns: 元 for 2019 procurement, 万元 for 2021 fees', () => {
    const p = layouts('2019').t2[0].rows.find((r) => r.id === 'procurement')!;
    expect(p.keys).toEqual(['t2.procurement.items', 't2.procurement.amount_yuan']);
    expect(p.money).toEqual([undefined, 'yuan']);
    const f = layouts('2021').t2[0].rows.find((r) => r.id === 'fees')!;
    expect(f.money).toEqual(['wan']);
    expect(layouts('2021').t2[0].rows.find((r) => r.id === 'normative')!.cues).toEqual(['行政规范性文件', '规范性文件']);
  });
});
