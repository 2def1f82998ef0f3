import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Schema, Table, tableFromIPC, tableToIPC } from 'apache-arrow';
import { rows } from '../../src/lib/data/columns';
import { CATALOG, findMeasure } from '../../src/lib/compare/catalog';
import { regionMeasureSql } from '../../src/lib/compare/regions';
import { applicationsSql, keysOf, measureSql, outcomesSql, uncertainSql, unitsSql } from '../../src/lib/compare/sql';
import { coverageRecordsSql } from '../../src/lib/coverage/model';
import { ANSWER_SQL, answerKey } from '../../src/lib/prerender/key';
import { prerenderedQueries } from '../../src/lib/prerender/queries';
import { allFindingsSql } from '../../src/lib/unit/sql';
import { arrowAnswer } from '../../scripts/arrow-answer';
import { DATA_DIR, requireData } from '../support/dataset';
import { openNodeDuckDB, type NodeDuckDB } from '../support/node-duckdb';

/** What a view reads from a row: numbers (bigints too) as numbers, lists as arrays. */
function plain(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (v && typeof v === 'object' && typeof (v as { toArray?: unknown }).toArray === 'function') return Array.from((v as { toArray(): ArrayLike<unknown> }).toArray(), plain);
  if (Array.isArray(v)) return v.map(plain);
  return v;
}
const plainRows = (t: Table) => rows(t).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plain(v)])));

describe('prerendered answers', () => {
  let db: NodeDuckDB;
  let queries: string[];
  beforeAll(async () => {
    requireData();
    db = await openNodeDuckDB();
    queries = await prerenderedQueries({ query: (q) => arrowAnswer(db.conn, q) });
  });
  afterAll(() => db?.close());

  it('cover the default state of every view that draws from DuckDB', async () => {
    const keys = (await db.rows(unitsSql())).map((u) => String(u.unit_key));
    for (const sql of [unitsSql(), measureSql(findMeasure('received')!.sql, null), applicationsSql(keys), coverageRecordsSql({}), allFindingsSql()]) {
      expect(queries).toContain(sql.trim());
    }
  });

  it('cover 对比 opened by a link on any measure or on its composition chart: the measure, its uncertain cells, its place summary', async () => {
    const keys = (await db.rows(unitsSql())).map((u) => String(u.unit_key));
    for (const m of CATALOG.flatMap((g) => g.measures)) {
      for (const sql of [measureSql(m.sql, null, m.base), uncertainSql(keysOf(m.sql), keys), regionMeasureSql(m, { prefix: '', level: '' })]) {
        expect(queries, `${m.id}: ${sql.slice(0, 80)}`).toContain(sql.trim());
      }
    }
    expect(queries).toContain(uncertainSql(keysOf(outcomesSql(null)), keys).trim());
  });

  it('give each query its own file name', () => {
    expect(new Set(queries.map(answerKey)).size).toBe(queries.length);
  });

  it('hold, after the trip through Arrow IPC, the rows DuckDB gives for the same SQL', async () => {
    // One query in six (of every kind: the list is grouped by view) keeps the test quick.
    for (const sql of queries.filter((_, i) => i % 6 === 0)) {
      const t = await arrowAnswer(db.conn, sql);
      const back = tableFromIPC(tableToIPC(new Table(new Schema(t.schema.fields, new Map([[ANSWER_SQL, sql]])), t.batches), 'stream'));
      expect(back.schema.metadata.get(ANSWER_SQL)).toBe(sql);
      expect(plainRows(back), sql).toEqual((await db.rows(sql)).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plain(v)]))));
    }
  }, 120_000);

  it('are bounded by the build\'s budget, which keeps each view\'s default state and drops per-body answers first', () => {
    const out = mkdtempSync(join(tmpdir(), 'gongkai-answers-'));
    try {
      // 60 KB: the shipped dataset's defaults fit, its 904 answers (2.3 MB) do not.
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/prerender-answers.ts', DATA_DIR, out],
        { encoding: 'utf8', env: { ...process.env, GONGKAI_ANSWERS_MB: String(60 / 1024) } });
      expect(r.status, r.stderr).toBe(0);
      const kept = new Set(JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as string[]);
      const bytes = readdirSync(out).filter((f) => f.endsWith('.arrow')).reduce((n, f) => n + statSync(join(out, f)).size, 0);
      expect(bytes).toBeLessThanOrEqual(60 * 1024);
      expect(kept.size).toBeLessThan(queries.length / 4);
      expect(r.stdout).toMatch(/left to DuckDB/);
      const received = findMeasure('received')!;
      for (const sql of [unitsSql(), measureSql(received.sql, null, received.base), regionMeasureSql(received, { prefix: '', level: '' })]) {
        expect(kept.has(answerKey(sql.trim())), sql.slice(0, 60)).toBe(true);
      }
      const oneBody = queries.find((q) => q.includes('WHERE unit_key ='));
      expect(oneBody, 'a per-body query exists').toBeDefined();
      expect(kept.has(answerKey(oneBody!))).toBe(false);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);

  it('count a dataset of one township\'s way down to it, as the drill-down walks it (soleChild), among the defaults', async () => {
    const one = await openNodeDuckDB();
    try {
      // The shipped data cut to 黑龙江: one city, one county, one township (柴河镇, 231083104).
      await one.conn.run("DELETE FROM reports WHERE coalesce(division_code, '') NOT LIKE '23%'");
      const own = await prerenderedQueries({ query: (q) => arrowAnswer(one.conn, q) });
      const received = findMeasure('received')!;
      // Among each view's default state, ahead of what a small budget drops first.
      const defaults = own.indexOf(outcomesSql(null).trim());
      expect(defaults).toBeGreaterThan(0);
      for (const prefix of ['23', '2310', '231083', '231083104']) {
        const at = own.indexOf(regionMeasureSql(received, { prefix, level: '' }).trim());
        expect(at, prefix).toBeGreaterThanOrEqual(0);
        expect(at, prefix).toBeLessThan(defaults);
      }
    } finally {
      one.close();
    }
  }, 60_000);
});
