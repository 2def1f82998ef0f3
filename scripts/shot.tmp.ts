import { serveStatic } from './static-server';
import { freshBrowser } from '../tests/support/browser';
import { MARKS } from '../src/lib/data/marks';
const path = process.argv[2] ?? '/';
const server = await serveStatic('build');
const browser = await freshBrowser();
try {
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log('console', m.type(), m.text().slice(0, 300)); });
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  await page.setViewportSize({ width: 1400, height: 900 });
  const t0 = Date.now();
  await page.goto(new URL(path, server.url).href);
  await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, MARKS.duckdbChart, { timeout: 90_000 }).catch((e) => console.log('no duckdb chart', e.message));
  console.log('duckdb chart after', Date.now() - t0, 'ms', await page.evaluate(() => document.querySelector('section')?.getAttribute('data-source')));
  await page.waitForTimeout(1500);
  await page.screenshot({ path: '/tmp/shot.png', fullPage: true });
  console.log((await page.evaluate(() => document.body.innerText)).slice(0, 1500));
} finally { await browser.close(); await server.close(); }
