import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Table } from 'apache-arrow';
import { QueryService } from '../../src/lib/data/query';
import { QueryError } from '../../src/lib/data/query-error';
import type { Connector } from '../../src/lib/data/connector';
import { column } from '../../src/lib/data/columns';
import { requireData } from '../support/dataset';
import { openNodeDuckDB, type NodeDuckDB } from '../support/node-duckdb';

/** Counts what reaches the real database, and can hold a query back to order completions. */
function instrumented(db: Connector) {
  const seen: string[] = [];
  const gates = new Map<string, Promise<void>>();
  const connector: Connector = {
    async query(sql: string): Promise<Table> {
      seen.push(sql);
      const gate = gates.get(sql);
      if (gate) await gate;
      return db.query(sql);
    },
  };
  function hold(sql: string): () => void {
    let release!: () => void;
    gates.set(sql, new Promise<void>((r) => (release = r)));
    return release;
  }
  return { connector, seen, hold };
}

describe('query service over Node DuckDB', () => {
  let db: NodeDuckDB;
  beforeAll(async () => {
    requireData();
    db = await openNodeDuckDB();
  });
  afterAll(() => db?.close());

  it('answers with an Arrow table', async () => {
    const svc = new QueryService(db);
    const t = await svc.query('SELECT count(*)::INTEGER AS n FROM reports');
    expect(column(t, 'n')[0]).toBeGreaterThan(0);
  });

  it('runs identical SQL once, in flight and afterwards', async () => {
    const { connector, seen } = instrumented(db);
    const svc = new QueryService(connector);
    const sql = 'SELECT report_id FROM reports ORDER BY report_id';
    const [a, b] = await Promise.all([svc.query(sql), svc.query(` ${sql} `)]);
    const c = await svc.query(sql);
    expect(a).toBe(b);
    expect(c).toBe(a);
    expect(seen).toHaveLength(1);
    expect(svc.executed).toBe(1);
  });

  it('evicts the least recently used answer beyond its size', async () => {
    const { connector, seen } = instrumented(db);
    const svc = new QueryService(connector, { cacheSize: 2 });
    await svc.query('SELECT 1 AS x');
    await svc.query('SELECT 2 AS x');
    await svc.query('SELECT 1 AS x');
    await svc.query('SELECT 3 AS x');
    await svc.query('SELECT 1 AS x');
    await svc.query('SELECT 2 AS x');
    expect(seen).toEqual(['SELECT 1 AS x', 'SELECT 2 AS x', 'SELECT 3 AS x', 'SELECT 2 AS x']);
  });

  it('drops the answer of a query a newer one on the same channel made stale', async () => {
    const { connector, hold } = instrumented(db);
    const svc = new QueryService(connector);
    const older = "SELECT count(*)::INTEGER AS n FROM reports WHERE level = 'county'";
    const newer = 'SELECT count(*)::INTEGER AS n FROM reports';
    const release = hold(older);
    const first = svc.latest('headline', older);
    const second = svc.latest('headline', newer);
    const other = svc.latest('coverage', older);
    const b = await second;
    release();
    const a = await first;
    expect(a.stale).toBe(true);
    expect(b.stale).toBe(false);
    // Another channel is not affected by the headline's newer filter.
    expect((await other).stale).toBe(false);
  });

  it('turns a database error into a QueryError carrying the SQL, and does not cache it', async () => {
    const { connector, seen } = instrumented(db);
    const svc = new QueryService(connector);
    const bad = 'SELECT no_such_column FROM reports';
    const err = await svc.query(bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QueryError);
    expect((err as QueryError).sql).toBe(bad);
    expect((err as QueryError).message).toMatch(/^查询失败/);
    await svc.query(bad).catch(() => undefined);
    expect(seen).toHaveLength(2);
  });
});
