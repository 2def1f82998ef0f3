/** The console's quick chart: one x column against one numeric y column, as bars or a line. */
import type { EChartsCoreOption } from 'echarts/core';
import { ariaDescription, baseOption } from '../charts/options';
import { formatCount } from '../charts/format';
import type { ChartTable } from '../charts/table';
import type { Cell } from '../data/columns';
import type { ResultGrid } from './result';

export type QuickKind = 'bar' | 'line';

export interface QuickChart {
  option: EChartsCoreOption;
  data: ChartTable;
}

/** null when a column is missing or y has no number to draw. */
export function quickChart(grid: ResultGrid, x: string, y: string, kind: QuickKind, title: string): QuickChart | null {
  const xi = grid.columns.findIndex((c) => c.name === x);
  const yi = grid.columns.findIndex((c) => c.name === y);
  if (xi < 0 || yi < 0) return null;
  const raw = grid.rows.map((r) => (r[xi] === null ? 'NULL' : String(r[xi])));
  const seen = new Map<string, number>();
  for (const l of raw) seen.set(l, (seen.get(l) ?? 0) + 1);
  // ECharts merges equal categories into one bar; a repeated x is told apart by its row number.
  const labels = raw.map((l, i) => ((seen.get(l) ?? 0) > 1 ? `${l}（第 ${i + 1} 行）` : l));
  // A null (or non-number) y stays a gap in the chart, never a 0.
  const values: (number | null)[] = grid.rows.map((r) => (typeof r[yi] === 'number' ? (r[yi] as number) : null));
  if (!values.some((v) => v !== null)) return null;
  const base = baseOption(title) as { aria: { label: Record<string, unknown> } };
  base.aria.label.description = ariaDescription(title, labels, [{ name: y, values, format: formatCount }]);
  const option: EChartsCoreOption = {
    ...base,
    dataset: { dimensions: ['x', 'y'], source: { x: labels, y: values } },
    grid: { left: 72, right: 32, top: 32, bottom: 96 },
    xAxis: { type: 'category', name: x, axisLabel: { interval: 'auto', rotate: labels.length > 8 ? 35 : 0 } },
    yAxis: { type: 'value', name: y },
    series: [kind === 'line' ? { type: 'line', name: y, encode: { x: 'x', y: 'y' }, connectNulls: false } : { type: 'bar', name: y, encode: { x: 'x', y: 'y' } }],
  };
  const data: ChartTable = { columns: [x, y], rows: grid.rows.map((r, i): Cell[] => [r[xi], values[i]]) };
  return { option, data };
}
