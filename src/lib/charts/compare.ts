/**
 * Pure option builders of the comparison views. Each puts its numbers into a keyed-column
 * `dataset` exactly as the query gave them (ratios as 0–1), nulls kept, and names its columns
 * by unit_key or by outcome id so a test can find every value again.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { Cell } from '../data/columns';
import type { MeasureFormat } from '../data/measures';
import { cellText, drawn, stateOf, type CellNote, type Pivot } from '../compare/pivot';
import { STATE_WORDS } from '../format/states';
import { formatCount, formatRatio, formatYuan, yuanScale } from './format';
import { axisTooltip, markText, marksUsed, noteText } from './marks';
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

/** The value axis; money in 万元 / 亿元 by its largest value (the data stay in 元). */
function valueAxis(m: MeasureLook, extra: Record<string, unknown> = {}, max = 0): Record<string, unknown> {
  if (m.format === 'ratio') {
    return { type: 'value', name: '%', min: 0, max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` }, ...extra };
  }
  if (m.format === 'yuan') {
    const { unit, div } = yuanScale(max);
    return { type: 'value', name: unit, axisLabel: { formatter: (v: number) => `${Number((v / div).toFixed(2))}` }, ...extra };
  }
  return { type: 'value', name: m.unit, ...(m.format === 'count' ? { minInterval: 1 } : {}), ...extra };
}

function maxOf(values: readonly unknown[]): number {
  return Math.max(0, ...values.filter((v): v is number => typeof v === 'number'));
}

/** Category labels that never overlap: shown all, rotated when many, cut with an ellipsis when long. */
function categoryAxis(n: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'category',
    // triggerEvent: Chart.svelte shows a cut label whole under the pointer.
    triggerEvent: true,
    axisLabel: { interval: 0, rotate: n > 4 ? 40 : 0, hideOverlap: true, width: 96, overflow: 'truncate', ...extra },
  };
}

/** Marks beside a point: n of a small-count rate, ※ for a report with 勾稽 findings, 导入. */
function markLabel(mark: (index: number) => string): Record<string, unknown> {
  return { show: true, position: 'top', fontSize: 10, color: '#7a4b00', formatter: (p: { dataIndex: number }) => mark(p.dataIndex) };
}

/** A pivot cell for a tooltip: value with unit, or its state; what it rests on. */
function pivotTip(p: Pivot, m: MeasureLook, u: number, y: number) {
  const v = p.values[u]?.[y];
  return { series: p.units[u]?.label ?? '', text: cellText(v, withUnit(m)), note: noteText(p.notes[u]?.[y], m.format === 'ratio') };
}

/** The formatter of a measure with its unit written out. */
export function withUnit(m: MeasureLook): (v: unknown) => string {
  const f = formatter(m.format);
  return m.format === 'count' ? (v) => `${f(v)} ${m.unit}` : f;
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
  // A body without a number that year is a labelled gap: its state is written under its name.
  const gap = p.values.map((row) => (yi >= 0 ? stateOf(row[yi]) : 'no_report'));
  return {
    ...withAria(title, source.label, [{ name: `${m.label}（${year}）`, values: source.value }], m.format),
    dataset: { dimensions: ['label', 'unit_key', 'value'], source },
    grid: { left: 72, right: 24, top: 36, bottom: 96, containLabel: false },
    xAxis: categoryAxis(p.units.length, {
      formatter: (v: string, i: number) => (gap[i] ? `${v}\n（${STATE_WORDS[gap[i]]}）` : v),
    }),
    yAxis: valueAxis(m, {}, maxOf(source.value)),
    tooltip: axisTooltip((_, i) => pivotTip(p, m, i, yi)),
    markKeys: marksUsed(p.notes.map((row) => row[yi]), m.format === 'ratio'),
    series: [{ type: 'bar', name: `${m.label}（${year}）`, encode: { x: 'label', y: 'value' },
      label: markLabel((i) => markText(p.notes[i]?.[yi], m.format === 'ratio')) }],
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
    yAxis: valueAxis(m, {}, maxOf(p.values.flat())),
    tooltip: axisTooltip((u, y) => pivotTip(p, m, u, y)),
    markKeys: marksUsed(p.notes.flat(), m.format === 'ratio'),
    series: p.units.map((u, i) => ({
      type: 'line', name: u.label, connectNulls: false, symbolSize: 7, encode: { x: 'year', y: u.key },
      label: markLabel((y) => markText(p.notes[i]?.[y], m.format === 'ratio')),
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
  const axisMax = m.format === 'yuan' ? max : 0;
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
    yAxis: p.units.map((_, i) => valueAxis(m, { gridIndex: i, max, min: 0, name: '' }, axisMax)),
    tooltip: axisTooltip((u, y) => pivotTip(p, m, u, y)),
    markKeys: marksUsed(p.notes.flat(), m.format === 'ratio'),
    series: p.units.map((u, i) => ({
      type: 'line', name: u.label, xAxisIndex: i, yAxisIndex: i, connectNulls: false, symbolSize: 5,
      encode: { x: 'year', y: u.key },
      label: markLabel((y) => markText(p.notes[i]?.[y], m.format === 'ratio')),
    })),
  };
}

/** The reports behind per-report categories, and what each rests on (compare/reports.ts). */
export interface ReportSource {
  reportIds: readonly string[];
  notes: readonly CellNote[];
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
  stack: boolean | ((id: string) => string), src?: readonly string[] | ReportSource): EChartsCoreOption {
  const stackOf = (id: string) => (typeof stack === 'function' ? { stack: stack(id) } : stack ? { stack: 'all' } : {});
  const reportIds = src && 'reportIds' in src ? src.reportIds : (src as readonly string[] | undefined);
  const notes = src && 'notes' in src ? src.notes : [];
  const ratio = m.format === 'ratio';
  const fmt = withUnit(m);
  const source: Record<string, (string | number | null)[]> = { label: [...categories] };
  // The reports behind the categories ride along in the dataset, so each bar names its source.
  if (reportIds) source.report_id = [...reportIds];
  for (const p of parts) source[p.id] = p.values;
  return {
    ...withAria(title, categories, parts.map((p) => ({ name: p.label, values: p.values })), m.format),
    dataset: { dimensions: ['label', ...(reportIds ? ['report_id'] : []), ...parts.map((p) => p.id)], source },
    grid: { left: 72, right: 24, top: 36, bottom: 96 },
    xAxis: categoryAxis(categories.length),
    yAxis: valueAxis(m, {}, maxOf(parts.flatMap((p) => p.values))),
    tooltip: axisTooltip((s, i) => ({
      series: parts[s]?.label ?? '',
      text: parts[s]?.values[i] === null || parts[s]?.values[i] === undefined ? STATE_WORDS.blank : fmt(parts[s].values[i]),
      note: s === 0 ? noteText(notes[i], ratio) : '',
    })),
    markKeys: marksUsed(notes, ratio),
    // The marks ride on the first series only: one per bar group is enough.
    series: parts.map((p, k) => ({ type: 'bar', name: p.label, ...stackOf(p.id), encode: { x: 'label', y: p.id },
      ...(k === 0 && notes.length ? { label: markLabel((i) => markText(notes[i], ratio)) } : {}) })),
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
export function compositionOption(title: string, categories: readonly string[], counts: readonly Part[], src?: readonly string[] | ReportSource): EChartsCoreOption {
  return partsOption(title, categories, shares(counts), { label: '占比', format: 'ratio', unit: '%' }, true, src);
}

/**
 * The pivot as a table: one row per body and year (in the chart's order), the figure as
 * the query gave it (ratios 0–1, shown as % in a spreadsheet) or the words of its state.
 */
export function pivotTable(p: Pivot, m: MeasureLook, years: readonly number[] = p.years): ChartTable {
  const idx = years.map((y) => p.years.indexOf(y));
  const rows: ChartTable['rows'] = [];
  const origin: ChartTable['origin'] = [];
  p.units.forEach((u, i) => idx.forEach((j, k) => {
    const v = j >= 0 ? p.values[i][j] : undefined;
    rows.push([u.label, years[k], typeof v === 'number' ? v : STATE_WORDS[stateOf(v) ?? 'no_report']]);
    origin.push(j >= 0 && p.notes[i][j]?.user ? 'user' : v === undefined ? null : 'shipped');
  }));
  return {
    columns: ['单位', '年度', m.label], rows, origin,
    formats: ['text', 'text', m.format === 'ratio' ? 'percent' : 'number'],
    units: [undefined, undefined, m.format === 'ratio' ? '比例' : m.format === 'yuan' ? '元' : m.unit],
  };
}

/** Parts as a table: one row per category, one column per part; a blank is 未填报. */
export function partsTable(header: string, categories: readonly string[], parts: readonly Part[], m?: MeasureLook, src?: ReportSource): ChartTable {
  const unit = m ? (m.format === 'ratio' ? '比例' : m.format === 'yuan' ? '元' : m.unit) : undefined;
  return {
    columns: [header, ...parts.map((p) => p.label)],
    rows: categories.map((c, i) => [c, ...parts.map((p) => p.values[i] ?? STATE_WORDS.blank)]),
    formats: ['text', ...parts.map(() => (m?.format === 'ratio' ? ('percent' as const) : ('number' as const)))],
    ...(unit ? { units: [undefined, ...parts.map(() => unit)] } : {}),
    ...(src ? { origin: src.notes.map((n) => (n.user ? ('user' as const) : ('shipped' as const))) } : {}),
  };
}
