/**
 * The console's read-only construction (src/lib/data/readonly.ts) on a real DuckDB (node-api):
 * locked engine, one statement wrapped in a SELECT, read-only transaction rolled back. The
 * browser runs the same code on DuckDB-WASM (tests/browser/security.test.ts).
 */
import { tableFromArrays, vectorFromArray } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryStopped, runReadOnly, type ConsoleConnection } from '../../src/lib/data/readonly';
import { LOCK_SQL } from '../../src/lib/data/tables';
import { emptyMessage, refusalMessage } from '../../src/lib/sql/guard';
import { EXAMPLES } from '../../src/lib/sql/schema';
import { requireData } from '../support/dataset';
import { openNodeDuckDB, TABLES, type NodeDuckDB } from '../support/node-duckdb';

const READS = [
  'SELECT * FROM reports',
  '  select unit, year from reports where unit = \'DROP TABLE reports\';  ',
  'WITH x AS (SELECT year FROM reports) SELECT count(*) AS n FROM x',
  'FROM findings',
  'DESCRIBE cells',
  'SELECT replace(unit, \'人民政府\', \'\') AS u FROM reports -- DELETE later?',
  'SELECT "set" FROM (SELECT 1 AS "set")',
  '/* insert */ SELECT 1 AS one',
  'SELECT 1 AS one; -- a note after the semicolon',
  'SUMMARIZE findings',
  'SELECT $$DELETE FROM reports$$ AS s, $x$ ; DROP $x$ AS t',
  'PIVOT (SELECT year, level FROM reports) ON level IN (\'township\', \'county\') USING count(*)',
  ...EXAMPLES.map((e) => e.sql),
];

/** The bypasses and more; the word list never runs first, so DuckDB refuses each. */
const ATTACKS = [
  `SELECT $$'$$ AS a; CREATE TABLE pwned AS SELECT 42 AS x; SELECT 1 --'`,
  `SELECT $$'$$ AS a; DELETE FROM reports_base; SELECT 1 --'`,
  `SELECT $tag$'$tag$ AS a; SET autoload_known_extensions=true; SELECT 1 --'`,
  `SELECT $a$ $b$ ' $b$ $a$ AS a; DROP TABLE cells; SELECT 1 --'`,
  'SELECT 1 /* ; */ ; DELETE FROM findings',
  'DROP TABLE reports',
  'DELETE FROM findings',
  'INSERT INTO findings SELECT * FROM findings',
  'UPDATE reports SET year = 1',
  'ALTER TABLE reports DROP COLUMN unit',
  'CREATE TABLE pwned AS SELECT 1',
  'CREATE OR REPLACE TABLE reports AS SELECT 1',
  '/* hello */ -- there\nCREATE TABLE pwned AS SELECT 1',
  "COPY reports TO '/tmp/gongkai-pwned.csv'",
  "COPY (SELECT 1) TO 'http://127.0.0.2:9/copy.csv'",
  "EXPORT DATABASE '/tmp/gongkai-pwned'",
  "ATTACH '/tmp/gongkai-pwned.db' AS x",
  "ATTACH ':memory:' AS x",
  'INSTALL httpfs',
  'LOAD httpfs',
  'SET threads = 1',
  'SET enable_external_access = true',
  'RESET lock_configuration',
  'PRAGMA enable_profiling',
  'CALL checkpoint()',
  'CHECKPOINT',
  'TRUNCATE cells',
  'USE memory',
  'BEGIN TRANSACTION',
  'SELECT 1; DROP TABLE reports',
  'SELECT 1; SELECT 2',
  "SELECT * FROM read_csv('/etc/passwd')",
  "SELECT * FROM read_csv('http://127.0.0.2:9/fn.csv')",
  "SELECT * FROM 'http://127.0.0.2:9/x.parquet'",
  'SELECT * FROM "http://127.0.0.2:9/quoted.csv"',
  "SELECT * FROM '/etc/passwd'",
  "SELECT * FROM read_parquet('/tmp/x.parquet')",
  "SELECT * FROM glob('/*')",
  "SELECT * FROM read_text('/etc/hostname')",
  'WITH t AS (SELECT 1) SELECT * FROM t; INSTALL httpfs; --',
  'PIVOT reports ON year USING count(*)',
];

/** A ConsoleConnection over node-api, as duckdb.ts makes one over DuckDB-WASM. */
async function nodeConsole(db: NodeDuckDB): Promise<ConsoleConnection> {
  const conn = await db.instance.connect();
  return {
    async exec(sql) {
      await conn.run(sql);
    },
    async prepare(sql) {
      await conn.prepare(sql);
    },
    async run(sql) {
      const reader = await conn.runAndReadAll(sql);
      const cols = reader.getColumnsObjectJS() as Record<string, unknown[]>;
      const plain = (v: unknown) => (typeof v === 'bigint' ? Number(v) : v);
      return tableFromArrays(Object.fromEntries(reader.columnNames().map((n) => [n, vectorFromArray(cols[n].map(plain))])) as never) as never;
    },
    async cancel() {
      conn.interrupt();
    },
  };
}

describe('SQL console, read-only by construction', () => {
  let db: NodeDuckDB;
  let con: ConsoleConnection;
  const state = async () => ({
    counts: await Promise.all([...TABLES, 'superseded'].map((t) => db.rows(`SELECT count(*)::INTEGER AS n FROM ${t}`))),
    tables: await db.rows('SELECT database_name, schema_name, table_name FROM duckdb_tables() ORDER BY ALL'),
    databases: await db.rows('SELECT database_name FROM duckdb_databases() ORDER BY ALL'),
    settings: await db.rows("SELECT name, value FROM duckdb_settings() WHERE name IN ('enable_external_access', 'lock_configuration', 'autoload_known_extensions', 'autoinstall_known_extensions', 'threads') ORDER BY name"),
  });

  beforeAll(async () => {
    requireData();
    db = await openNodeDuckDB();
    await db.conn.run('CREATE TABLE superseded (report_id VARCHAR)');
    for (const s of LOCK_SQL) await db.conn.run(s);
    con = await nodeConsole(db);
  });
  afterAll(() => db?.close());

  it('locks the engine: a later SET fails, files and URLs are out of reach', async () => {
    await expect(db.conn.run('SET enable_external_access = true')).rejects.toThrow(/lock/i);
    await expect(db.conn.run("SELECT * FROM read_csv('/etc/passwd')")).rejects.toThrow();
  });

  it.each(ATTACKS)('refuses %j with a Chinese message and changes nothing', async (sql) => {
    const before = await state();
    const err = await runReadOnly(con, sql).then(() => null, (e: Error) => e);
    expect(err, sql).toBeInstanceOf(Error);
    expect(refusalMessage(sql, err!.message), err!.message).toMatch(/^(拒绝执行|一次只能)/);
    expect(await state()).toEqual(before);
  });

  it('cannot break out of the wrapping SELECT: the text alone does not parse', async () => {
    const before = await state();
    const sql = 'SELECT 1) AS t; DROP TABLE reports; SELECT * FROM (SELECT 1';
    await expect(runReadOnly(con, sql)).rejects.toThrow(/Parser Error|multiple statements/);
    expect(await state()).toEqual(before);
  });

  it('runs reading statements as DuckDB answers them directly', async () => {
    const before = await state();
    for (const sql of READS) {
      const got = await runReadOnly(con, sql);
      const direct = await db.rows(sql);
      expect(got.numRows, sql).toBe(direct.length);
    }
    expect(await state()).toEqual(before);
  });

  it('keeps ORDER BY of the statement', async () => {
    const got = await runReadOnly(con, 'SELECT report_id FROM reports ORDER BY report_id DESC');
    const direct = await db.rows('SELECT report_id FROM reports ORDER BY report_id DESC');
    expect(got.getChild('report_id')?.toArray()).toEqual(direct.map((r) => r.report_id));
  });

  it('stops a long query on abort, says why, and the connection works after', async () => {
    const ctl = new AbortController();
    const long = runReadOnly(con, 'SELECT count(*) FROM range(200000) a, range(200000) b', ctl.signal);
    setTimeout(() => ctl.abort('timeout'), 300);
    await expect(long).rejects.toEqual(new QueryStopped('timeout'));
    expect((await runReadOnly(con, 'SELECT 42 AS x')).getChild('x')?.get(0)).toBe(42);
  });

  it('says in Chinese what was wrong for empty text, and leaves ordinary errors to the page', () => {
    expect(emptyMessage('  ;  -- nothing')).toMatch(/请输入/);
    expect(emptyMessage('SELECT 1')).toBeNull();
    expect(refusalMessage('SELECT no_such FROM reports', 'Binder Error: Referenced column "no_such" not found')).toBeNull();
  });
});
