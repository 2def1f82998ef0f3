/** Plain rows → an Arrow IPC stream with an explicit schema (the format the app loads). */
import { Bool, Float64, Int32, Table, tableToIPC, Utf8, vectorFromArray, type DataType, type Vector } from 'apache-arrow';

export type ColumnType = 'VARCHAR' | 'DOUBLE' | 'INTEGER' | 'BOOLEAN';

const ARROW: Record<ColumnType, () => DataType> = {
  VARCHAR: () => new Utf8(),
  DOUBLE: () => new Float64(),
  INTEGER: () => new Int32(),
  BOOLEAN: () => new Bool(),
};

export function toArrowIPC(rows: readonly Record<string, unknown>[], schema: readonly [string, ColumnType][]): Uint8Array {
  const cols: Record<string, Vector> = {};
  for (const [name, type] of schema) {
    cols[name] = vectorFromArray(rows.map((r) => r[name] ?? null), ARROW[type]()) as Vector;
  }
  return tableToIPC(new Table(cols), 'stream');
}
