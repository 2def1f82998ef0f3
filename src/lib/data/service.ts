/**
 * The browser's query service, over the lazily booted DuckDB-WASM. Importing this module is
 * what pulls DuckDB into the page, so views import it dynamically after their first paint.
 */
import { getDuckDB, type TableName } from './duckdb';
import { dataUrl } from './files';
import { QueryService } from './query';

let service: QueryService | undefined;

/** The one service, once DuckDB is up and the named tables are loaded. */
export async function getQueryService(tables: readonly TableName[] = ['reports']): Promise<QueryService> {
  const db = await getDuckDB(dataUrl);
  await Promise.all(tables.map((t) => db.ensure(t)));
  service ??= new QueryService(db);
  return service;
}
