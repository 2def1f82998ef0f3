/**
 * `npm run trace:app [-- PATH]`: one cold start of the built site in headless Chromium with a
 * Chrome trace (open it in chrome://tracing or the DevTools Performance panel), and a summary
 * of where the time went: resource fetches, wasm compilation, the longest main-thread and
 * worker tasks, and the app's own marks.
 */
import { writeFileSync } from 'node:fs';
import { serveStatic } from './static-server';
import { benchBrowser } from './bench-browser';
import { MARKS } from '../src/lib/data/marks';

const path = process.argv[2] ?? '';
const out = process.env.TRACE_OUT ?? 'trace.json';
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.wasm', 'blink.user_timing', 'loading', 'netlog'];

interface TraceEvent { name: string; cat: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: Record<string, unknown> }

const server = await serveStatic('build');
const browser = await benchBrowser();
let events: TraceEvent[] = [];
try {
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  const cdp = await browser.context.newCDPSession(page);
  const done = new Promise<void>((ok) => cdp.on('Tracing.tracingComplete', () => ok()));
  cdp.on('Tracing.dataCollected', (e) => { events = events.concat(e.value as TraceEvent[]); });
  await cdp.send('Tracing.start', { categories: CATEGORIES.join(','), transferMode: 'ReportEvents' });
  const t0 = Date.now();
  await page.goto(new URL(path, server.url).href);
  await page.waitForFunction(() => document.querySelector('[_echarts_instance_] svg path, [_echarts_instance_] canvas') !== null, null, { timeout: 60_000 });
  const chartAt = Date.now() - t0;
  await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, MARKS.duckdbReady, { timeout: 60_000 }).catch(() => undefined);
  await page.waitForTimeout(1500);
  const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]));
  const resources = await page.evaluate(() => (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
    .map((r) => [r.name.replace(location.origin, ''), Math.round(r.startTime), Math.round(r.responseEnd), r.encodedBodySize]));
  await cdp.send('Tracing.end');
  await done;
  writeFileSync(out, JSON.stringify({ traceEvents: events }));
  console.log(`page ${path || '/'}: first chart element after ${chartAt} ms (wall clock)`);
  console.log('marks:', marks);
  console.log('resources (start → end ms, bytes):');
  for (const r of resources) console.log('  ', r.join('  '));
} finally {
  await browser.close();
  await server.close();
}

// Where the time went: the longest complete events, and every wasm compilation.
const threads = new Map<string, string>();
for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, String(e.args?.name));
const t0 = Math.min(...events.filter((e) => e.name === 'navigationStart' || e.name === 'TracingStartedInBrowser').map((e) => e.ts));
const row = (e: TraceEvent) => `${((e.ts - t0) / 1000).toFixed(0).padStart(6)} ms +${((e.dur ?? 0) / 1000).toFixed(0).padStart(5)} ms  ${threads.get(`${e.pid}:${e.tid}`) ?? e.tid}  ${e.name} ${JSON.stringify(e.args?.data ?? e.args ?? {}).slice(0, 120)}`;
console.log('\nwasm:');
for (const e of events.filter((x) => /wasm/i.test(x.name) && (x.dur ?? 0) > 5000)) console.log(row(e));
console.log('\nlongest tasks (> 50 ms):');
for (const e of events.filter((x) => x.ph === 'X' && (x.name === 'RunTask' || x.name === 'ThreadControllerImpl::RunTask') && (x.dur ?? 0) > 50_000).sort((a, b) => a.ts - b.ts)) {
  const inner = events.filter((x) => x.ph === 'X' && x.pid === e.pid && x.tid === e.tid && x.ts >= e.ts && x.ts + (x.dur ?? 0) <= e.ts + (e.dur ?? 0) && x !== e && (x.dur ?? 0) > 20_000)
    .map((x) => `${x.name}(${((x.dur ?? 0) / 1000).toFixed(0)})`).slice(0, 6).join(' ');
  console.log(row(e), '|', inner);
}
console.log(`\ntrace written to ${out}`);
