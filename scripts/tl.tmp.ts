import { serveStatic } from './static-server';
import { benchBrowser } from './bench-browser';
import { MARKS } from '../src/lib/data/marks';
const server = await serveStatic('build');
const path = process.argv[2] ?? 'review?province=32';
for (let r = 0; r < Number(process.argv[3] ?? 3); r++) {
  const b = await benchBrowser();
  const page = b.context.pages()[0] ?? (await b.context.newPage());
  await page.goto(new URL(path, server.url).href);
  await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, MARKS.firstChart, { timeout: 60_000 });
  const tl = await page.evaluate(() => {
    const out: string[] = [];
    for (const e of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) if (!e.name.includes('/_app/')|| e.name.endsWith('.json')) out.push(`${e.startTime.toFixed(0).padStart(5)}–${e.responseEnd.toFixed(0).padStart(5)} ${(e.encodedBodySize/1024).toFixed(0).padStart(4)}KB ${e.name.replace(location.origin, '')}`);
    const js = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(e => e.name.endsWith('.js'));
    out.push(`js: ${js.length} files, last end ${Math.max(...js.map(e=>e.responseEnd)).toFixed(0)}`);
    for (const e of [...performance.getEntriesByType('mark'), ...performance.getEntriesByType('paint')]) out.push(`${e.startTime.toFixed(0).padStart(5)} mark ${e.name}`);
    return out;
  });
  console.log(`--- run ${r}\n` + tl.join('\n'));
  await b.close();
}
await server.close();
