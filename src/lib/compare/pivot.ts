/**
 * Query results reshaped for the comparison charts: bodies × years. The four kinds of empty
 * (format/states.ts) are kept apart and none of them becomes 0.
 */
import { column, type Columnar } from '../data/columns';
import { shortUnit } from '../charts/format';
import type { Level, Template } from '../format';
import { STATE_WORDS, type EmptyState } from '../format/states';

export interface UnitInfo {
  key: string;
  /** The latest title. */
  unit: string;
  /** Every title the body's reports use. */
  titles: string[];
  division_name: string | null;
  province_code: string | null;
  city_code: string | null;
  county_code: string | null;
  /** The full code (township: 9 digits), for finding a unit by its code. */
  division_code?: string | null;
  level: Level;
  years: number[];
  /** Pinyin and initials of its titles (dataset/search-keys.ts), for the picker's search. */
  pinyin?: string | null;
  initials?: string | null;
}

export function unitsFrom(t: Columnar): UnitInfo[] {
  const c = (n: string) => column(t, n);
  const [key, unit, titles, dn, pc, cc, kc, level, years, dc, py, ini] =
    ['unit_key', 'unit', 'titles', 'division_name', 'province_code', 'city_code', 'county_code', 'level', 'years', 'division_code', 'pinyin', 'initials'].map(c);
  return key.map((k, i) => ({
    key: String(k),
    unit: String(unit[i]),
    titles: String(titles[i] ?? unit[i]).split('；'),
    division_name: (dn[i] as string | null) ?? null,
    province_code: (pc[i] as string | null) ?? null,
    city_code: (cc[i] as string | null) ?? null,
    county_code: (kc[i] as string | null) ?? null,
    level: level[i] as Level,
    years: String(years[i] ?? '').split(',').filter(Boolean).map(Number),
    division_code: (dc[i] as string | null) ?? null,
    pinyin: (py[i] as string | null) ?? null,
    initials: (ini[i] as string | null) ?? null,
  }));
}

/**
 * A cell of the pivot: a number, null (未填报), 'absent' (表格无此项), 'zero' (a ratio over 0)
 * or undefined (无此年报).
 */
export type PivotValue = number | null | 'absent' | 'zero' | undefined;

/** What a drawn figure rests on: the ratio's n, 勾稽 findings, and whether the user imported it. */
export interface CellNote {
  report_id: string;
  n: number | null;
  findings: number;
  user: boolean;
}

export interface Pivot {
  units: { key: string; label: string }[];
  years: number[];
  /** values[u][y] for units[u], years[y]. */
  values: PivotValue[][];
  notes: (CellNote | undefined)[][];
}

export function stateOf(v: PivotValue): EmptyState | null {
  if (v === undefined) return 'no_report';
  if (v === null) return 'blank';
  if (v === 'absent') return 'absent';
  if (v === 'zero') return 'zero_base';
  return null;
}

function num(v: unknown): number | null {
  return typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : null;
}

/** Reads the note of each row of a query result that may carry base, n_findings, origin, report_id. */
export function noteReader(t: Columnar, baseCol = 'base'): (i: number) => CellNote {
  const opt = (n: string) => (t.getChild(n) ? column(t, n) : null);
  const [ids, base, findings, origin] = ['report_id', baseCol, 'n_findings', 'origin'].map(opt);
  return (i) => ({
    report_id: ids ? String(ids[i]) : '',
    n: base ? num(base[i]) : null,
    findings: findings ? num(findings[i]) ?? 0 : 0,
    user: origin ? origin[i] === 'user' : false,
  });
}

/**
 * From rows (unit_key, year, template, value) to bodies × years. `units` fixes the order and
 * the labels; `templates` are those whose form has the figure; `baseCol` is a ratio's denominator.
 */
export function pivot(t: Columnar, units: readonly UnitInfo[], years: readonly number[], templates: readonly Template[], valueCol = 'value', baseCol = 'base'): Pivot {
  const keys = column(t, 'unit_key');
  const ys = column(t, 'year');
  const tpl = column(t, 'template');
  const vals = column(t, valueCol);
  const bases = t.getChild(baseCol) ? column(t, baseCol) : null;
  const noteAt = noteReader(t, baseCol);
  const at = new Map<string, PivotValue>();
  const notes = new Map<string, CellNote>();
  keys.forEach((k, i) => {
    const id = `${k}\u0000${ys[i]}`;
    if (at.has(id)) return; // two reports of one body in one year: the first (by report_id) counts
    const v = vals[i];
    const zero = bases !== null && num(bases[i]) === 0;
    at.set(id, typeof v === 'number' ? v : zero ? 'zero' : templates.includes(tpl[i] as Template) ? null : 'absent');
    notes.set(id, noteAt(i));
  });
  const seen = new Set(keys);
  const present = units.filter((u) => seen.has(u.key));
  return {
    units: present.map((u) => ({ key: u.key, label: shortUnit(u.unit) })),
    years: [...years],
    values: present.map((u) => years.map((y) => at.get(`${u.key}\u0000${y}`))),
    notes: present.map((u) => years.map((y) => notes.get(`${u.key}\u0000${y}`))),
  };
}

/** The years (of `years`) in which some chosen body has a number: a ranking year must be one. */
export function valuedYears(p: Pivot): number[] {
  return p.years.filter((_, y) => p.values.some((row) => typeof row[y] === 'number'));
}

/** A pivot value as a chart value: only numbers are drawn. */
export function drawn(v: PivotValue): number | null {
  return typeof v === 'number' ? v : null;
}

export interface RankRow {
  key: string;
  label: string;
  value: PivotValue;
  previous: PivotValue;
  /** value − previous, when both are numbers. */
  change: number | null;
  /** change ÷ previous, when previous is a non-zero number. */
  changeRatio: number | null;
}

/** Bodies ranked by their figure in `year`, highest first; bodies without a number last. */
export function ranking(p: Pivot, year: number): RankRow[] {
  const yi = p.years.indexOf(year);
  const pi = p.years.indexOf(year - 1);
  const rows = p.units.map((u, i) => {
    const value = yi >= 0 ? p.values[i][yi] : undefined;
    const previous = pi >= 0 ? p.values[i][pi] : undefined;
    const both = typeof value === 'number' && typeof previous === 'number';
    return {
      key: u.key,
      label: u.label,
      value,
      previous,
      change: both ? value - previous : null,
      changeRatio: both && previous !== 0 ? (value - previous) / previous : null,
    };
  });
  return rows.sort((a, b) => {
    const av = typeof a.value === 'number' ? a.value : -Infinity;
    const bv = typeof b.value === 'number' ? b.value : -Infinity;
    return bv - av || a.label.localeCompare(b.label, 'zh-CN');
  });
}

export function cellText(v: PivotValue, format: (x: unknown) => string): string {
  const s = stateOf(v);
  return s ? STATE_WORDS[s] : format(v);
}
