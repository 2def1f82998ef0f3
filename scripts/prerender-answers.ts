/**
 * Answers the views' prerendered queries (src/lib/prerender/queries.ts) against a dataset's
 * Parquet files with DuckDB in Node, and writes each as Arrow IPC named by its SQL's key, plus
 * index.json. The site build runs it (vite.config.ts), so the answers always match the data and
 * the views' SQL of that build. usage: tsx scripts/prerender-answers.ts DATA_DIR OUT_DIR
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

const started = performance.now();
const db = await openNodeDuckDB(dataDir);
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const keys: string[] = [];
let bytes = 0;
try {
  for (const sql of await prerenderedQueries({ query: (q) => arrowAnswer(db.conn, q) })) {
    const t = await arrowAnswer(db.conn, sql);
    // The SQL travels inside the answer, so the page can tell a hash collision from a hit.
    const tagged = new Table(new Schema(t.schema.fields, new Map([[ANSWER_SQL, sql]])), t.batches);
    const ipc = tableToIPC(tagged, 'stream');
    const key = answerKey(sql);
    if (keys.includes(key)) throw new Error(`two prerendered queries share the key ${key}`);
    keys.push(key);
    bytes += ipc.length;
    writeFileSync(join(outDir, `${key}.arrow`), ipc);
  }
} finally {
  db.close();
}
writeFileSync(join(outDir, ANSWERS_INDEX), JSON.stringify(keys.sort()));
console.log(`prerendered ${keys.length} answers (${(bytes / 1024).toFixed(0)} KB) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
