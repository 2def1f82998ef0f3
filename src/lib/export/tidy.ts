/**
 * The one convention of every data export (CSV and XLSX alike): a figure column holds numbers
 * only; where a figure is missing, the words of its state (format/states.ts) go into a
 * 「…·状态」 column beside it; headers carry their units; an `origin` column says which rows
 * come from reports the user imported.
 */
import type { Cell } from '../data/columns';
import type { ChartTable } from '../charts/table';
import { STATE_WORDS } from '../format/states';

export const ORIGIN_COLUMN = 'origin';
/** origin values, as in the dataset's own `origin` column. */
export const ORIGIN_WORDS = { shipped: 'shipped', user: 'user' } as const;

function isFigure(t: ChartTable, j: number): boolean {
  const f = t.formats?.[j];
  if (f) return f !== 'text';
  return j > 0 && t.rows.some((r) => typeof r[j] === 'number');
}

export function tidy(t: ChartTable): ChartTable {
  const columns: string[] = [];
  const formats: NonNullable<ChartTable['formats']> = [];
  const pick: ((r: Cell[]) => Cell)[] = [];
  t.columns.forEach((name, j) => {
    const unit = t.units?.[j];
    columns.push(unit ? `${name}（${unit}）` : name);
    formats.push(t.formats?.[j] ?? (isFigure(t, j) ? 'number' : 'text'));
    if (!isFigure(t, j)) { pick.push((r) => r[j] ?? null); return; }
    pick.push((r) => (typeof r[j] === 'number' ? r[j] : null));
    if (t.rows.every((r) => typeof r[j] === 'number')) return;
    columns.push(`${name}·状态`);
    formats.push('text');
    // A blank that reached here without words is a figure the report left empty.
    pick.push((r) => (typeof r[j] === 'number' ? null : typeof r[j] === 'string' ? r[j] : STATE_WORDS.blank));
  });
  const origin = t.origin;
  if (origin) {
    columns.push(ORIGIN_COLUMN);
    formats.push('text');
  }
  return {
    columns,
    formats,
    rows: t.rows.map((r, i) => {
      const out = pick.map((p) => p(r));
      if (origin) out.push(origin[i] ?? null);
      return out;
    }),
  };
}
