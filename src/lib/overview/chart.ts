/**
 * The overview's two charts, one per measure (no twin axes): 收到申请 and 公开率 each as one
 * bar group per body with a bar per year — never a line joining different bodies. Each body
 * has one name, its latest title, whatever its reports were titled. One body alone (the unit
 * page) is drawn over its years instead. Bars only: line charts are not in the first screen's JS.
 */
import type { EChartsCoreOption } from 'echarts/core';
import { column, type Columnar } from '../data/columns';
import { MEASURE_LABELS } from '../format/measure-labels';
import { STATE_WORDS, type EmptyState } from '../format/states';
import { formatCount, formatRatio, shortUnit } from '../charts/format';
import { axisTooltip, markText, marksUsed, noteText } from '../charts/marks';
import { ariaDescription, baseOption } from '../charts/options';
import type { CellNote } from '../compare/pivot';
import type { ChartTable } from '../charts/table';

export const HEADLINE_TITLE = `各单位历年${MEASURE_LABELS.received}数`;
export const RATE_TITLE = `各单位历年${MEASURE_LABELS.disclosure_rate}`;

export interface HeadRow {
  report_id: string;
  unit_key: string;
  unit: string;
  year: number;
  received: number | null;
  handled: number | null;
  disclosure_rate: number | null;
  note: CellNote;
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Rows of the headline result; `unit_key` falls back to the title when the source lacks it. */
export function headRows(h: Columnar): HeadRow[] {
  const opt = (n: string) => (h.getChild(n) ? column(h, n) : null);
  const [ids, keys, units, years, rec, han, rate, fin, origin] =
    ['report_id', 'unit_key', 'unit', 'year', 'received', 'handled', 'disclosure_rate', 'n_findings', 'origin'].map(opt);
  return (ids ?? []).map((id, i) => ({
    report_id: String(id),
    unit_key: String(keys?.[i] ?? units?.[i] ?? ''),
    unit: String(units?.[i] ?? ''),
    year: Number(years?.[i]),
    received: num(rec?.[i]),
    handled: num(han?.[i]),
    disclosure_rate: num(rate?.[i]),
    note: { report_id: String(id), n: num(han?.[i]), findings: num(fin?.[i]) ?? 0, user: origin?.[i] === 'user' },
  }));
}

export interface HeadGrid {
  /** One per body: unit_key and its one display name (latest title, short). */
  units: { key: string; label: string }[];
  years: number[];
  /** at[u][y]: the body's report of that year, if any. */
  at: (HeadRow | undefined)[][];
}

export function headGrid(rows: readonly HeadRow[]): HeadGrid {
  const latest = new Map<string, HeadRow>();
  for (const r of rows) if (!latest.has(r.unit_key) || latest.get(r.unit_key)!.year <= r.year) latest.set(r.unit_key, r);
  const units = [...latest.values()].map((r) => ({ key: r.unit_key, label: shortUnit(r.unit) }));
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const at = units.map((u) => years.map((y) => rows.find((r) => r.unit_key === u.key && r.year === y)));
  return { units, years, at };
}

function stateOfReceived(r: HeadRow | undefined): EmptyState | null {
  return !r ? 'no_report' : r.received === null ? 'blank' : null;
}

function stateOfRate(r: HeadRow | undefined): EmptyState | null {
  if (!r) return 'no_report';
  if (r.disclosure_rate !== null) return null;
  return r.handled === 0 ? 'zero_base' : 'blank';
}

type Kind = 'received' | 'rate';

/** The line under a chart's title: which bodies and years it draws. */
export function headlineSubtitle(g: HeadGrid, kind: Kind): string {
  const years = g.years.length ? `${g.years[0]}—${g.years.at(-1)} 年` : '';
  return `全部 ${g.units.length} 个单位 · ${years} · ${kind === 'received' ? '每组一个单位，每柱一个年度' : '每柱一个年度'}`;
}

/** Either chart: bodies on the axis and a series per year, or one body's years and one series. */
export function headlineOption(g: HeadGrid, kind: Kind): EChartsCoreOption {
  const title = kind === 'received' ? HEADLINE_TITLE : RATE_TITLE;
  const value = (r: HeadRow | undefined) => (r ? (kind === 'received' ? r.received : r.disclosure_rate) : null);
  const state = kind === 'received' ? stateOfReceived : stateOfRate;
  const fmt = kind === 'received' ? (v: unknown) => `${formatCount(v)} 件` : formatRatio;
  const ratio = kind === 'rate';
  const single = g.units.length === 1;
  // categories × series: bodies × years, or (one body) years × that body
  const cats = single ? g.years.map(String) : g.units.map((u) => u.label);
  const series = single ? [g.units[0]?.label ?? ''] : g.years.map(String);
  const cell = (s: number, c: number) => (single ? g.at[0][c] : g.at[c][s]);
  const source: Record<string, (string | number | null)[]> = { label: cats };
  series.forEach((_, s) => (source[`s${s}`] = cats.map((_, c) => value(cell(s, c)))));
  const base = baseOption(title) as { aria: { label: Record<string, unknown> } };
  // Screen readers hear each gap as its state, never as 0 or NaN.
  base.aria.label.description = ariaDescription(title, cats, series.map((name, s) => ({
    name,
    values: cats.map((_, c) => { const r = cell(s, c); const st = state(r); return st ? STATE_WORDS[st] : value(r); }),
    format: (v: unknown) => (typeof v === 'string' ? v : fmt(v)),
  })));
  const label = (s: number) => ({
    show: true, position: 'top', fontSize: 10, color: '#7a4b00',
    formatter: (p: { dataIndex: number }) => markText(cell(s, p.dataIndex)?.note, ratio),
  });
  return {
    ...base,
    dataset: { dimensions: ['label', ...series.map((_, s) => `s${s}`)], source },
    grid: { left: 56, right: 16, top: 36, bottom: 72 },
    xAxis: { type: 'category', triggerEvent: true, axisLabel: { interval: 0, rotate: cats.length > 4 ? 35 : 0, hideOverlap: true, width: 90, overflow: 'truncate' } },
    yAxis: ratio
      ? { type: 'value', name: MEASURE_LABELS.disclosure_rate, min: 0, max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } }
      : { type: 'value', name: '件', minInterval: 1 },
    tooltip: axisTooltip((s, c) => {
      const r = cell(s, c);
      const st = state(r);
      return { series: series[s], text: st ? STATE_WORDS[st] : fmt(value(r)), note: noteText(r?.note, ratio) };
    }),
    markKeys: marksUsed(g.at.flat().map((r) => r?.note), ratio),
    series: series.map((name, s) => ({ type: 'bar', name, encode: { x: 'label', y: `s${s}` }, label: label(s) })),
  };
}

/** The headline figures for export: one row per report, states in words, origin per row. */
export function headlineTable(rows: readonly HeadRow[]): ChartTable {
  return {
    columns: ['单位', '年度', MEASURE_LABELS.received, MEASURE_LABELS.handled, MEASURE_LABELS.disclosure_rate],
    rows: rows.map((r) => [r.unit, r.year,
      r.received ?? STATE_WORDS.blank, r.handled ?? STATE_WORDS.blank,
      r.disclosure_rate ?? STATE_WORDS[stateOfRate(r) ?? 'blank']]),
    formats: ['text', 'text', 'number', 'number', 'percent'],
    units: [undefined, undefined, '件', '件', '比例'],
    origin: rows.map((r) => (r.note.user ? 'user' : 'shipped')),
  };
}
