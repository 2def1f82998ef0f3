/**
 * The drill-down's words and rows, kept out of the component so they are tested in Node: the
 * trail from 全国 down to the current place, what the places one level down are called, and
 * which rows a long list shows (the top and bottom N, the rest summarized, as rankings do).
 */
import { ancestors, childLength } from '../divisions/path';
import type { DivisionNames } from './filter';
import type { Pivot, RankRow } from './pivot';
import { topBottom, type RankSummary } from './topn';

/** More child places than this and the list shows its top and bottom N only. */
export const REGION_LIST_MAX = 30;

export interface Crumb {
  /** The place's code ('' = everywhere). */
  code: string;
  label: string;
}

export function crumbs(place: string, names: DivisionNames): Crumb[] {
  return [{ code: '', label: '全国' }, ...ancestors(place).map((code) => ({ code, label: names(code) ?? code }))];
}

const CHILD_NOUN: Record<number, string> = { 2: '省份', 4: '城市', 6: '区县', 9: '乡镇/街道' };

/** 省份 under 全国, 城市 under a province, …, 单位 under a township. */
export function childNoun(place: string): string {
  const n = childLength(place);
  return n === null ? '单位' : CHILD_NOUN[n];
}

/** The rows a drill list shows: all of them when few, else the top and bottom `n`. */
export function drillRows(ranked: readonly RankRow[], n: number): RankSummary {
  return topBottom(ranked, ranked.length > REGION_LIST_MAX ? n : ranked.length);
}

/** The pivot narrowed to `keys`, in their order (the bars of the rows a long list shows). */
export function pickRows(p: Pivot, keys: readonly string[]): Pivot {
  const at = new Map(p.units.map((u, i) => [u.key, i]));
  const idx = keys.map((k) => at.get(k)).filter((i): i is number => i !== undefined);
  return { units: idx.map((i) => p.units[i]), years: p.years, values: idx.map((i) => p.values[i]), notes: idx.map((i) => p.notes[i]) };
}
