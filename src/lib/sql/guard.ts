/**
 * Chinese words for what the console refused. What keeps the data safe is the engine
 * (src/lib/data/readonly.ts: locked configuration, one statement wrapped in a SELECT, a
 * read-only transaction rolled back); DuckDB's refusal is an English error, and this module
 * tells the reader, in Chinese, which rule the statement broke and what to do instead.
 */

const READ_START = new Set(['SELECT', 'WITH', 'FROM', 'VALUES', 'TABLE', 'DESCRIBE', 'SHOW', 'SUMMARIZE', 'PIVOT', 'UNPIVOT', '(']);
const WRITE_WORDS = new Set([
  'DROP', 'DELETE', 'INSERT', 'UPDATE', 'ALTER', 'CREATE', 'COPY', 'ATTACH', 'DETACH', 'INSTALL', 'LOAD',
  'SET', 'RESET', 'PRAGMA', 'EXPORT', 'IMPORT', 'CALL', 'CHECKPOINT', 'VACUUM', 'USE', 'TRUNCATE', 'MERGE',
  'BEGIN', 'COMMIT', 'ROLLBACK', 'ABORT', 'GRANT', 'REVOKE', 'ANALYZE', 'UPSERT', 'PREPARE', 'EXECUTE', 'DEALLOCATE',
]);

/** The first word of the text, past blanks and comments (upper-cased), or its first symbol. */
export function firstWord(sql: string): string {
  const rest = sql.replace(/^(\s+|--[^\n]*(\n|$)|\/\*[\s\S]*?\*\/)*/, '');
  return /^[A-Za-z_]\w*/.exec(rest)?.[0].toUpperCase() ?? rest.slice(0, 1);
}

/** The reader typed nothing to run. */
export function emptyMessage(sql: string): string | null {
  return /\S/.test(sql.replace(/--[^\n]*|\/\*[\s\S]*?\*\/|;/g, '')) ? null : '请输入一条查询语句（例如 SELECT * FROM reports）。';
}

// A quoted file name in FROM reaches DuckDB's replacement scan, which the lock turns into "no such table".
const FILES = /Permission Error|external access|file system|Cannot access|disabled by configuration|No files found|HTTP|:\/\/|Table with name \S*(\/|\.(csv|tsv|txt|json|parquet|arrow|db|duckdb|xlsx?)\b)/i;
/** Table functions that read files or URLs (named only for the message; the engine refuses them). */
const READERS = /\b(read_\w+|parquet_\w+|glob|sniff_csv|iceberg_\w+|delta_scan)\s*\(/i;
const SETTINGS = /configuration has been locked|lock_configuration|Cannot change/i;

/**
 * Why DuckDB refused the text, in Chinese, when the refusal is one of the console's rules;
 * null for an ordinary error (a typo, a missing column), which the page reports as such.
 */
export function refusalMessage(sql: string, detail: string): string | null {
  if (/multiple statements/i.test(detail)) return '一次只能运行一条语句：请删去分号后面的其他语句，再运行。';
  const first = firstWord(sql);
  if (WRITE_WORDS.has(first)) {
    return `拒绝执行：这里只能查询（读取）数据，不能修改、删除或加载数据，也不能更改设置（语句以 ${first} 开头）。请改用 SELECT 查询。`;
  }
  if (SETTINGS.test(detail)) return '拒绝执行：控制台不能更改数据库设置。';
  // Checked before extensions: read_parquet is "in the parquet extension", but what it does is read files.
  if (FILES.test(detail) || READERS.test(sql)) {
    return '拒绝执行：这里只能查询已加载的表（reports、cells、findings、dictionary），不能读取文件或网址。';
  }
  if (/extension/i.test(detail)) return '拒绝执行：控制台不能安装或加载数据库扩展。';
  if (/read-only|read only/i.test(detail)) return '拒绝执行：这里只能查询（读取）数据，语句中有修改数据的部分。';
  if (!READ_START.has(first)) {
    return `拒绝执行：只能运行查询语句，即以 SELECT、WITH、FROM、VALUES、DESCRIBE、SHOW、SUMMARIZE 开头的语句（此语句以 ${first || '符号'} 开头）。`;
  }
  return null;
}
