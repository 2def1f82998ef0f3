/** Lists the JS files the overview loads with their gzip sizes (a look inside bench:app's JS figure). */
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshBrowser } from '../tests/support/browser';
import { serveStatic } from './static-server';

const path = process.argv[2] ?? '';
const server = await serveStatic('build');
const b = await freshBrowser();
try {
  const page = b.context.pages()[0] ?? (await b.context.newPage());
  const js = new Set<string>();
  page.on('request', (r) => { const u = new URL(r.url()); if (u.pathname.endsWith('.js')) js.add(u.pathname); });
  await page.goto(new URL(path, server.url).href);
  await page.waitForFunction(() => performance.getEntriesByType('mark').some((m) => m.name.includes('duckdb')), null, { timeout: 30000 }).catch(() => {});
  await page.waitForTimeout(1500);
  let total = 0;
  const rows = [...js].map((p) => [gzipSync(readFileSync(join('build', p)), { level: 9 }).length / 1024, p] as const).sort((a, c) => c[0] - a[0]);
  for (const [kb, p] of rows) { if (!p.includes('worker')) total += kb; console.log(kb.toFixed(1).padStart(7), p); }
  console.log(`page JS without the DuckDB worker: ${total.toFixed(1)} KB gzip`);
} finally {
  await b.close();
  await server.close();
}
