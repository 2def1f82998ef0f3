/** The data behind a chart, in the chart's own shape: a header row and one row per line. */
import type { Cell } from '../data/columns';

export interface ChartTable {
  /** Column headers, e.g. ['单位', '2022', '2023', '2024']. */
  columns: string[];
  rows: Cell[][];
  /**
   * Optional, per column: how a spreadsheet should show it. 'percent' keeps the exact ratio
   * (0.825) and shows 82.5 %; 'text' shows a number as written (a year: 2024, not 2,024).
   * CSV and XLSX always carry the exact value.
   */
  formats?: ('text' | 'number' | 'percent')[];
}
