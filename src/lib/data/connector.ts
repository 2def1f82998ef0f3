import type { Table } from 'apache-arrow';

/**
 * The one thing the query service needs from a database: run SQL, answer with an Arrow table.
 * The browser implements it over DuckDB-WASM, the unit tests over @duckdb/node-api, so the
 * service and every SQL string are tested against a real DuckDB rather than a fake.
 */
export interface Connector {
  query(sql: string): Promise<Table>;
}
