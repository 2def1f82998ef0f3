/**
 * `npm run bench:app`: five cold starts of the built site in headless Chromium, each with a
 * fresh profile (empty cache). Reports time to the first drawn chart, time until DuckDB
 * answers its first query, bytes transferred, JS size, and checks them against the budgets.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serveStatic } from './static-server';
import { benchBrowser, SETTLE_NOTE } from './bench-browser';
import { DEEP_LINKS, STATE_LINKS, deepLink, menuWalk } from './bench-pages';
import { freshBrowser } from '../tests/support/browser';
import { MARKS } from '../src/lib/data/marks';
import { STATIC_CHART_ID } from '../src/lib/prerender/first-screen';
import { MEASURE_REDRAW } from '../src/lib/compare/state';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BUDGET = { firstChartMs: 800, duckdbReadyMs: 2000, jsGzipKB: 250, wasmBundles: 1 };

interface Run {
  /** First paint of the page, which draws the static chart when the HTML carries one. */
  firstPaint: number;
  firstChart: number;
  duckdbReady: number;
  duckdbChart: number;
  phases: { boot: number; wasm: number; open: number; table: number };
  transferred: number;
  jsFiles: string[];
  /** JS of the menu's views, fetched after the page's own (the layout's idle preload). */
  preloadedJs: string[];
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

const gzipKB = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length / 1024;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function coldStart(url: string): Promise<Run> {
  const browser = await benchBrowser();
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const jsFiles = new Set<string>();
    browser.context.on('request', (r) => {
      const u = new URL(r.url());
      if (u.pathname.endsWith('.js')) jsFiles.add(u.pathname);
    });
    await page.goto(url);
    await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, MARKS.duckdbChart, { timeout: 60_000 });
    // The code of the menu's views, fetched once DuckDB is up and the page idle, is not the
    // overview's own JS: it is counted apart (the page's JS is what it asked for before).
    await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, MARKS.menuPreload, { timeout: 15_000 }).catch(() => undefined);
    await page.waitForTimeout(1000);
    const preloaded = new Set(await page.evaluate((m) => {
      const at = performance.getEntriesByName(m)[0]?.startTime ?? Infinity;
      return performance.getEntriesByType('resource').filter((e) => e.startTime >= at).map((e) => new URL(e.name).pathname);
    }, MARKS.menuPreload));
    // No named helpers inside evaluate: tsx would wrap them in a __name() the page lacks.
    const t = await page.evaluate((m) => {
      const [firstChart, duckdbReady, duckdbChart, boot, wasm, open, table] = [m.firstChart, m.duckdbReady, m.duckdbChart, m.duckdbBoot, m.duckdbWasm, m.duckdbOpen, m.firstTable].map(
        (n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN,
      );
      const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')] as PerformanceResourceTiming[];
      return {
        firstPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        firstChart,
        duckdbReady,
        duckdbChart,
        phases: { boot, wasm, open, table },
        transferred: entries.reduce((s, e) => s + (e.transferSize || 0), 0),
      };
    }, MARKS);
    return { ...t, jsFiles: [...jsFiles].filter((f) => !preloaded.has(f)), preloadedJs: [...preloaded].filter((f) => f.endsWith('.js')) };
  } finally {
    await browser.close();
  }
}

if (!existsSync('build/index.html')) throw new Error('build/ is missing: run vite build first');
const server = await serveStatic('build');
const runs: Run[] = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const r = await coldStart(server.url);
    runs.push(r);
    console.log(`冷启动 ${i + 1}: 首次绘制 ${r.firstPaint.toFixed(0)} ms · ECharts 首图 ${r.firstChart.toFixed(0)} ms · DuckDB 首次应答 ${r.duckdbReady.toFixed(0)} ms · DuckDB 重绘 ${r.duckdbChart.toFixed(0)} ms · 传输 ${(r.transferred / 1048576).toFixed(2)} MB`);
    const p = r.phases;
    console.log(`  DuckDB 分段: 开始启动 ${p.boot.toFixed(0)} · wasm 就绪 ${p.wasm.toFixed(0)} · 打开并锁定 ${p.open.toFixed(0)} · 首张表载入 ${p.table.toFixed(0)} ms`);
  }
} finally {
  await server.close();
}

const loaded = [...new Set(runs.flatMap((r) => r.jsFiles))];
const preloadedJs = [...new Set(runs.flatMap((r) => r.preloadedJs))].filter((p) => !loaded.includes(p));
const workerJs = loaded.filter((p) => p.includes('.worker.'));
const pageJs = loaded.filter((p) => !p.includes('.worker.'));
const kb = (ps: string[]) => ps.reduce((s, p) => s + gzipKB(join('build', p)), 0);
const pageKB = kb(pageJs);
const workerKB = kb(workerJs);
const wasm = files('build').filter((f) => f.endsWith('.wasm'));
const wasmMB = wasm.reduce((s, f) => s + statSync(f).size, 0) / 1048576;
const wasmGzMB = wasm.reduce((s, f) => s + gzipSync(readFileSync(f), { level: 6 }).length, 0) / 1048576;

// The overview's HTML carries its first chart as SVG (scripts/first-chart.ts): the first paint
// shows it. Without it the first chart is the one ECharts draws.
const staticChart = readFileSync('build/index.html', 'utf8').includes(`id="${STATIC_CHART_ID}"`);
const range = (xs: number[]) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;
const paint = median(runs.map((r) => r.firstPaint));
const drawn = median(runs.map((r) => r.firstChart));
const first = staticChart ? paint : drawn;
const ready = median(runs.map((r) => r.duckdbReady));
const check = (ok: boolean) => (ok ? '达标' : '超出');
console.log('\n中位数（%d 次冷启动，%s）', RUNS, SETTLE_NOTE);
console.log(`  首个图表绘出        ${first.toFixed(0)} ms（${staticChart ? `页面自带的 SVG 图表，首次绘制，${range(runs.map((r) => r.firstPaint))}` : 'ECharts'}）   预算 ≤ ${BUDGET.firstChartMs} ms   ${check(first <= BUDGET.firstChartMs)}`);
console.log(`  ECharts 图表绘出    ${drawn.toFixed(0)} ms（${range(runs.map((r) => r.firstChart))}，可交互）`);
console.log(`  DuckDB 首次应答     ${ready.toFixed(0)} ms   预算 ≤ ${BUDGET.duckdbReadyMs} ms   ${check(ready <= BUDGET.duckdbReadyMs)}`);
console.log(`  DuckDB 数据重绘     ${median(runs.map((r) => r.duckdbChart)).toFixed(0)} ms`);
console.log(`  传输字节            ${(median(runs.map((r) => r.transferred)) / 1048576).toFixed(2)} MB（本地服务器未压缩）`);
console.log(`  页面 JS (gzip)      ${pageKB.toFixed(1)} KB（${pageJs.length} 个文件）   预算 ≤ ${BUDGET.jsGzipKB} KB   ${check(pageKB <= BUDGET.jsGzipKB)}`);
console.log(`  DuckDB worker (gzip) ${workerKB.toFixed(1)} KB（不计入页面 JS）`);
console.log(`  菜单各页代码 (gzip)  ${kb(preloadedJs).toFixed(1)} KB（${preloadedJs.length} 个文件，DuckDB 就绪后空闲时预取，不计入页面 JS）`);
console.log(`  wasm 包             ${wasm.length} 个，${wasmMB.toFixed(1)} MB（gzip ${wasmGzMB.toFixed(1)} MB）   预算 = ${BUDGET.wasmBundles}   ${check(wasm.length === BUDGET.wasmBundles)}`);

// Every chart page by its own URL (a shared link), and the menu once the site is up.
const DEEP_LINK_BUDGET_MS = 1000;
const NAV_BUDGET_MS = 300;
const pagesServer = await serveStatic('build');
try {
  console.log(`\n各页链接直接打开（冷启动 ${RUNS} 次，${SETTLE_NOTE}）：首个图表绘出`);
  for (const p of [...DEEP_LINKS, ...STATE_LINKS]) {
    const visits: { paint: number; chart: number; drawing: number | null }[] = [];
    for (let i = 0; i < RUNS; i++) visits.push(await deepLink(pagesServer.url, p));
    // The HTML's own chart counts only for the URL it was drawn for (no URL state).
    const drawnInHtml = !p.includes('?') && readFileSync(`build/${p}.html`, 'utf8').includes(`id="${STATIC_CHART_ID}"`);
    // A link with state: the build's drawing of that state, where it drew one (in every run).
    const drawing = !drawnInHtml && visits.every((v) => v.drawing !== null);
    const ms = visits.map((v) => (drawnInHtml ? v.paint : drawing ? v.drawing! : v.chart));
    const echarts = `ECharts 图表 ${median(visits.map((v) => v.chart)).toFixed(0)} ms`;
    const how = drawnInHtml ? `页面自带的 SVG 图表；${echarts}` : drawing ? `构建时绘制的该状态 SVG 图；${echarts}` : 'ECharts 图表';
    console.log(`  /${p.padEnd(24)} 中位数 ${median(ms).toFixed(0)} ms（${range(ms)}，${how}）   预算 ≤ ${DEEP_LINK_BUDGET_MS} ms   ${check(median(ms) <= DEEP_LINK_BUDGET_MS)}`);
  }
  const walk = await menuWalk(pagesServer.url);
  const navMedian = median(walk.map((w) => w.ms));
  console.log(`\n站内导航（总览载入、DuckDB 就绪后依次点菜单）：点击 → 新页面图表绘出`);
  console.log(`  ${walk.map((w) => `${w.to} ${w.ms.toFixed(0)} ms`).join(' · ')}`);
  console.log(`  中位数 ${navMedian.toFixed(0)} ms · 最长 ${Math.max(...walk.map((w) => w.ms)).toFixed(0)} ms   预算 ≤ ${NAV_BUDGET_MS} ms   ${check(navMedian <= NAV_BUDGET_MS)}`);
} finally {
  await pagesServer.close();
}

// 对比: filter change → redraw. The view marks the change (MARK_REDRAW_START) and measures when
// the chart has been redrawn with the answer for the new filter (MEASURE_REDRAW).
const REDRAW_BUDGET_MS = 100;
const FILTERS: [string, string][] = [
  ['level', 'county'], ['level', ''], ['province', '32'], ['city', '3208'], ['province', ''], ['level', 'department'],
  ['level', ''], ['province', '35'], ['province', ''], ['level', 'county'], ['level', ''],
];
const redrawServer = await serveStatic('build');
const redraws: number[] = [];
const redrawBrowser = await freshBrowser();
try {
  const page = redrawBrowser.context.pages()[0] ?? (await redrawBrowser.context.newPage());
  await page.goto(new URL('compare', redrawServer.url).href);
  await page.waitForSelector('section[data-ready="yes"] [data-chart="compare-bars"]', { timeout: 60_000 });
  for (const [filter, value] of FILTERS) {
    const before = await page.evaluate((m) => performance.getEntriesByName(m).length, MEASURE_REDRAW);
    await page.selectOption(`select[data-filter="${filter}"]`, value);
    await page.waitForFunction(([m, n]) => performance.getEntriesByName(m as string).length > (n as number), [MEASURE_REDRAW, before], { timeout: 10_000 });
    redraws.push(await page.evaluate((m) => performance.getEntriesByName(m).at(-1)!.duration, MEASURE_REDRAW));
  }
} finally {
  await redrawBrowser.close();
  await redrawServer.close();
}
const redrawMedian = median(redraws);
const redrawMax = Math.max(...redraws);
console.log(`\n对比页：改变筛选 → 图表重绘（${redraws.length} 次）`);
console.log(`  每次 ${redraws.map((d) => d.toFixed(0)).join(' / ')} ms`);
console.log(`  中位数 ${redrawMedian.toFixed(0)} ms · 最长 ${redrawMax.toFixed(0)} ms   预算 ≤ ${REDRAW_BUDGET_MS} ms   ${check(redrawMax <= REDRAW_BUDGET_MS)}`);

// ── 导入：20 份 PDF 经导入页解析（在 Web Worker 中），主线程保持响应 ──────────────────────
const IMPORT_BUDGET = { longestTaskMs: 200 };
const CORPUS = join('..', 'shared', 'corpus', 'reports');
const PDFS = ['huaian-hongze-2024.pdf', 'huaian-hongze-2023.pdf', 'huaian-city-2024.pdf'].filter((f) => existsSync(join(CORPUS, f)));

async function importBench(url: string) {
  const browser = await freshBrowser();
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.addInitScript(() => {
      const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(new URL('import', url).href);
    await page.waitForSelector('section[data-engine="ready"]', { timeout: 60_000 });
    const files = Array.from({ length: 20 }, (_, i) => {
      const f = PDFS[i % PDFS.length];
      return { name: `${String(i + 1).padStart(2, '0')}-${f}`, mimeType: 'application/pdf', buffer: readFileSync(join(CORPUS, f)) };
    });
    // The files are first handed to a bare staging input: Playwright builds them inside the
    // renderer, a cost a real file picker does not put on the page's main thread.
    await page.evaluate(() => {
      const stage = document.createElement('input');
      stage.type = 'file';
      stage.multiple = true;
      stage.id = 'bench-stage';
      stage.hidden = true;
      document.body.append(stage);
    });
    await page.setInputFiles('#bench-stage', files);
    // Every distinct "n / 20" the progress line shows, and when: per-file progress as the user sees it.
    await page.evaluate(() => {
      const w = window as unknown as { __progress: { t: number; text: string }[]; __t0: number };
      w.__progress = [];
      w.__t0 = performance.now();
      new MutationObserver(() => {
        const text = document.querySelector('.progress')?.textContent ?? '';
        if (text && w.__progress.at(-1)?.text !== text) w.__progress.push({ t: performance.now(), text });
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.evaluate(() => {
      const stage = document.getElementById('bench-stage') as HTMLInputElement;
      const input = document.querySelector('input[name="reports"]') as HTMLInputElement;
      input.files = stage.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await page.waitForFunction(() => document.querySelectorAll('.batch li[data-status="parsed"], .batch li[data-status="failed"]').length >= 20, null, { timeout: 120_000 });
    return await page.evaluate(() => {
      const w = window as unknown as { __longTasks: { start: number; duration: number }[]; __progress: { t: number; text: string }[]; __t0: number };
      const during = w.__longTasks.filter((l) => l.start >= w.__t0);
      return {
        totalMs: w.__progress.at(-1)!.t - w.__t0,
        progressSteps: w.__progress.length,
        longest: during.reduce((m, l) => Math.max(m, l.duration), 0),
        longTasks: during.length,
        parsed: document.querySelectorAll('.batch li[data-status="parsed"]').length,
      };
    });
  } finally {
    await browser.close();
  }
}

if (PDFS.length) {
  const server2 = await serveStatic('build');
  try {
    const r = await importBench(server2.url);
    console.log(`\n导入 20 份 PDF（${PDFS.join('、')} 轮流重复，Web Worker 解析）`);
    console.log(`  全部解析完成        ${r.totalMs.toFixed(0)} ms（${(20000 / r.totalMs).toFixed(1)} 份/秒），成功 ${r.parsed} 份`);
    console.log(`  逐个文件的进度显示  ${r.progressSteps} 次更新`);
    console.log(`  主线程最长任务      ${r.longest.toFixed(0)} ms（长任务 ${r.longTasks} 个）   预算 ≤ ${IMPORT_BUDGET.longestTaskMs} ms   ${check(r.longest <= IMPORT_BUDGET.longestTaskMs)}`);
  } finally {
    await server2.close();
  }
} else {
  console.log(`\n导入基准跳过：${CORPUS} 中没有语料 PDF`);
}
