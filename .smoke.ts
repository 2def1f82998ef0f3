import { serveStatic } from '/work/wt-unitviews/scripts/static-server';
import { freshBrowser } from '/work/wt-unitviews/tests/support/browser';
const server = await serveStatic('build');
const b = await freshBrowser();
const page = b.context.pages()[0] ?? await b.context.newPage();
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log('CONSOLE', m.type(), m.text()); });
page.on('pageerror', (e) => console.log('PAGEERR', e.message));
for (const path of ['unit', 'unit?u=350128%7C平潭综合实验区&y=2020', 'unit?u=31%7C科委', 'quality', 'coverage', 'sql?sql=SELECT%20unit%2C%20year%2C%20apps__new__total%20FROM%20reports', 'sql?sql=DROP%20TABLE%20reports']) {
  await page.goto(`${server.url}${path}`);
  await page.waitForSelector('section[data-ready="true"]', { timeout: 30000 }).catch(() => console.log('not ready', path));
  await page.waitForTimeout(800);
  const txt = await page.locator('main').innerText();
  console.log('=====', path, '\n', txt.slice(0, path.startsWith('unit?') ? 300 : 1500));
  await page.screenshot({ path: `/tmp/shot-${path.split('?')[0]}-${path.length}.png`, fullPage: true });
}
await b.close(); await server.close();
