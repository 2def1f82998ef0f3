/**
 * Choosing bodies: search by name (any title the body reported under, or its division's name),
 * pinyin, initials or division code (search/match.ts), and narrowing by province / city /
 * county code and level. Pure, so it is tested in Node.
 */
import { validPrefix } from '../divisions/path';
import { LEVEL_LABELS, type Level } from '../format';
import { entryCache, matchScore, parseQuery, rankMatches } from '../search/match';
import type { UnitInfo } from './pivot';

export interface UnitFilter {
  q: string;
  level: string;
  province: string;
  city: string;
  county: string;
  town: string;
}

/** Code → Chinese name of provinces, cities and counties; null until the table has loaded. */
export type DivisionNames = (code: string) => string | null;

/** Per-body charts are drawn for at most this many bodies (a place of thousands is summarized). */
export const UNIT_CHART_MAX = 100;

export const NO_FILTER: UnitFilter = { q: '', level: '', province: '', city: '', county: '', town: '' };

/** The narrowest place chosen, as a division-code prefix ('' = everywhere): the drill-down's position. */
export function placeOf(f: Pick<UnitFilter, 'province' | 'city' | 'county' | 'town'>): string {
  return validPrefix(f.town || f.county || f.city || f.province);
}

/** The place params that put the drill-down at `code` ('' = everywhere). */
export function placeParams(code: string): Pick<UnitFilter, 'province' | 'city' | 'county' | 'town'> {
  const at = (n: number) => (code.length >= n ? code.slice(0, n) : '');
  return { province: at(2), city: at(4), county: at(6), town: at(9) };
}

export const unitEntry = entryCache((u: UnitInfo) => u);

export function matchesQuery(u: UnitInfo, q: string): boolean {
  return matchScore(unitEntry(u), parseQuery(q)) !== null;
}

function inPlace(u: UnitInfo, f: UnitFilter): boolean {
  return (!f.level || u.level === f.level)
    && (!f.province || u.province_code === f.province)
    && (!f.city || u.city_code === f.city)
    && (!f.county || u.county_code === f.county)
    && (!f.town || (u.division_code ?? '').startsWith(f.town));
}

export function matches(u: UnitInfo, f: UnitFilter): boolean {
  return inPlace(u, f) && matchesQuery(u, f.q);
}

/** The bodies the filters list, best match to the search first (in their order without one). */
export function listUnits(units: readonly UnitInfo[], f: UnitFilter): UnitInfo[] {
  return rankMatches(units.filter((u) => inPlace(u, f)), unitEntry, f.q);
}

export interface Option {
  value: string;
  label: string;
}

function distinct(codes: (string | null)[], names: DivisionNames): Option[] {
  return [...new Set(codes.filter((c): c is string => !!c))]
    .sort()
    .map((c) => ({ value: c, label: names(c) ?? c }));
}

/** The choices each division menu offers: only places that have bodies under the parent chosen. */
export function divisionOptions(units: readonly UnitInfo[], f: UnitFilter, names: DivisionNames) {
  const inProvince = units.filter((u) => !f.province || u.province_code === f.province);
  const inCity = inProvince.filter((u) => !f.city || u.city_code === f.city);
  return {
    provinces: distinct(units.map((u) => u.province_code), names),
    cities: distinct(inProvince.map((u) => u.city_code), names),
    counties: distinct(inCity.map((u) => u.county_code), names),
  };
}

export const LEVEL_OPTIONS: Option[] = (Object.entries(LEVEL_LABELS) as [Level, string][]).map(([value, label]) => ({ value, label }));

/** The filters in words, for chart subtitles: 江苏省 · 县级 · 2023—2024 年. */
export function describeFilter(f: UnitFilter, names: DivisionNames, years: readonly number[]): string {
  const parts: string[] = [];
  const place = placeOf(f);
  if (place) parts.push(names(place) ?? place);
  if (f.level) parts.push(LEVEL_LABELS[f.level as Level] ?? f.level);
  if (f.q.trim()) parts.push(`查找“${f.q.trim()}”`);
  if (years.length) {
    const lo = Math.min(...years), hi = Math.max(...years);
    parts.push(lo === hi ? `${lo} 年` : years.length === hi - lo + 1 ? `${lo}—${hi} 年` : `${years.join('、')} 年`);
  }
  return parts.length ? parts.join(' · ') : '全部单位、全部年度';
}

/**
 * The bodies a view draws: the ticked ones whatever the search shows now (a tick is a choice,
 * the search only a way to find one), else every body the filters list.
 */
export function chosenUnits(units: readonly UnitInfo[], f: UnitFilter, ticked: readonly string[]): UnitInfo[] {
  if (ticked.length) return units.filter((u) => ticked.includes(u.key));
  const q = parseQuery(f.q);
  return units.filter((u) => inPlace(u, f) && matchScore(unitEntry(u), q) !== null);
}

/** What a chart draws, in words: the ticked bodies by name, or the filters; then the years. */
export function describeChoice(f: UnitFilter, names: DivisionNames, years: readonly number[], chosen: readonly UnitInfo[], ticked: boolean): string {
  if (!ticked) return `${describeFilter(f, names, years)} · ${chosen.length} 个单位`;
  const shown = chosen.slice(0, 4).map((u) => u.unit.replace(/人民政府$/, '')).join('、');
  const more = chosen.length > 4 ? ` 等 ${chosen.length} 个单位` : `（${chosen.length} 个单位）`;
  return `${shown}${more} · ${describeFilter(NO_FILTER, names, years)}`;
}
