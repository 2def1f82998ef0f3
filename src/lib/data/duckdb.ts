/**
 * The browser's one DuckDB-WASM instance, created on first use. Only the `eh` bundle ships,
 * self-hosted, and extensions are never fetched: the page talks to no origin but its own.
 */
import { AsyncDuckDB, VoidLogger } from '@duckdb/duckdb-wasm';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import bootUrl from './duckdb-boot.worker.js?url';
import type { Table } from 'apache-arrow';
import type { Connector } from './connector';
import type { ConsoleConnection } from './readonly';

import { afterLoadSql, isUserTable, LOCK_SQL, SUPERSEDE_SQL, SUPERSEDED_SQL, userLayerSql, type TableName, type UserTable } from './tables';
import { mark, MARKS } from './marks';

export type { TableName };

export interface BrowserDuckDB extends Connector {
  /** Load a dataset table on demand (cells and findings are not needed by the first screen). */
  ensure(table: TableName): Promise<void>;
  /** Replace the user's rows (Arrow IPC per table; null: none) in every view. */
  setUserRows(rows: UserRows | null): Promise<void>;
  /** The SQL console's own connection (see readonly.ts), opened on first use. */
  console(): Promise<ConsoleConnection>;
}

export type UserRows = Record<UserTable, Uint8Array>;

/**
 * The worker compiles the wasm while it downloads, from its own same-origin URL, so the HTTP
 * cache keeps the bytes for the next visit (a blob URL defeated that and made the page wait
 * for the whole download before compiling). A failed download inside the worker would leave
 * instantiate() pending forever, so a HEAD request, answered long before the body arrives,
 * turns a missing or blocked file into an error the page can report.
 */
async function instantiate(db: AsyncDuckDB): Promise<void> {
  const url = new URL(wasmUrl, location.href).href;
  const reachable = fetch(url, { method: 'HEAD' }).then(
    (res) => { if (!res.ok) throw new Error(`数据库程序无法下载（HTTP ${res.status}）`); },
    () => { throw new Error('数据库程序无法下载（网络错误）'); },
  );
  await Promise.all([reachable, db.instantiate(url)]);
}

async function boot(fileUrl: (name: string) => string): Promise<BrowserDuckDB> {
  mark(MARKS.duckdbBoot);
  const worker = new Worker(`${bootUrl}#${encodeURIComponent(new URL(workerUrl, location.href).href)}`);
  const db = new AsyncDuckDB(new VoidLogger(), worker);
  // A wasm that fails to load surfaces only as an error event of the worker, and
  // instantiate() would then never settle; the event turns it into a rejection.
  const crashed = new Promise<never>((_, reject) =>
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      reject(new Error(`数据库未能启动（${e.message || '工作线程出错'}）`));
    }),
  );
  try {
    await Promise.race([instantiate(db), crashed]);
  } catch (err) {
    worker.terminate();
    throw err;
  }
  mark(MARKS.duckdbWasm);
  await db.open({ query: { castBigIntToDouble: true } });
  const conn = await db.connect();
  await conn.query(SUPERSEDED_SQL);
  // Locked before any other statement: tables arrive as Arrow IPC bytes and need no file access.
  for (const s of LOCK_SQL) await conn.query(s);
  mark(MARKS.duckdbOpen);
  const loaded = new Map<TableName, Promise<void>>();
  let userRows: UserRows | null = null;
  const layered = new Set<UserTable>();
  // User-row writes run one after another, so a table loaded meanwhile never misses a change.
  let writing: Promise<void> = Promise.resolve();

  async function fillUser(t: UserTable): Promise<void> {
    await conn.query(`DELETE FROM ${t}_user`);
    if (!userRows) return;
    // The bytes are transferred to DuckDB's worker (and detached here): hand it a copy.
    await conn.insertArrowFromIPCStream(userRows[t].slice(), { name: `${t}_incoming`, create: true });
    // A stream without record batches (no findings at all) creates no table.
    const made = await conn.query(`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = '${t}_incoming'`);
    if (Number(made.getChild('n')?.get(0)) === 0) return;
    await conn.query(`INSERT INTO ${t}_user BY NAME SELECT *, 'user' AS origin FROM ${t}_incoming; DROP TABLE ${t}_incoming;`);
  }

  function serially(fn: () => Promise<void>): Promise<void> {
    const next = writing.then(fn);
    writing = next.catch(() => undefined);
    return next;
  }

  function ensure(table: TableName): Promise<void> {
    let p = loaded.get(table);
    if (!p) {
      p = (async () => {
        const res = await fetch(fileUrl(`${table}.arrow`));
        if (!res.ok) throw new Error(`数据文件 ${table}.arrow 无法读取（HTTP ${res.status}）`);
        const bytes = new Uint8Array(await res.arrayBuffer());
        await conn.insertArrowFromIPCStream(bytes, { name: table, create: true });
        await conn.query(afterLoadSql(table));
        mark(MARKS.firstTable);
        if (isUserTable(table)) {
          await conn.query(userLayerSql(table));
          layered.add(table);
          // A new `<t>_user` is empty, as is `superseded`: with no workspace there is nothing to do.
          if (userRows) {
            await serially(async () => {
              await fillUser(table);
              if (table === 'reports') await conn.query(SUPERSEDE_SQL);
            });
          }
        }
      })();
      p.catch(() => loaded.delete(table));
      loaded.set(table, p);
    }
    return p;
  }

  async function setUserRows(rows: UserRows | null): Promise<void> {
    // The first screen of a browser without a workspace pays no query for it.
    if (!rows && !userRows) return;
    userRows = rows;
    // reports decides which shipped reports are superseded, so it is always loaded.
    await ensure('reports');
    await serially(async () => {
      // A table still loading fills itself (its turn comes after this one).
      for (const t of layered) await fillUser(t);
      await conn.query(SUPERSEDE_SQL);
    });
  }

  let consoleConn: Promise<ConsoleConnection> | undefined;

  return {
    ensure,
    setUserRows,
    // Loaded with the console only: the overview never pays for it.
    console: () => (consoleConn ??= Promise.all([db.connect(), import('./console-connection')]).then(([c, m]) => m.consoleOn(c))),
    // Errors are turned into QueryError by the query service, the only caller.
    async query(sql: string): Promise<Table> {
      return (await conn.query(sql)) as unknown as Table;
    },
  };
}

let instance: Promise<BrowserDuckDB> | undefined;

/** The shared instance; the first call boots it, and a failed boot may be retried. */
export function getDuckDB(fileUrl: (name: string) => string): Promise<BrowserDuckDB> {
  if (!instance) {
    instance = boot(fileUrl);
    instance.catch(() => (instance = undefined));
  }
  return instance;
}
