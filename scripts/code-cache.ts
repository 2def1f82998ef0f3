/**
 * `npx tsx scripts/code-cache.ts`: does this Chromium keep DuckDB's compiled wasm between visits?
 * Opens the built site three times in one profile (the browser restarted each time, 8 s on the
 * page after DuckDB's first answer) and prints the size of the profile's code caches. The
 * JavaScript cache is the control: it grows from the second visit on. A wasm cache that stays at
 * its index files means every visit compiles DuckDB's 34 MB again (issue 11's warm budget).
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic } from './static-server';
import { CHROMIUM } from '../tests/support/browser';
import { MARKS } from '../src/lib/data/marks';

const server = await serveStatic(process.env.SITE ?? 'build');
const profile = mkdtempSync(join(tmpdir(), 'gongkai-code-cache-'));
const size = (d: string) => Number(execSync(`du -sb "${profile}/Default/Code Cache/${d}" 2>/dev/null || echo 0`).toString().split('\t')[0]);
try {
  for (let visit = 1; visit <= 3; visit++) {
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await context.newPage();
      await page.goto(server.url);
      await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, MARKS.duckdbReady, { timeout: 60_000 });
      const ready = await page.evaluate((m) => performance.getEntriesByName(m)[0].startTime, MARKS.duckdbReady);
      await page.waitForTimeout(8000);
      console.log(`第 ${visit} 次访问：DuckDB 首次应答 ${ready.toFixed(0)} ms；代码缓存 js ${size('js')} B，wasm ${size('wasm')} B`);
    } finally {
      await context.close();
    }
  }
} finally {
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}
