/**
 * Pure option builders of the comparison views. Each puts its numbers into a keyed-column
 * `dataset` exactly as the query gave them (ratios as 0–1), nulls kept, and names its columns
 * by unit_key or by outcome id so a test can find every value again.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { Cell } from '../data/columns';
import type { MeasureFormat } from '../data/measures';
import { drawn, exportCell, type Pivot } from '../compare/pivot';
import { formatCount, formatRatio, formatYuan } from './format';
import { ariaDescription, baseOption } from './options';
import type { ChartTable } from './table';

export interface MeasureLook {
  label: string;
  format: MeasureFormat;
  /** 件 / 个 / 元 / % */
  unit: string;
}

export function formatter(f: MeasureFormat): (v: unknown) => string {
  return f === 'ratio' ? formatRatio : f === 'yuan' ? formatYuan : formatCount;
}

function valueAxis(m: MeasureLook, extra: Record<string, unknown> = {}): Record<string, unknown> {
  if (m.format === 'ratio') {
    return { type: 'value', name: '%', min: 0, max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` }, ...extra };
  }
  return { type: 'value', name: m.unit, ...(m.format === 'count' ? { minInterval: 1 } : {}), ...extra };
}

function withAria(title: string, labels: readonly string[], series: { name: string; values: readonly Cell[] }[], f: MeasureFormat): EChartsCoreOption {
  const base = baseOption(title) as { aria: { label: Record<string, unknown> } };
  base.aria.label.description = ariaDescription(title, labels, series.map((s) => ({ ...s, format: formatter(f) })));
  return base;
}

/** One bar per body for one year. */
export function barsOption(title: string, p: Pivot, year: number, m: MeasureLook): EChartsCoreOption {
  const yi = p.years.indexOf(year);
  const source = {
    unit_key: p.units.map((u) => u.key),
    label: p.units.map((u) => u.label),
    value: p.values.map((row) => (yi >= 0 ? drawn(row[yi]) : null)),
  };
  return {
    ...withAria(title, source.label, [{ name: `${m.label}（${year}）`, values: source.value }], m.format),
    dataset: { dimensions: ['label', 'unit_key', 'value'], source },
    grid: { left: 72, right: 24, top: 36, bottom: 80 },
    xAxis: { type: 'category', axisLabel: { interval: 0, rotate: p.units.length > 6 ? 30 : 0 } },
    yAxis: valueAxis(m),
    series: [{ type: 'bar', name: `${m.label}（${year}）`, encode: { x: 'label', y: 'value' } }],
  };
}

function yearSource(p: Pivot): Record<string, (string | number | null)[]> {
  const source: Record<string, (string | number | null)[]> = { year: p.years.map(String) };
  p.units.forEach((u, i) => (source[u.key] = p.values[i].map(drawn)));
  return source;
}

/** One line per body over the years; a year without a number is a gap, not a zero. */
export function linesOption(title: string, p: Pivot, m: MeasureLook): EChartsCoreOption {
  const source = yearSource(p);
  return {
    ...withAria(title, source.year as string[], p.units.map((u) => ({ name: u.label, values: source[u.key] })), m.format),
    dataset: { dimensions: ['year', ...p.units.map((u) => u.key)], source },
    grid: { left: 72, right: 24, top: 36, bottom: 40 },
    xAxis: { type: 'category' },
    yAxis: valueAxis(m),
    series: p.units.map((u) => ({
      type: 'line', name: u.label, connectNulls: false, symbolSize: 7, encode: { x: 'year', y: u.key },
    })),
  };
}

/** 1, 2, 5 × 10^k at or above `v`: a shared axis maximum that reads well. */
export function niceMax(v: number): number {
  if (!(v > 0)) return 1;
  const k = 10 ** Math.floor(Math.log10(v));
  return ([1, 2, 5, 10].find((s) => s * k >= v) ?? 10) * k;
}

export const MULTIPLE_COLUMNS = 3;
export const MULTIPLE_HEIGHT = 170;

/** One small chart per body, all on the same axes (same years, same maximum). */
export function multiplesOption(title: string, p: Pivot, m: MeasureLook): EChartsCoreOption {
  const source = yearSource(p);
  const numbers = p.values.flat().filter((v): v is number => typeof v === 'number');
  const max = m.format === 'ratio' ? 1 : niceMax(Math.max(0, ...numbers));
  const w = 100 / MULTIPLE_COLUMNS;
  const grid = p.units.map((_, i) => ({
    left: `${(i % MULTIPLE_COLUMNS) * w + 6}%`, width: `${w - 9}%`,
    top: Math.floor(i / MULTIPLE_COLUMNS) * MULTIPLE_HEIGHT + 40, height: MULTIPLE_HEIGHT - 80,
  }));
  return {
    ...withAria(title, source.year as string[], p.units.map((u) => ({ name: u.label, values: source[u.key] })), m.format),
    dataset: { dimensions: ['year', ...p.units.map((u) => u.key)], source },
    grid,
    // The body's name sits where a title would, as the x axis name: TitleComponent is not bundled.
    xAxis: p.units.map((u, i) => ({ type: 'category', gridIndex: i, name: u.label, nameLocation: 'start', nameGap: 0,
      nameTextStyle: { align: 'left', verticalAlign: 'bottom', padding: [0, 0, MULTIPLE_HEIGHT - 50, 0], fontWeight: 600 } })),
    yAxis: p.units.map((_, i) => valueAxis(m, { gridIndex: i, max, min: 0, name: '' })),
    series: p.units.map((u, i) => ({
      type: 'line', name: u.label, xAxisIndex: i, yAxisIndex: i, connectNulls: false, symbolSize: 5,
      encode: { x: 'year', y: u.key },
    })),
  };
}

export interface Part {
  id: string;
  label: string;
  values: (number | null)[];
}

/**
 * Bars per category, one series per part: side by side, all in one stack, or in stacks named
 * by `stack(part id)` (several stacked bars per category).
 */
export function partsOption(title: string, categories: readonly string[], parts: readonly Part[], m: MeasureLook,
  stack: boolean | ((id: string) => string), reportIds?: readonly string[]): EChartsCoreOption {
  const stackOf = (id: string) => (typeof stack === 'function' ? { stack: stack(id) } : stack ? { stack: 'all' } : {});
  const source: Record<string, (string | number | null)[]> = { label: [...categories] };
  // The reports behind the categories ride along in the dataset, so each bar names its source.
  if (reportIds) source.report_id = [...reportIds];
  for (const p of parts) source[p.id] = p.values;
  return {
    ...withAria(title, categories, parts.map((p) => ({ name: p.label, values: p.values })), m.format),
    dataset: { dimensions: ['label', ...(reportIds ? ['report_id'] : []), ...parts.map((p) => p.id)], source },
    grid: { left: 72, right: 24, top: 36, bottom: 90 },
    xAxis: { type: 'category', axisLabel: { interval: 0, rotate: categories.length > 6 ? 30 : 0 } },
    yAxis: valueAxis(m),
    series: parts.map((p) => ({ type: 'bar', name: p.label, ...stackOf(p.id), encode: { x: 'label', y: p.id } })),
  };
}

/**
 * Shares of a whole per category: each part over the sum of all parts. A category with any
 * part missing, or a zero sum, gets no shares at all (a partial bar would misstate them).
 */
export function shares(parts: readonly Part[]): Part[] {
  const n = parts[0]?.values.length ?? 0;
  const sums = Array.from({ length: n }, (_, i) =>
    parts.reduce<number | null>((s, p) => (s === null || p.values[i] === null ? null : s + (p.values[i] as number)), 0));
  return parts.map((p) => ({ ...p, values: p.values.map((v, i) => (v === null || !sums[i] ? null : v / (sums[i] as number))) }));
}

/** 100 % stacked composition of outcomes per category (body-year). */
export function compositionOption(title: string, categories: readonly string[], counts: readonly Part[], reportIds?: readonly string[]): EChartsCoreOption {
  return partsOption(title, categories, shares(counts), { label: '占比', format: 'ratio', unit: '%' }, true, reportIds);
}

/** The pivot as the chart shows it: 单位 × 年度. Ratios in percent, empty kinds in words. */
export function pivotTable(p: Pivot, m: MeasureLook, years: readonly number[] = p.years): ChartTable {
  const idx = years.map((y) => p.years.indexOf(y));
  return {
    columns: ['单位', ...years.map(String)],
    rows: p.units.map((u, i) => [u.label, ...idx.map((j) => exportCell(j >= 0 ? p.values[i][j] : undefined, m.format === 'ratio'))]),
  };
}

/** Parts as a table: one row per category, one column per part. */
export function partsTable(header: string, categories: readonly string[], parts: readonly Part[]): ChartTable {
  return {
    columns: [header, ...parts.map((p) => p.label)],
    rows: categories.map((c, i) => [c, ...parts.map((p) => p.values[i] ?? '未报告')]),
  };
}
