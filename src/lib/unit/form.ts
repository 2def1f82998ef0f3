/**
 * Where a finding belongs on the official form (the layout itself is src/lib/form/layout.ts).
 */
import { APP_COLS, APP_COL_LABELS, APP_ROWS, KEY_INFO, type Template } from '../format';

/** The printed cell a finding names (its table, row label and column label), or null. */
export function findingKey(f: { tbl: string; row_label: string; col_label: string }, template: Template | null): string | null {
  for (const info of KEY_INFO.values()) {
    if (info.table !== f.tbl || info.row !== f.row_label || info.col !== f.col_label) continue;
    if (!template || info.templates.includes(template)) return info.key;
  }
  // 表三 group rows are labelled plainly in findings (（六）其他处理), and as the form prints them in keys.
  const row = APP_ROWS.find((r) => r.label === f.row_label);
  const col = APP_COLS.find((c) => APP_COL_LABELS[c] === f.col_label);
  return f.tbl === 't3' && row && col ? `apps.${row.row}.${col}` : null;
}
