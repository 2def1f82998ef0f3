/**
 * A Connector over @duckdb/node-api, loading the shipped parquet files, so the query service
 * and the SQL run in Node against the same DuckDB engine and data as the browser.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { tableFromArrays, vectorFromArray, type Table } from 'apache-arrow';
import { resolve } from 'node:path';
import type { Connector } from '../../src/lib/data/connector';
import { DATA_DIR } from './dataset';

import { DATA_TABLES as TABLES, afterLoadSql } from '../../src/lib/data/tables';
export { TABLES };

export interface NodeDuckDB extends Connector {
  conn: DuckDBConnection;
  /** For a second connection (the SQL console has one of its own). */
  instance: DuckDBInstance;
  /** Plain row objects, for comparing against what a view shows. */
  rows(sql: string): Promise<Record<string, unknown>[]>;
  close(): void;
}

export async function openNodeDuckDB(dir = DATA_DIR): Promise<NodeDuckDB> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  for (const t of TABLES) {
    const file = resolve(dir, `${t}.parquet`).replace(/'/g, "''");
    await conn.run(`CREATE TABLE ${t} AS SELECT * FROM read_parquet('${file}')`);
    await conn.run(afterLoadSql(t));
  }
  return {
    conn,
    instance,
    async query(sql: string): Promise<Table> {
      const reader = await conn.runAndReadAll(sql);
      const cols = reader.getColumnsObjectJS() as Record<string, unknown[]>;
      const vectors = Object.fromEntries(
        reader.columnNames().map((n) => [n, vectorFromArray(cols[n].map(normalize))]),
      );
      return tableFromArrays(vectors as never) as unknown as Table;
    },
    async rows(sql: string) {
      const reader = await conn.runAndReadAll(sql);
      return reader.getRowObjectsJS().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, normalize(v)])));
    },
    close() {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

function normalize(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(normalize);
  return v;
}
