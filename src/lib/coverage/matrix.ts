/**
 * Units × years, the one model behind both coverage matrices (the overview's, drawn from
 * summary.json, and 覆盖's, from DuckDB): one row per body, named by its latest title, in one
 * order. No imports, so the overview's first screen carries nothing more than this.
 */

export interface MatrixInput {
  unit_key: string;
  unit: string;
  division_code: string | null;
  level: string;
  year: number;
}

export interface MatrixRow<R extends MatrixInput> {
  unit_key: string;
  /** The title of the unit's latest report. */
  unit: string;
  level: R['level'];
  division_code: string | null;
  byYear: Map<number, R>;
}

/** Every year from the first to the last, so a gap shows as a 未报告 column. */
export function yearSpan(records: readonly { year: number }[]): number[] {
  if (!records.length) return [];
  const ys = records.map((r) => r.year);
  const out: number[] = [];
  for (let y = Math.min(...ys); y <= Math.max(...ys); y++) out.push(y);
  return out;
}

/** Rows by Chinese collation of the title, then by key so equal titles keep a fixed order. */
export function matrix<R extends MatrixInput>(records: readonly R[]): MatrixRow<R>[] {
  const m = new Map<string, MatrixRow<R> & { latest: number }>();
  for (const r of records) {
    const row = m.get(r.unit_key) ?? { unit_key: r.unit_key, unit: r.unit, level: r.level, division_code: r.division_code, byYear: new Map(), latest: r.year };
    if (r.year >= row.latest) Object.assign(row, { unit: r.unit, latest: r.year, level: r.level, division_code: r.division_code });
    row.byYear.set(r.year, r);
    m.set(r.unit_key, row);
  }
  return [...m.values()].sort((a, b) => a.unit.localeCompare(b.unit, 'zh-CN') || a.unit_key.localeCompare(b.unit_key));
}
