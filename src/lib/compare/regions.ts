/**
 * One measure summed by place for the drill-down (province → city → county → township →
 * bodies): the child places of the current place, and the bodies that sit at the place itself,
 * each with its figure per year. Counts are summed in DuckDB; a ratio is recomputed from the
 * summed numerator and denominator of the reports that have both (never an average of
 * ratios). A place without a report in a year has no row for it (无此年报); a place whose
 * reports leave the figure blank is 未填报, one whose template lacks it 表格无此项 — none is 0.
 */
import { column, type Columnar } from '../data/columns';
import { placeParts, type PlaceFilter } from '../data/regions';
import { quote } from '../data/sql-quote';
import type { CatalogMeasure } from './catalog';
import type { Pivot, PivotValue } from './pivot';

type RegionMeasure = Pick<CatalogMeasure, 'sql' | 'base' | 'num' | 'templates' | 'format'>;

/** Per child place (`region`, or `own`: a body at the place itself) and year. */
export function regionMeasureSql(m: RegionMeasure, f: PlaceFilter): string {
  const { region, where } = placeParts(f);
  const ratio = m.format === 'ratio' && m.num && m.base;
  const parts = ratio ? `${m.num} AS num, ${m.base} AS den` : `${m.sql} AS num, NULL::INTEGER AS den`;
  const has = ratio ? 'num IS NOT NULL AND den IS NOT NULL' : 'num IS NOT NULL';
  const value = ratio
    ? 'sum(num) FILTER (WHERE ok)::DOUBLE / NULLIF(sum(den) FILTER (WHERE ok), 0)::DOUBLE'
    : 'sum(num) FILTER (WHERE ok)::DOUBLE';
  return `WITH r AS (SELECT ${region} AS region,
      CASE WHEN division_code IS NULL OR length(division_code) <= ${f.prefix.length} THEN unit_key END AS own,
      unit_key, unit, year::INTEGER AS year, template, ${parts} FROM reports ${where}),
    t AS (SELECT *, ${has} AS ok FROM r)
    SELECT region, own, year, max(unit) AS unit, count(DISTINCT unit_key)::INTEGER AS units,
      count(*) FILTER (WHERE template IN (${m.templates.map(quote).join(', ')}))::INTEGER AS applicable,
      count(*) FILTER (WHERE ok)::INTEGER AS valued, ${value} AS value,
      sum(den) FILTER (WHERE ok)::DOUBLE AS base
    FROM t GROUP BY region, own, year ORDER BY region NULLS LAST, own, year`;
}

export interface RegionRow {
  /** A place's code, or `unit:` + a body's key for a body at the current place itself. */
  key: string;
  code: string | null;
  unitKey: string | null;
  /** Per year: reports (bodies) that year, and how many of them have the figure. */
  counts: Map<number, { units: number; valued: number }>;
}

/** The answer as a pivot (places × years, the labels from `label`) plus each row's counts. */
export function regionPivot(t: Columnar, years: readonly number[], label: (code: string | null, unit: string | null, unitTitle: string) => string): { pivot: Pivot; rows: RegionRow[] } {
  const [region, own, ys, unit, units, applicable, valued, value, base] =
    ['region', 'own', 'year', 'unit', 'units', 'applicable', 'valued', 'value', 'base'].map((n) => column(t, n));
  const byKey = new Map<string, { row: RegionRow; title: string; at: Map<number, PivotValue> }>();
  region.forEach((code, i) => {
    const key = code ? String(code) : `unit:${own[i]}`;
    const e = byKey.get(key) ?? { row: { key, code: code ? String(code) : null, unitKey: code ? null : String(own[i]), counts: new Map() }, title: String(unit[i]), at: new Map() };
    const y = Number(ys[i]);
    const n = Number(valued[i]);
    e.row.counts.set(y, { units: Number(units[i]), valued: n });
    e.title = String(unit[i]);
    const v: PivotValue = Number(applicable[i]) === 0 ? 'absent' : n === 0 ? null : base[i] !== null && Number(base[i]) === 0 ? 'zero' : Number(value[i]);
    e.at.set(y, v);
    byKey.set(key, e);
  });
  const all = [...byKey.values()];
  return {
    rows: all.map((e) => e.row),
    pivot: {
      units: all.map((e) => ({ key: e.row.key, label: label(e.row.code, e.row.unitKey, e.title) })),
      years: [...years],
      values: all.map((e) => years.map((y) => e.at.get(y))),
      notes: all.map(() => years.map(() => undefined)),
    },
  };
}

/**
 * The one child place of an answer that has no other row (no second place, no body at the place
 * itself, in any year), else null: a dataset of one province opened at 全国, or of one city
 * opened at its province, would show a single bar, so the drill-down goes on to that place.
 */
export function soleChild(t: Columnar): string | null {
  const region = column(t, 'region');
  const own = column(t, 'own');
  let only: string | null = null;
  for (let i = 0; i < region.length; i++) {
    const code = region[i] ? String(region[i]) : null;
    if (!code || own[i] || (only !== null && code !== only)) return null;
    only = code;
  }
  return only;
}
