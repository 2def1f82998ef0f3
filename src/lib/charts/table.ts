/** The data behind a chart, in the chart's own shape: a header row and one row per line. */
import type { Cell } from '../data/columns';

export interface ChartTable {
  /** Column headers, e.g. ['单位', '年度', '收到申请']. */
  columns: string[];
  /** Numbers as the query gave them; an empty figure as the words of its state (format/states.ts). */
  rows: Cell[][];
  /**
   * Optional, per column: how a spreadsheet should show it. 'percent' keeps the exact ratio
   * (0.825) and shows 82.5 %; 'text' shows a number as written (a year: 2024, not 2,024).
   * CSV and XLSX always carry the exact value.
   */
  formats?: ('text' | 'number' | 'percent')[];
  /** Optional, per column: the unit written into the exported header, 收到申请（件）. */
  units?: (string | undefined)[];
  /** Optional, per row: 'shipped' (a published report), 'user' (imported here), null (no report). */
  origin?: ('shipped' | 'user' | null)[];
}
