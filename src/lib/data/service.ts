/**
 * The browser's query service, over the lazily booted DuckDB-WASM. Importing this module is
 * what pulls DuckDB into the page, so views import it dynamically after their first paint.
 * The user's imported reports (the workspace, in IndexedDB) join the shipped ones here, so
 * every view sees them.
 */
import { getDuckDB, type BrowserDuckDB, type TableName } from './duckdb';
import { dataUrl } from './files';
import { QueryService } from './query';
import type { ConsoleConnection } from './readonly';
import { DATA_TABLES } from './tables';
import { WORKSPACE_DB } from '../workspace/name';

let service: QueryService | undefined;
let workspace: Promise<void> | undefined;

/** False only when the browser says the workspace database was never created. */
async function mayHaveWorkspace(): Promise<boolean> {
  try {
    if (typeof indexedDB.databases !== 'function') return true;
    return (await indexedDB.databases()).some((d) => d.name === WORKSPACE_DB);
  } catch {
    return true;
  }
}

async function applyWorkspace(db: BrowserDuckDB): Promise<void> {
  // A visitor who never imported a report does not load the workspace code at all.
  if (!(await mayHaveWorkspace())) return;
  try {
    const { readSnapshot } = await import('../workspace/idb');
    await db.setUserRows((await readSnapshot()) ?? null);
  } catch (err) {
    // Without IndexedDB (a private window may refuse it) the shipped data still works.
    console.warn('本地工作区无法读取：', err);
  }
}

/** The one service, once DuckDB is up and the named tables are loaded. */
export async function getQueryService(tables: readonly TableName[] = ['reports']): Promise<QueryService> {
  const db = await getDuckDB(dataUrl);
  workspace ??= applyWorkspace(db);
  await Promise.all([workspace, ...tables.map((t) => db.ensure(t))]);
  service ??= new QueryService(db);
  return service;
}

/** Reload the workspace's rows after it changed, and drop answers computed without them. */
export async function refreshWorkspace(): Promise<void> {
  const db = await getDuckDB(dataUrl);
  workspace = applyWorkspace(db);
  await workspace;
  service?.invalidate();
}

/** The SQL console's connection, once every table it documents is loaded with the workspace. */
export async function getConsole(): Promise<ConsoleConnection> {
  await getQueryService(DATA_TABLES);
  return (await getDuckDB(dataUrl)).console();
}
