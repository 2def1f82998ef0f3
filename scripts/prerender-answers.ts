/**
 * Answers the views' prerendered queries (src/lib/prerender/queries.ts) against a dataset's
 * Parquet files with DuckDB in Node, and writes each as Arrow IPC named by its SQL's key, plus
 * index.json. The site build runs it (vite.config.ts), so the answers always match the data and
 * the views' SQL of that build. usage: tsx scripts/prerender-answers.ts DATA_DIR OUT_DIR
 *
 * The answers are bounded: taken in the queries' order (most wanted first) until BUDGET bytes,
 * so a dataset of thousands of bodies ships its default views and most shared links, not tens
 * of thousands of files (a province of 1,489 bodies gave 25,297 answers, 360 MB, before). A
 * query left out just waits for DuckDB in the page.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Schema, Table, tableToIPC } from 'apache-arrow';
import { openNodeDuckDB } from '../tests/support/node-duckdb';
import { arrowAnswer } from './arrow-answer';
import { prerenderedQueries } from '../src/lib/prerender/queries';
import { ANSWER_SQL, ANSWERS_INDEX, answerKey } from '../src/lib/prerender/key';

const [dataDir, outDir] = process.argv.slice(2).map((p) => resolve(p));
if (!dataDir || !outDir) throw new Error('usage: prerender-answers DATA_DIR OUT_DIR');

/** Bytes of Arrow the answers may take in all (`GONGKAI_ANSWERS_MB` changes it). */
const BUDGET = Number(process.env.GONGKAI_ANSWERS_MB ?? 24) * 1024 * 1024;
/** Past this much time the build stops asking: a large dataset's build stays bounded. */
const DEADLINE_MS = 90_000;
const MISSES = 200;

const started = performance.now();
const db = await openNodeDuckDB(dataDir);
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const keys = new Set<string>();
let bytes = 0;
let skipped = 0;
let lastFit = 0;
let asked = 0;
let queries: string[] = [];
try {
  queries = await prerenderedQueries({ query: (q) => arrowAnswer(db.conn, q) });
  for (const sql of queries) {
    if (BUDGET - bytes < 1024 || performance.now() - started > DEADLINE_MS) break;
    asked++;
    const t = await arrowAnswer(db.conn, sql);
    // The SQL travels inside the answer, so the page can tell a hash collision from a hit.
    const tagged = new Table(new Schema(t.schema.fields, new Map([[ANSWER_SQL, sql]])), t.batches);
    const ipc = tableToIPC(tagged, 'stream');
    const key = answerKey(sql);
    if (keys.has(key)) throw new Error(`two prerendered queries share the key ${key}`);
    if (bytes + ipc.length > BUDGET) {
      // Many misses in a row: what is left is as large, and asking costs build time.
      if (++skipped - lastFit > MISSES) break;
      continue;
    }
    lastFit = skipped;
    keys.add(key);
    bytes += ipc.length;
    writeFileSync(join(outDir, `${key}.arrow`), ipc);
  }
} finally {
  db.close();
}
writeFileSync(join(outDir, ANSWERS_INDEX), JSON.stringify([...keys].sort()));
console.log(`prerendered ${keys.size} answers (${(bytes / 1024).toFixed(0)} KB) in ${((performance.now() - started) / 1000).toFixed(1)} s`
  + (keys.size < queries.length ? `; ${queries.length - keys.size} of ${queries.length} queries left to DuckDB (budget ${BUDGET / 1024 / 1024} MB: ${skipped} too large, ${queries.length - asked} not asked)` : ''));
