/**
 * The SQL console runs the user's text on the session's shared tables, so only reading
 * statements may pass. The check is lexical (strings, quoted names and comments are skipped)
 * and errs on the side of refusing: one statement, starting with a reading keyword, and no
 * keyword anywhere that writes, loads or changes settings.
 */

const READ_START = new Set(['SELECT', 'WITH', 'FROM', 'VALUES', 'TABLE', 'DESCRIBE', 'SHOW', 'SUMMARIZE', 'EXPLAIN']);
const WRITE_WORDS = new Set([
  'DROP', 'DELETE', 'INSERT', 'UPDATE', 'ALTER', 'CREATE', 'COPY', 'ATTACH', 'DETACH', 'INSTALL', 'LOAD',
  'SET', 'RESET', 'PRAGMA', 'EXPORT', 'IMPORT', 'CALL', 'CHECKPOINT', 'VACUUM', 'USE', 'TRUNCATE', 'MERGE',
  'BEGIN', 'COMMIT', 'ROLLBACK', 'ABORT', 'GRANT', 'REVOKE', 'ANALYZE', 'UPSERT',
]);

export type GuardResult = { ok: true; sql: string } | { ok: false; message: string };

interface Lexed {
  /** Bare words outside strings, quoted names and comments, upper-cased. */
  words: string[];
  /** Statement count: text between top-level semicolons that holds anything but blanks. */
  statements: number;
  unterminated: boolean;
  /** Contents of '…' literals (file names or URLs a query could read). */
  strings: string[];
}

/** Table functions that read files or URLs: the console queries the loaded tables only. */
const FILE_READER = /^(READ_\w+|PARQUET_\w+|GLOB|SNIFF_CSV|ICEBERG_\w+|DELTA_SCAN|SQLITE_\w+|POSTGRES_\w+|MYSQL_\w+)$/;

function lex(sql: string): Lexed {
  const words: string[] = [];
  const strings: string[] = [];
  let statements = 0;
  let current = false;
  let i = 0;
  let unterminated = false;
  const n = sql.length;
  while (i < n) {
    const c = sql[i];
    if (c === '-' && sql[i + 1] === '-') {
      while (i < n && sql[i] !== '\n') i++;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      if (end < 0) { unterminated = true; break; }
      i = end + 2;
    } else if (c === "'" || c === '"') {
      // '' and "" inside are escapes; both simply continue the quoted run.
      let j = i + 1;
      for (;;) {
        const k = sql.indexOf(c, j);
        if (k < 0) { unterminated = true; j = n; break; }
        if (sql[k + 1] === c) { j = k + 2; continue; }
        j = k + 1;
        break;
      }
      if (c === "'") strings.push(sql.slice(i + 1, j - 1));
      current = true;
      i = j;
    } else if (c === ';') {
      if (current) statements++;
      current = false;
      i++;
    } else if (/[A-Za-z_\u0080-\uffff]/.test(c)) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_$\u0080-\uffff]/.test(sql[j])) j++;
      words.push(sql.slice(i, j).toUpperCase());
      current = true;
      i = j;
    } else {
      if (!/\s/.test(c)) current = true;
      i++;
    }
  }
  if (current) statements++;
  return { words, statements, unterminated, strings };
}

/** Whether the console may run `sql`; if not, why, in Chinese. */
export function guardSql(sql: string): GuardResult {
  const text = sql.trim();
  if (!text) return { ok: false, message: '请输入一条查询语句（例如 SELECT * FROM reports）。' };
  const { words, statements, unterminated, strings } = lex(text);
  if (unterminated) return { ok: false, message: '语句中有未闭合的引号或注释。' };
  if (statements === 0) return { ok: false, message: '请输入一条查询语句（例如 SELECT * FROM reports）。' };
  if (statements > 1) return { ok: false, message: '一次只能运行一条语句：请删去多余的分号后的内容。' };
  const first = words[0] ?? '';
  const writes = words.filter((w) => WRITE_WORDS.has(w));
  if (writes.length) {
    return { ok: false, message: `拒绝执行：这里只能查询（读取）数据，不能修改、删除或加载数据，也不能更改设置（语句含 ${[...new Set(writes)].join('、')}）。` };
  }
  const readers = words.filter((w) => FILE_READER.test(w));
  if (readers.length || strings.some((s) => /:\/\/|\.(parquet|csv|json|arrow|db|duckdb)$/i.test(s))) {
    return { ok: false, message: '拒绝执行：这里只能查询已加载的表（reports、cells、findings、dictionary），不能读取文件或网址。' };
  }
  if (!READ_START.has(first)) {
    return { ok: false, message: `拒绝执行：只能运行以 SELECT、WITH、FROM、DESCRIBE、SHOW 等开头的查询语句（此语句以 ${first || '符号'} 开头）。` };
  }
  return { ok: true, sql: text.replace(/;\s*$/, '') };
}
