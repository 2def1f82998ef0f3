/**
 * The tables every view queries, and the SQL run after a shipped table is loaded. The
 * browser loader and the Node test harness both use it, so views see the same schema in
 * both: each table gains `origin` ('shipped' here; the import workspace adds 'user' rows).
 */
export const DATA_TABLES = ['reports', 'cells', 'findings', 'dictionary'] as const;
export type TableName = (typeof DATA_TABLES)[number];

export function afterLoadSql(table: TableName): string {
  return `ALTER TABLE ${table} ADD COLUMN origin VARCHAR DEFAULT 'shipped'`;
}
