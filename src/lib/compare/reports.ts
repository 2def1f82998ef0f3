/**
 * Per-report query rows laid out for charts of body-years: only the chosen bodies (in their
 * order) and years, one category per report, with the named columns kept as they came.
 */
import { shortUnit } from '../charts/format';
import type { Part } from '../charts/compare';
import { column, type Columnar } from '../data/columns';
import { noteReader, type CellNote, type UnitInfo } from './pivot';

export interface ReportRows {
  categories: string[];
  unitKeys: string[];
  years: number[];
  reportIds: string[];
  /** What each report's figures rest on: 勾稽 findings, imported by the user. */
  notes: CellNote[];
  /** Column name → one value per category; non-numbers are null. */
  values: Record<string, (number | null)[]>;
}

/** `baseCol` names a ratio's denominator, whose size the notes carry as n. */
export function reportRows(t: Columnar, names: readonly string[], units: readonly UnitInfo[], years: readonly number[], baseCol = ''): ReportRows {
  const keys = column(t, 'unit_key');
  const ys = column(t, 'year');
  const ids = column(t, 'report_id');
  const cols = Object.fromEntries(names.map((n) => [n, column(t, n)]));
  const note = noteReader(t, baseCol);
  const label = new Map(units.map((u) => [u.key, shortUnit(u.unit)]));
  const order = new Map(units.map((u, i) => [u.key, i]));
  const picked = keys
    .map((_, i) => i)
    .filter((i) => order.has(String(keys[i])) && years.includes(Number(ys[i])))
    .sort((a, b) => (order.get(String(keys[a]))! - order.get(String(keys[b]))!) || Number(ys[a]) - Number(ys[b]));
  return {
    categories: picked.map((i) => `${label.get(String(keys[i]))} ${ys[i]}`),
    unitKeys: picked.map((i) => String(keys[i])),
    years: picked.map((i) => Number(ys[i])),
    reportIds: picked.map((i) => String(ids[i])),
    notes: picked.map(note),
    values: Object.fromEntries(names.map((n) => [n, picked.map((i) => (typeof cols[n][i] === 'number' ? (cols[n][i] as number) : null))])),
  };
}

/** Named columns of the rows as chart parts, labelled. */
export function parts(r: ReportRows, spec: readonly { id: string; label: string }[]): Part[] {
  return spec.map((s) => ({ id: s.id, label: s.label, values: r.values[s.id] }));
}
