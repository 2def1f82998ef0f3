/**
 * `npm run screenshot`: every page of the built site at 1400 px (desktop) and 390 px (phone),
 * in headless Chromium, into docs/screens/<page>-<width>.png, and the README's overview picture
 * docs/overview.png. Each page is shot once its data have arrived (no loading text left, every
 * section that has a data-ready attribute ready).
 */
import { mkdirSync } from 'node:fs';
import { serveStatic } from './static-server';
import { freshBrowser } from '../tests/support/browser';
import { MARKS } from '../src/lib/data/marks';

const PAGES: [string, string][] = [
  ['overview', '/'], ['applications', '/applications'], ['review', '/review'], ['procurement', '/procurement'],
  ['compare', '/compare'], ['coverage', '/coverage'], ['quality', '/quality'], ['unit', '/unit'],
  ['import', '/import'], ['print', '/print'], ['download', '/download'], ['sql', '/sql'],
];
const WIDTHS = [1400, 390];
const only = process.argv[2];

mkdirSync('docs/screens', { recursive: true });
const server = await serveStatic('build');
const browser = await freshBrowser();
try {
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width > 500 ? 900 : 844 });
    for (const [name, path] of PAGES.filter(([n]) => !only || n === only)) {
      await page.goto(new URL(path, server.url).href);
      await page.waitForFunction(() => !/加载|正在读取|正在启动|启动中/.test(document.body.innerText), null, { timeout: 60_000 }).catch(() => {});
      // A page that says when its data are in (section[data-ready]) is shot only then.
      await page.waitForFunction(() => [...document.querySelectorAll('section[data-ready]')].every((s) => !/^(false|no)$/.test(s.getAttribute('data-ready') ?? '')), null, { timeout: 60_000 })
        .catch(() => console.warn(`${path}: data not ready after 60 s`));
      if (name === 'overview') await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, MARKS.duckdbChart, { timeout: 60_000 });
      await page.waitForTimeout(1000);
      const out = `docs/screens/${name}-${width}.png`;
      await page.screenshot({ path: out, fullPage: true });
      console.log(`wrote ${out}`);
      if (name === 'overview' && width === 1400) await page.screenshot({ path: 'docs/overview.png', fullPage: true });
    }
  }
} finally {
  await browser.close();
  await server.close();
}
