/**
 * `npm run bench:warm [-- PATH]`: cold and warm starts of one page of the built site (default
 * the overview). Each run opens a fresh profile, loads the page (cold), waits until DuckDB has
 * answered, then loads it again in the same profile (warm: HTTP cache and the browser's
 * compiled-wasm cache). Prints the first paint (on the overview it shows the chart the HTML
 * carries), the app's marks, median and range of 5 runs. `BENCH_WARM_AFTER_MS` keeps the cold
 * page open that long after DuckDB's answer before the warm visit: V8 writes a wasm module to the
 * browser's code cache only once its optimizing compile has finished, which for DuckDB's 34 MB
 * takes seconds on two cores; a reader coming back later finds it there.
 */
import { serveStatic } from './static-server';
import { freshBrowser } from '../tests/support/browser';
import { MARKS } from '../src/lib/data/marks';

const path = process.argv[2] ?? '';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const WARM_AFTER_MS = Number(process.env.BENCH_WARM_AFTER_MS ?? 0);
type Times = { firstPaint: number; firstChart: number; duckdbReady: number; boot: number; wasm: number };

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
          boot: performance.getEntriesByName(m.duckdbBoot)[0]?.startTime ?? NaN,
          wasm: performance.getEntriesByName(m.duckdbWasm)[0]?.startTime ?? NaN,
        }), MARKS));
        if (into === cold && WARM_AFTER_MS > 0) await page.waitForTimeout(WARM_AFTER_MS);
        await page.close();
      }
      const line = (t: Times) => `首次绘制 ${t.firstPaint.toFixed(0)} / 首图 ${t.firstChart.toFixed(0)} / DuckDB ${t.duckdbReady.toFixed(0)} ms（启动 ${t.boot.toFixed(0)}，wasm 就绪 ${t.wasm.toFixed(0)}）`;
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
if (WARM_AFTER_MS > 0) console.log(`（冷启动的页面在 DuckDB 应答后再开 ${WARM_AFTER_MS} ms，才做热启动）`);
for (const [label, xs] of [['冷启动', cold], ['热启动', warm]] as const) {
  console.log(`${label}：首次绘制 ${stat(xs.map((x) => x.firstPaint))} · ECharts 首图 ${stat(xs.map((x) => x.firstChart))} · DuckDB 首次应答 ${stat(xs.map((x) => x.duckdbReady))}`);
}
