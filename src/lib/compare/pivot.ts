/**
 * Query results reshaped for the comparison charts: bodies × years. Three kinds of empty are
 * kept apart — no report that year, a report that leaves the figure blank (未报告), and a report
 * whose template has no such figure (表格无此项) — and none of them becomes 0.
 */
import { column, type Cell, type Columnar } from '../data/columns';
import { shortUnit } from '../charts/format';
import type { Level, Template } from '../format';

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
  level: Level;
  years: number[];
}

export function unitsFrom(t: Columnar): UnitInfo[] {
  const c = (n: string) => column(t, n);
  const [key, unit, titles, dn, pc, cc, kc, level, years] =
    ['unit_key', 'unit', 'titles', 'division_name', 'province_code', 'city_code', 'county_code', 'level', 'years'].map(c);
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
  }));
}

/** A cell of the pivot: a number, null (未报告), 'absent' (表格无此项) or undefined (no report). */
export type PivotValue = number | null | 'absent' | undefined;

export interface Pivot {
  units: { key: string; label: string }[];
  years: number[];
  /** values[u][y] for units[u], years[y]. */
  values: PivotValue[][];
}

/**
 * From rows (unit_key, year, template, value) to bodies × years. `units` fixes the order and
 * the labels; `templates` are those whose form has the figure.
 */
export function pivot(t: Columnar, units: readonly UnitInfo[], years: readonly number[], templates: readonly Template[], valueCol = 'value'): Pivot {
  const keys = column(t, 'unit_key');
  const ys = column(t, 'year');
  const tpl = column(t, 'template');
  const vals = column(t, valueCol);
  const at = new Map<string, PivotValue>();
  keys.forEach((k, i) => {
    const id = `${k}\u0000${ys[i]}`;
    if (at.has(id)) return; // two reports of one body in one year: the first (by report_id) counts
    const v = vals[i];
    at.set(id, typeof v === 'number' ? v : templates.includes(tpl[i] as Template) ? null : 'absent');
  });
  const seen = new Set(keys);
  const present = units.filter((u) => seen.has(u.key));
  return {
    units: present.map((u) => ({ key: u.key, label: shortUnit(u.unit) })),
    years: [...years],
    values: present.map((u) => years.map((y) => at.get(`${u.key}\u0000${y}`))),
  };
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
  if (v === undefined) return '无报告';
  if (v === 'absent') return '表格无此项';
  return format(v);
}

/** Values as exported: numbers, or the words of the empty kinds (never 0). */
export function exportCell(v: PivotValue, percent: boolean): Cell {
  if (typeof v === 'number') return percent ? Math.round(v * 1e8) / 1e6 : v;
  return cellText(v, () => '未报告');
}
