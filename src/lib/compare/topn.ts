/**
 * A long ranking made readable: the top N and the bottom N bodies by their figure, and the
 * bodies between them summarized (how many, their median, their range), so a province of
 * hundreds of units fits on a screen. Bodies without a number are counted by why (无此年报,
 * 未填报, …), never ranked as 0. The full ranking stays in the CSV export (rankingTable).
 */
import type { ChartTable } from '../charts/table';
import { quantile } from '../data/quantile';
import { STATE_WORDS, type EmptyState } from '../format/states';
import { stateOf, type RankRow } from './pivot';

export interface Placed {
  row: RankRow;
  /** 1 + the number of bodies with a higher figure: equal figures share a place. */
  place: number;
}

export interface RankSummary {
  top: Placed[];
  /** Empty when every valued body is in `top`. */
  bottom: Placed[];
  /** The valued bodies between top and bottom; null when there are none. */
  rest: { count: number; median: number; min: number; max: number } | null;
  /** Bodies without a number in the year, by why. */
  missing: { state: EmptyState; count: number }[];
  /** The bodies without a number themselves, when few enough to list (≤ n). */
  missingRows: RankRow[];
}

/** Competition places (1, 2, 2, 4) of rows already ranked highest first. */
export function places(rows: readonly RankRow[]): Placed[] {
  const out: Placed[] = [];
  rows.forEach((row, i) => {
    const prev = out[i - 1];
    out.push({ row, place: prev && prev.row.value === row.value ? prev.place : i + 1 });
  });
  return out;
}

/** `rows` as ranking() returns them: valued bodies highest first, then those without a number. */
export function topBottom(rows: readonly RankRow[], n = 10): RankSummary {
  const valued = places(rows.filter((r) => typeof r.value === 'number'));
  const empty = rows.filter((r) => typeof r.value !== 'number');
  const counts = new Map<EmptyState, number>();
  for (const r of empty) { const s = stateOf(r.value)!; counts.set(s, (counts.get(s) ?? 0) + 1); }
  const missing = [...counts].map(([state, count]) => ({ state, count }));
  const missingRows = empty.length <= n ? empty : [];
  // A summary line must stand for at least two bodies, or it hides more than it saves.
  if (valued.length <= 2 * n + 1) return { top: valued, bottom: [], rest: null, missing, missingRows };
  const middle = valued.slice(n, valued.length - n).map((p) => p.row.value as number).sort((a, b) => a - b);
  return {
    top: valued.slice(0, n),
    bottom: valued.slice(valued.length - n),
    rest: { count: middle.length, median: quantile(middle, 0.5), min: middle[0], max: middle[middle.length - 1] },
    missing,
    missingRows,
  };
}

/** The line that stands for the middle of the ranking. */
export function restLine(rest: NonNullable<RankSummary['rest']>, format: (v: unknown) => string, noun = '单位'): string {
  const range = rest.min === rest.max ? format(rest.min) : `${format(rest.min)}—${format(rest.max)}`;
  return `其余 ${rest.count} 个${noun}：中位数 ${format(rest.median)}，范围 ${range}`;
}

/** The bodies without a number, in words: 另有 5 个单位无数字（无此年报 3 个，未填报 2 个）. */
export function missingLine(missing: RankSummary['missing'], noun = '单位'): string {
  const total = missing.reduce((s, m) => s + m.count, 0);
  if (!total) return '';
  return `另有 ${total} 个${noun}该年无数字（${missing.map((m) => `${STATE_WORDS[m.state]} ${m.count} 个`).join('，')}），不参与排名`;
}

/** Every body of the ranking, for the CSV export: place, body, this year, last year, change. */
export function rankingTable(rows: readonly RankRow[], year: number, label: string): ChartTable {
  const placed = new Map(places(rows.filter((r) => typeof r.value === 'number')).map((p) => [p.row.key, p.place]));
  const figure = (v: RankRow['value']) => (typeof v === 'number' ? v : STATE_WORDS[stateOf(v)!]);
  return {
    columns: ['名次', '单位', `${year} 年${label}`, `${year - 1} 年${label}`, '变化'],
    rows: rows.map((r) => [placed.get(r.key) ?? null, r.label, figure(r.value), figure(r.previous), r.change]),
    // 名次 and 变化 may be empty without being a missing figure: no state column for them.
    formats: ['text', 'text', 'number', 'number', 'text'],
  };
}
