/** Column name of a key in the wide reports table (DuckDB identifiers without dots). */
export function keyColumn(key: string): string {
  return key.replace(/\./g, '__');
}

export function columnKey(col: string): string {
  return col.replace(/__/g, '.');
}
