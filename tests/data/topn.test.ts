import { describe, expect, it } from 'vitest';
import type { PivotValue, RankRow } from '../../src/lib/compare/pivot';
import { missingLine, places, rankingTable, restLine, topBottom } from '../../src/lib/compare/topn';

const row = (key: string, value: PivotValue, previous: PivotValue = undefined): RankRow => ({
  key, label: key, value, previous,
  change: typeof value === 'number' && typeof previous === 'number' ? value - previous : null, changeRatio: null,
});
const fmt = (v: unknown) => String(v);

describe('top and bottom N with the rest summarized', () => {
  // 30 bodies with 300, 290, …, 10 (highest first, as ranking() gives them), and 3 without a number.
  const valued = Array.from({ length: 30 }, (_, i) => row(`u${i + 1}`, 300 - 10 * i));
  const rows = [...valued, row('x1', undefined), row('x2', null), row('x3', undefined)];

  it('keeps the first and last 3, summarizes the 24 between: median of 270…40 is 155, range 40—270', () => {
    const s = topBottom(rows, 3);
    expect(s.top.map((p) => [p.row.key, p.place])).toEqual([['u1', 1], ['u2', 2], ['u3', 3]]);
    expect(s.bottom.map((p) => [p.row.key, p.place])).toEqual([['u28', 28], ['u29', 29], ['u30', 30]]);
    expect(s.rest).toEqual({ count: 24, median: 155, min: 40, max: 270 });
    expect(restLine(s.rest!, fmt)).toBe('其余 24 个单位：中位数 155，范围 40—270');
  });

  it('counts the bodies without a number by why, never as 0; lists them only when few', () => {
    const s = topBottom(rows, 3);
    expect(s.missing).toEqual([{ state: 'no_report', count: 2 }, { state: 'blank', count: 1 }]);
    expect(s.missingRows.map((r) => r.key)).toEqual(['x1', 'x2', 'x3']);
    expect(topBottom(rows, 2).missingRows).toEqual([]);
    expect(missingLine(s.missing)).toBe('另有 3 个单位该年无数字（无此年报 2 个，未填报 1 个），不参与排名');
  });

  it('shows every body when the list is short (≤ 2N + 1), with no summary line', () => {
    const s = topBottom(valued.slice(0, 7), 3);
    expect(s.top).toHaveLength(7);
    expect(s.bottom).toEqual([]);
    expect(s.rest).toBeNull();
    // 300…210: top 300, 290, 280; bottom 230, 220, 210; between 270, 260, 250, 240.
    expect(topBottom(valued.slice(0, 10), 3).rest).toEqual({ count: 4, median: 255, min: 240, max: 270 });
    // 300…230: between the top 3 (300–280) and the bottom 3 (250–230), just 270 and 260.
    expect(topBottom(valued.slice(0, 8), 3).rest).toEqual({ count: 2, median: 265, min: 260, max: 270 });
  });

  it('gives equal figures the same place (1, 2, 2, 4) and an odd middle its middle value', () => {
    expect(places([row('a', 9), row('b', 5), row('c', 5), row('d', 1)]).map((p) => p.place)).toEqual([1, 2, 2, 4]);
    // Between the top 9, 8 and the bottom 2, 1: 7, 7, 5, 4, 3.
    const odd = [9, 8, 7, 7, 5, 4, 3, 2, 1].map((v, i) => row(`r${i}`, v));
    expect(topBottom(odd, 2).rest).toEqual({ count: 5, median: 5, min: 3, max: 7 });
    expect(restLine({ count: 2, median: 4, min: 4, max: 4 }, fmt)).toBe('其余 2 个单位：中位数 4，范围 4');
  });
});

describe('the full ranking for the CSV', () => {
  it('has every body, its place, both years and the change; a gap keeps its name', () => {
    const t = rankingTable([row('甲', 12, 10), row('乙', 12, undefined), row('丙', null, 3)], 2024, '收到申请');
    expect(t.columns).toEqual(['名次', '单位', '2024 年收到申请', '2023 年收到申请', '变化']);
    expect(t.rows).toEqual([
      [1, '甲', 12, 10, 2],
      [1, '乙', 12, '无此年报', null],
      [null, '丙', '未填报', 3, null],
    ]);
  });
});
