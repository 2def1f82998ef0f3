/**
 * `npm run bench:warm [-- PATH]`: cold and warm starts of one page of the built site (default
 * the overview). Each run opens a fresh profile, loads the page (cold), waits until DuckDB has
 * answered, then loads it again in the same profile (warm: HTTP cache and the browser's
 * compiled-wasm cache). Prints the first paint (on the overview it shows the chart the HTML
 * carries), the app's marks, median and range of 5 runs.
 */
import { serveStatic } from './static-server';
import { freshBrowser } from '../tests/support/browser';
import { MARKS } from '../src/lib/data/marks';

const path = process.argv[2] ?? '';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
type Times = { firstPaint: number; firstChart: number; duckdbReady: number };

const server = await serveStatic(process.env.SITE ?? 'build');
const cold: Times[] = [];
const warm: Times[] = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const b = await freshBrowser();
    try {
      for (const into of [cold, warm]) {
        const page = await b.context.newPage();
        await page.goto(new URL(path, server.url).href);
        await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, MARKS.duckdbReady, { timeout: 120_000 });
        into.push(await page.evaluate((m) => ({
          firstPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
          firstChart: performance.getEntriesByName(m.firstChart)[0]?.startTime ?? NaN,
          duckdbReady: performance.getEntriesByName(m.duckdbReady)[0]?.startTime ?? NaN,
        }), MARKS));
        await page.close();
      }
      const line = (t: Times) => `首次绘制 ${t.firstPaint.toFixed(0)} / 首图 ${t.firstChart.toFixed(0)} / DuckDB ${t.duckdbReady.toFixed(0)} ms`;
      console.log(`运行 ${i + 1}: 冷 ${line(cold[i])} · 热 ${line(warm[i])}`);
    } finally {
      await b.close();
    }
  }
} finally {
  await server.close();
}
const stat = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `${s[Math.floor(s.length / 2)].toFixed(0)} ms（${s[0].toFixed(0)}–${s[s.length - 1].toFixed(0)}）`;
};
for (const [label, xs] of [['冷启动', cold], ['热启动', warm]] as const) {
  console.log(`${label}：首次绘制 ${stat(xs.map((x) => x.firstPaint))} · ECharts 首图 ${stat(xs.map((x) => x.firstChart))} · DuckDB 首次应答 ${stat(xs.map((x) => x.duckdbReady))}`);
}
