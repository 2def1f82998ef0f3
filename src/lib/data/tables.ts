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

/** Tables that also hold the user's imported reports (the import workspace). */
export const USER_TABLES = ['reports', 'cells', 'findings'] as const;
export type UserTable = (typeof USER_TABLES)[number];

export function isUserTable(t: TableName): t is UserTable {
  return (USER_TABLES as readonly string[]).includes(t);
}

/** Shipped report ids a user version replaces; created once, before any table is loaded. */
export const SUPERSEDED_SQL = 'CREATE TABLE IF NOT EXISTS superseded (report_id VARCHAR)';

/**
 * After a shipped table is loaded (and has `origin`): it becomes `<t>_base`, an empty
 * `<t>_user` of the same columns takes the workspace's rows, and `<t>` is a view of both
 * without the shipped reports a user version supersedes. Views keep querying `<t>`.
 */
export function userLayerSql(t: UserTable): string {
  return `ALTER TABLE ${t} RENAME TO ${t}_base;
    CREATE TABLE ${t}_user AS SELECT * FROM ${t}_base LIMIT 0;
    CREATE VIEW ${t} AS SELECT * FROM ${t}_base WHERE report_id NOT IN (SELECT report_id FROM superseded)
      UNION ALL SELECT * FROM ${t}_user;`;
}

/** The shipped reports of the same unit and year as a user report. */
export const SUPERSEDE_SQL = `DELETE FROM superseded;
  INSERT INTO superseded SELECT b.report_id FROM reports_base b JOIN reports_user u ON b.unit_key = u.unit_key AND b.year = u.year;`;

/**
 * Run once the engine is set up (before any table is loaded: they arrive as Arrow IPC bytes and
 * need no file access). No statement can then read a file or URL, load an extension, or change
 * a setting, this one included: lock_configuration comes last and freezes the others.
 */
export const LOCK_SQL = [
  'SET autoload_known_extensions=false',
  'SET autoinstall_known_extensions=false',
  'SET enable_external_access=false',
  'SET lock_configuration=true',
];
