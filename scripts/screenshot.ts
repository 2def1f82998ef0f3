/** `npm run screenshot`: the README's picture of the overview, from the built site in headless Chromium. */
import { serveStatic } from './static-server';
import { freshBrowser } from '../tests/support/browser';
import { MARKS } from '../src/lib/data/marks';

const out = process.argv[2] ?? 'docs/overview.png';
const server = await serveStatic('build');
const browser = await freshBrowser();
try {
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(server.url);
  await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, MARKS.duckdbChart, { timeout: 60_000 });
  await page.screenshot({ path: out, fullPage: true });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.close();
}
