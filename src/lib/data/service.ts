/**
 * The browser's query service, over the lazily booted DuckDB-WASM. Importing this module is
 * what pulls DuckDB into the page, so views import it dynamically after their first paint.
 * The user's imported reports (the workspace, in IndexedDB) join the shipped ones here, so
 * every view sees them.
 *
 * The service answers at once: a query the build prerendered is served from its answer file
 * while DuckDB boots (a deep link draws true figures without waiting for the engine), and
 * any other query waits for DuckDB and for the tables it reads. Prerendered answers describe
 * the shipped data only, so a browser that may hold a workspace never uses them.
 */
import type { Table } from 'apache-arrow';
import type { Connector } from './connector';
import { DATA_TABLES, type TableName } from './tables';
import { getDuckDB, type BrowserDuckDB } from './duckdb';
import { dataUrl } from './files';
import { MARKS, mark } from './marks';
import { QueryService } from './query';
import type { ConsoleConnection } from './readonly';
import { PrerenderedAnswers } from '../prerender/client';
import { firstScreenShown } from '../prerender/first-screen';
import { WORKSPACE_DB } from '../workspace/name';

let service: QueryService | undefined;
let workspace: Promise<void> | undefined;
let shippedOnly: Promise<boolean> | undefined;
/** Known once the browser has said whether a workspace exists. */
let shipped: boolean | undefined;
/** Tables some view asked for: loaded as soon as DuckDB is up, before it answers anything. */
const wanted = new Set<TableName>(['reports']);

/** False only when the browser says the workspace database was never created. */
async function mayHaveWorkspace(): Promise<boolean> {
  try {
    if (typeof indexedDB.databases !== 'function') return true;
    return (await indexedDB.databases()).some((d) => d.name === WORKSPACE_DB);
  } catch {
    return true;
  }
}

/**
 * The browser's first answer, asked once as the page starts: IndexedDB takes ~200 ms to answer
 * in a fresh profile, which DuckDB's start hides. After an import the question is asked again.
 */
let firstProbe: Promise<boolean> | undefined;
const probeOnce = () => (firstProbe ??= mayHaveWorkspace());

async function applyWorkspace(db: BrowserDuckDB, askAgain = false): Promise<void> {
  // A visitor who never imported a report does not load the workspace code at all.
  if (!(await (askAgain ? mayHaveWorkspace() : probeOnce()))) return;
  try {
    const { readSnapshot } = await import('../workspace/idb');
    await db.setUserRows((await readSnapshot()) ?? null);
  } catch (err) {
    // Without IndexedDB (a private window may refuse it) the shipped data still works.
    console.warn('本地工作区无法读取：', err);
  }
}

/** The tables a query reads, by name; the view's own list is loaded anyway. */
function tablesIn(sql: string): TableName[] {
  return DATA_TABLES.filter((t) => wanted.has(t) || new RegExp(`\\b${t}\\b`, 'i').test(sql));
}

/** DuckDB with the workspace applied and the given tables loaded. */
async function engine(tables: readonly TableName[]): Promise<BrowserDuckDB> {
  const db = await getDuckDB(dataUrl);
  workspace ??= applyWorkspace(db);
  await Promise.all([workspace, ...tables.map((t) => db.ensure(t))]);
  mark(MARKS.engineUp);
  return db;
}

const answers = new PrerenderedAnswers(dataUrl);

const connector: Connector = {
  async query(sql: string): Promise<Table> {
    shippedOnly ??= probeOnce().then((may) => (shipped = !may));
    // The answer is looked up while the browser says whether a workspace exists (IndexedDB takes
    // ~200 ms to answer in a fresh profile); it is used only if none does.
    const known = shipped === false ? null : answers.answer(sql);
    if ((await shippedOnly) && known) {
      const table = await known;
      if (table) return table;
    }
    return (await engine(tablesIn(sql))).query(sql);
  },
};

/**
 * DuckDB's start and the workspace question, begun before any view asks (hooks.client.ts): on a
 * page whose first chart the build drew, nothing on screen waits for them.
 */
export function startEngine(): void {
  void probeOnce();
  getDuckDB(dataUrl).catch(() => undefined);
}

/**
 * The one service. DuckDB boots, with the named tables, once the first chart is drawn (from
 * prerendered answers), or at once for a query the build did not answer; it then takes over
 * every such query, and a failed boot surfaces as the failure of one.
 */
export async function getQueryService(tables: readonly TableName[] = ['reports']): Promise<QueryService> {
  for (const t of tables) wanted.add(t);
  // Under the build's drawing the screen already shows what the reader came for: DuckDB starts
  // at once (its wasm compiles in its own worker).
  void firstScreenShown().then(() => engine([...wanted]).catch(() => undefined));
  service ??= new QueryService(connector);
  return service;
}

/** Reload the workspace's rows after it changed, and drop answers computed without them. */
export async function refreshWorkspace(): Promise<void> {
  const db = await getDuckDB(dataUrl);
  workspace = applyWorkspace(db, true);
  shippedOnly = Promise.resolve((shipped = false));
  await workspace;
  service?.invalidate();
}

/** The SQL console's connection, once every table it documents is loaded with the workspace. */
export async function getConsole(): Promise<ConsoleConnection> {
  await getQueryService(DATA_TABLES);
  return (await getDuckDB(dataUrl)).console();
}
