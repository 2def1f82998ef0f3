import { describe, expect, it } from 'vitest';
import { quickChart } from '../../src/lib/sql/chart';
import type { ResultGrid } from '../../src/lib/sql/result';

const grid: ResultGrid = {
  columns: [{ name: '单位', type: 'Utf8', numeric: false }, { name: 'n', type: 'Float64', numeric: true }],
  rows: [['平潭', 3], ['洪泽', null], [null, 0]],
};

describe('quick chart of a console result', () => {
  it('keeps nulls as gaps and passes the exact values on as the chart table', () => {
    const c = quickChart(grid, '单位', 'n', 'bar', 't')!;
    const ds = (c.option as { dataset: { source: { x: unknown[]; y: unknown[] } } }).dataset.source;
    expect(ds.y).toEqual([3, null, 0]);
    expect(ds.x).toEqual(['平潭', '洪泽', 'NULL']);
    expect(c.data).toEqual({ columns: ['单位', 'n'], rows: [['平潭', 3], ['洪泽', null], [null, 0]] });
    const aria = JSON.stringify(c.option);
    expect(aria).toContain('未填报');
    expect(aria).not.toContain('NaN');
  });

  it('keeps one bar per row when x repeats', () => {
    const g: ResultGrid = { columns: grid.columns, rows: [['平潭', 1], ['平潭', 2], ['洪泽', 3]] };
    const ds = (quickChart(g, '单位', 'n', 'bar', 't')!.option as { dataset: { source: { x: unknown[] } } }).dataset.source;
    expect(ds.x).toEqual(['平潭（第 1 行）', '平潭（第 2 行）', '洪泽']);
  });

  it('draws nothing when y has no number or a column is unknown', () => {
    expect(quickChart(grid, '单位', '单位', 'line', 't')).toBeNull();
    expect(quickChart(grid, 'x', 'n', 'line', 't')).toBeNull();
  });
});
