/**
 * Reading Arrow results into plain column arrays, at the edge where a chart or a table needs
 * them. `toArray()` alone would turn a null DOUBLE into 0, which this product must never show.
 */
import type { Table } from 'apache-arrow';

export type Cell = string | number | boolean | null;

/** The minimal columnar shape the option builders read; an Arrow Table satisfies it. */
export interface Columnar {
  readonly numRows: number;
  getChild(name: string): { get(i: number): unknown; nullCount: number; toArray(): ArrayLike<unknown> } | null;
}

function plain(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number') return Number.isNaN(v) ? null : v;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

/** One column as an array, nulls kept as null. */
export function column(t: Columnar, name: string): Cell[] {
  const vec = t.getChild(name);
  if (!vec) throw new Error(`result has no column ${name}`);
  if (vec.nullCount === 0) {
    const arr = vec.toArray();
    // Typed arrays of a null-free numeric column copy in one pass; strings need get().
    if (ArrayBuffer.isView(arr)) return Array.from(arr as ArrayLike<number>, plain);
  }
  const out: Cell[] = new Array(t.numRows);
  for (let i = 0; i < t.numRows; i++) out[i] = plain(vec.get(i));
  return out;
}

/** Named columns as an object of arrays: ECharts' "keyed columns" dataset source. */
export function columns<K extends string>(t: Columnar, names: readonly K[]): Record<K, Cell[]> {
  const out = {} as Record<K, Cell[]>;
  for (const n of names) out[n] = column(t, n);
  return out;
}

/** Rows as objects, for small results such as totals. */
export function rows(t: Table): Record<string, unknown>[] {
  return t.toArray().map((r) => (r as { toJSON(): Record<string, unknown> }).toJSON());
}

/** Plain records seen as columns (summary.json before DuckDB is up), so one builder serves both. */
export function fromRecords(records: readonly Record<string, unknown>[]): Columnar {
  return {
    numRows: records.length,
    getChild(name: string) {
      if (records.length > 0 && !(name in records[0])) return null;
      const values = records.map((r) => r[name]);
      return {
        get: (i: number) => values[i],
        nullCount: values.filter((v) => v === null || v === undefined).length,
        toArray: () => values,
      };
    },
  };
}
