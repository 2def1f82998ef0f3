/**
 * The SQL console's statements run here, read-only by construction rather than by a word list:
 * DuckDB itself parses the text, and whatever it is, it can neither write, nor reach a file,
 * a URL or an extension, nor change a setting.
 *
 * - The engine is locked once the app has set it up (LOCK_SQL in tables.ts): no external access, no
 *   extension autoload/autoinstall, and the configuration itself frozen, so no later
 *   statement can undo any of it.
 * - The console has its own connection. The text is prepared alone first (DuckDB refuses
 *   several statements), then wrapped as the source of an outer SELECT, so what runs is one
 *   SELECT whatever the text was; DuckDB allows no writing statement inside a SELECT.
 * - It runs in a read-only transaction that is always rolled back.
 */
import type { Table } from 'apache-arrow';

/** What the console needs from a database connection of its own (DuckDB-WASM in the page, node-api in tests). */
export interface ConsoleConnection {
  /** Run a statement of ours (BEGIN, ROLLBACK). */
  exec(sql: string): Promise<void>;
  /** Parse and bind one statement without running it; rejects several statements. */
  prepare(sql: string): Promise<void>;
  /** Run a query that cancel() can interrupt. */
  run(sql: string): Promise<Table>;
  /** Interrupt the query run() is running. */
  cancel(): Promise<void>;
}

/** Thrown when a console query was stopped: by the reader, or by the time limit. */
export class QueryStopped extends Error {
  constructor(readonly reason: 'cancel' | 'timeout') {
    super(reason === 'timeout' ? '查询超过时间上限，已停止。' : '查询已取消。');
    this.name = 'QueryStopped';
  }
}

/**
 * The text as the FROM of a SELECT; line breaks keep a trailing `--` comment inside. A final
 * semicolon (and comments after it) is dropped: were this trim ever wrong, the result would
 * fail to parse or still be one SELECT, never anything else.
 */
export function asSubquery(sql: string): string {
  return `SELECT * FROM (\n${sql.replace(/;(\s|--[^\n]*)*$/, '')}\n)`;
}

/**
 * Run the console's text. Calls on one connection must not overlap (the page runs one at a
 * time); `signal` aborts it with a QueryStopped carrying the abort reason.
 */
export async function runReadOnly(conn: ConsoleConnection, sql: string, signal?: AbortSignal): Promise<Table> {
  const stopped = () => new QueryStopped(signal?.reason === 'timeout' ? 'timeout' : 'cancel');
  if (signal?.aborted) throw stopped();
  await conn.exec('BEGIN TRANSACTION READ ONLY');
  try {
    await conn.prepare(sql);
    const wrapped = asSubquery(sql);
    await conn.prepare(wrapped);
    // Stopped while preparing: there is no running query yet for cancel() to interrupt.
    if (signal?.aborted) throw stopped();
    const onAbort = () => void conn.cancel().catch(() => undefined);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await conn.run(wrapped);
    } catch (err) {
      throw signal?.aborted ? stopped() : err;
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  } finally {
    await conn.exec('ROLLBACK');
  }
}
