import { chromium } from 'playwright-core';
import { serveStatic } from './scripts/static-server';
const server = await serveStatic('build');
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const [w, h, js] of [[1400, 900, false], [390, 800, false], [1400, 900, true]] as const) {
  const ctx = await b.newContext({ viewport: { width: w, height: h }, javaScriptEnabled: js });
  const p = await ctx.newPage();
  await p.goto(server.url);
  if (js) await p.waitForTimeout(8000);
  await p.screenshot({ path: `/tmp/static-${w}-${js}.png` });
  console.log(w, js, await p.evaluate(() => [document.getElementById('gk-first') !== null, document.documentElement.scrollWidth]));
  await ctx.close();
}
await b.close(); await server.close();
