/** The SQL console's DuckDB-WASM connection (see readonly.ts), its queries sent as cancellable pending queries. */
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { Table, type RecordBatch } from 'apache-arrow';
import type { ConsoleConnection } from './readonly';

export function consoleOn(c: AsyncDuckDBConnection): ConsoleConnection {
  return {
    async exec(sql) {
      await c.query(sql);
    },
    async prepare(sql) {
      await (await c.prepare(sql)).close();
    },
    // send() runs a pending query, polled step by step, so cancelSent() can interrupt it.
    async run(sql) {
      const reader = await c.send(sql);
      const batches: RecordBatch[] = [];
      for await (const b of reader) batches.push(b);
      return new Table(reader.schema, batches);
    },
    async cancel() {
      await c.cancelSent();
    },
  };
}
