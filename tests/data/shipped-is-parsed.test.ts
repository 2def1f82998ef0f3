/**
 * The shipped data/ is what this parser reads from the corpus today: rebuilt from the corpus
 * (scripts/build-data.ts, the same command as `npm run data`) into a scratch folder, every table
 * holds the same rows as the committed one. A parser change that moves a figure without
 * `npm run data` would otherwise ship figures no code of the project reads any more.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_DIR, requireData } from '../support/dataset';

const TABLES = ['reports', 'cells', 'findings', 'dictionary'];
const quote = (p: string) => `'${p.replace(/'/g, "''")}'`;

describe('the shipped dataset', () => {
  let fresh: string;
  beforeAll(() => {
    requireData();
    fresh = mkdtempSync(join(tmpdir(), 'gongkai-data-'));
    execFileSync('npx', ['tsx', 'scripts/build-data.ts', fresh], { stdio: 'pipe', timeout: 600_000 });
  }, 620_000);
  afterAll(() => { if (fresh) rmSync(fresh, { recursive: true, force: true }); });

  it.each(TABLES)('%s.parquet: the same rows as the parser reads now', async (t) => {
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    const a = `read_parquet(${quote(resolve(DATA_DIR, `${t}.parquet`))})`;
    const b = `read_parquet(${quote(join(fresh, `${t}.parquet`))})`;
    const count = async (sql: string) => Number((await conn.runAndReadAll(sql)).getRows()[0][0]);
    const shippedOnly = await count(`SELECT count(*) FROM (SELECT * FROM ${a} EXCEPT ALL SELECT * FROM ${b})`);
    const freshOnly = await count(`SELECT count(*) FROM (SELECT * FROM ${b} EXCEPT ALL SELECT * FROM ${a})`);
    expect({ shippedOnly, freshOnly }, 'run `npm run data` and commit data/').toEqual({ shippedOnly: 0, freshOnly: 0 });
    expect(await count(`SELECT count(*) FROM ${a}`)).toBeGreaterThan(0);
    conn.closeSync();
  });

  it('summary.json: the same, but for the time it was written', () => {
    const read = (dir: string) => { const s = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as Record<string, unknown>; delete s.generated; return s; };
    expect(read(fresh)).toEqual(read(DATA_DIR));
  });
});
