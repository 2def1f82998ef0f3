import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardSql } from '../../src/lib/sql/guard';
import { EXAMPLES } from '../../src/lib/sql/schema';
import { requireData } from '../support/dataset';
import { openNodeDuckDB, TABLES, type NodeDuckDB } from '../support/node-duckdb';

const READS = [
  'SELECT * FROM reports',
  '  select unit, year from reports where unit = \'DROP TABLE reports\';  ',
  'WITH x AS (SELECT year FROM reports) SELECT count(*) FROM x',
  'FROM findings',
  'DESCRIBE cells',
  'SELECT replace(unit, \'人民政府\', \'\') AS u FROM reports -- DELETE later?',
  'SELECT "set" FROM (SELECT 1 AS "set")',
  '/* insert */ SELECT 1',
  'SUMMARIZE findings',
  ...EXAMPLES.map((e) => e.sql),
];

const WRITES = [
  'DROP TABLE reports',
  'drop table reports;',
  'DELETE FROM findings',
  'INSERT INTO findings SELECT * FROM findings',
  'UPDATE reports SET year = 1',
  'ALTER TABLE reports DROP COLUMN unit',
  'CREATE TABLE x AS SELECT 1',
  'CREATE OR REPLACE TABLE reports AS SELECT 1',
  "COPY reports TO 'x.csv'",
  "ATTACH 'other.db'",
  'INSTALL httpfs',
  'LOAD httpfs',
  'SET threads = 1',
  'PRAGMA enable_profiling',
  'SELECT 1; DROP TABLE reports',
  'SELECT 1; SELECT 2',
  "SELECT * FROM read_csv('https://example.com/x.csv')",
  "SELECT * FROM 'https://example.com/x.parquet'",
  'TRUNCATE cells',
  'CHECKPOINT',
  "SELECT 'unterminated",
  '',
  '   ;  ',
];

describe('SQL console guard', () => {
  let db: NodeDuckDB;
  beforeAll(async () => {
    requireData();
    db = await openNodeDuckDB();
  });
  afterAll(() => db?.close());

  it.each(WRITES)('refuses %j with a Chinese message', (sql) => {
    const g = guardSql(sql);
    expect(g.ok).toBe(false);
    if (!g.ok) expect(g.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('lets reading statements through, and they run on DuckDB leaving every table as it was', async () => {
    const before = await Promise.all(TABLES.map((t) => db.rows(`SELECT count(*) AS n FROM ${t}`)));
    for (const sql of READS) {
      const g = guardSql(sql);
      expect(g.ok, sql).toBe(true);
      if (g.ok) await expect(db.rows(g.sql), sql).resolves.toBeDefined();
    }
    const after = await Promise.all(TABLES.map((t) => db.rows(`SELECT count(*) AS n FROM ${t}`)));
    expect(after).toEqual(before);
  });

  it('drops a trailing semicolon and names the offending word', () => {
    const g = guardSql('SELECT 1;');
    expect(g).toEqual({ ok: true, sql: 'SELECT 1' });
    const d = guardSql('DROP TABLE reports');
    expect(!d.ok && d.message).toContain('DROP');
  });
});
