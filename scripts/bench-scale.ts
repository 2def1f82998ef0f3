/**
 * `npm run bench:scale [-- DIR]`: the synthetic national dataset (npm run data:synthetic, in
 * DIR, default data-synthetic/) in headless Chromium, 2 cores: DuckDB-WASM and ECharts load the
 * browser tiers the way the national views do, from the same origin. Prints, for 5 cold runs
 * (fresh profiles): national first chart (the province rollup drawn without DuckDB), DuckDB
 * ready with the rollups, drill into the largest province (its detail partition fetched,
 * loaded and its cities drawn), compare / ranking / distribution queries on the loaded data,
 * the tab's memory, and the tiers' size on disk, against the issue's budgets.
 */
import { execSync } from 'node:child_process';
import { build } from 'esbuild';
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { serveStatic } from './static-server';
import { benchBrowser, SETTLE_NOTE } from './bench-browser';
import { precompress } from './precompress.js';

const DIR = resolve(process.argv[2] ?? 'data-synthetic');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BUDGET = { firstChartMs: 1000, drillMs: 1000, queryMs: 100, memoryMB: 1024, diskMB: 150 };
if (!existsSync(join(DIR, 'tiers', 'rollup-province.arrow'))) throw new Error(`${DIR}/tiers 不存在：先运行 npm run data:synthetic`);
const root = process.cwd();
const tiers = `/${relative(root, join(DIR, 'tiers'))}`;
if (tiers.startsWith('/..')) throw new Error('the dataset folder must be inside the project (it is served with node_modules)');

const details = readdirSync(join(DIR, 'tiers', 'detail')).filter((f) => f.endsWith('.arrow'));
const largest = details.sort((a, b) => statSync(join(DIR, 'tiers', 'detail', b)).size - statSync(join(DIR, 'tiers', 'detail', a)).size)[0];
const province = /province=(\d+)/.exec(largest)![1];


// Bundled as the app ships its code: the first chart's code (Arrow and the app's own tree-shaken
// ECharts, src/lib/charts/echarts.ts) in the entry, DuckDB in a chunk imported once the first
// chart is drawn, as the app's views do (a page must not wait for DuckDB to show its chart).
const script = `
const M = (window.__bench = { marks: {}, queries: {} });
const mark = (n) => (M.marks[n] = performance.now());
const bytes = async (p) => new Uint8Array(await (await fetch(p)).arrayBuffer());
import { tableFromIPC } from 'apache-arrow';
import { createChart } from ${JSON.stringify(join(root, 'src/lib/charts/echarts.ts'))};
const bars = (el, t, year) => {
  const rows = t.toArray().map((r) => r.toJSON()).filter((r) => r.year === year);
  const c = createChart(document.getElementById(el));
  c.setOption({ animation: false, xAxis: { type: 'category', data: rows.map((r) => r.code) }, yAxis: {}, series: [{ type: 'bar', data: rows.map((r) => r.received) }] });
};
// National first chart: the province rollup alone, before DuckDB; marked once it is painted.
const rollupBytes = await bytes('${tiers}/rollup-province.arrow');
bars('national', tableFromIPC(rollupBytes), 2024);
await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
mark('firstChart');
const duckdb = await import('@duckdb/duckdb-wasm');
const worker = new Worker('/node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js');
const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
await db.instantiate(new URL('/node_modules/@duckdb/duckdb-wasm/dist/duckdb-eh.wasm', location.href).href);
await db.open({ query: { castBigIntToDouble: true } });
const conn = await db.connect();
await conn.query('SET autoload_known_extensions=false');
await conn.insertArrowFromIPCStream(rollupBytes, { name: 'rollup_province', create: true });
for (const l of ['city', 'county']) await conn.insertArrowFromIPCStream(await bytes('${tiers}/rollup-' + l + '.arrow'), { name: 'rollup_' + l, create: true });
await conn.query('SELECT sum(received) FROM rollup_province');
mark('duckdbReady');
// Drill into the largest province: its detail partition, then its cities drawn from DuckDB.
const drillStart = performance.now();
await conn.insertArrowFromIPCStream(await bytes('${tiers}/detail/province=${province}.arrow'), { name: 'detail', create: true });
bars('province', await conn.query("SELECT code, year, received FROM rollup_city WHERE code LIKE '${province}%' ORDER BY code"), 2024);
M.drillMs = performance.now() - drillStart;
const Q = {
  compare: "SELECT unit, year, received, handled, (granted + partial) / NULLIF(handled, 0) AS rate FROM detail WHERE unit_key IN (SELECT unit_key FROM detail WHERE level = 'county' ORDER BY division_code LIMIT 8) ORDER BY unit, year",
  ranking: "WITH r AS (SELECT unit, received, row_number() OVER (ORDER BY received DESC) AS top, row_number() OVER (ORDER BY received ASC) AS bottom, count(*) OVER () AS n FROM detail WHERE level = 'township' AND year = 2024) SELECT unit, received, top FROM r WHERE top <= 10 OR bottom <= 10 UNION ALL SELECT '其余 ' || (max(n) - 20) || ' 个', sum(received), NULL FROM r WHERE top > 10 AND bottom > 10",
  distribution: "SELECT left(division_code, 6) AS county, count(*) AS n, quantile_cont(received, [0.1, 0.25, 0.5, 0.75, 0.9]) AS q FROM detail WHERE level = 'township' AND year = 2024 GROUP BY ALL",
  coverage: "SELECT left(division_code, 4) AS city, year, count(*) AS reports FROM detail GROUP BY ALL ORDER BY city, year",
};
for (const [name, sql] of Object.entries(Q)) {
  const t = [];
  for (let i = 0; i < 5; i++) { const s = performance.now(); await conn.query(sql); t.push(performance.now() - s); }
  M.queries[name] = t.sort((a, b) => a - b)[2];
}
M.done = true;
`;
writeFileSync(join(DIR, 'bench.entry.js'), script);
rmSync(join(DIR, 'bench-bundle'), { recursive: true, force: true });
const built = await build({ entryPoints: [join(DIR, 'bench.entry.js')], bundle: true, splitting: true, format: 'esm', minify: true, target: 'es2022',
  outdir: join(DIR, 'bench-bundle'), logLevel: 'error', metafile: true });
// As the app's pages do (Vite's modulepreload links): the entry's static chunks and the first
// chart's data are requested with the page, not each after the script that asks for it.
const entryOut = Object.entries(built.metafile.outputs).find(([, o]) => o.entryPoint)!;
const preloads = entryOut[1].imports.filter((x) => x.kind === 'import-statement')
  .map((x) => `<link rel="modulepreload" href="bench-bundle/${basename(x.path)}">`).join('')
  + `<link rel="preload" href="${tiers}/rollup-province.arrow" as="fetch" crossorigin>`;
const page = `<!doctype html><meta charset="utf-8"><title>bench:scale</title>${preloads}
<div id="national" style="width:900px;height:420px"></div><div id="province" style="width:900px;height:420px"></div>
<script type="module" src="bench-bundle/bench.entry.js"></script>`;
writeFileSync(join(DIR, 'bench.html'), page);
await precompress(join(DIR, 'tiers'));

/** Resident memory of the browser's processes started for this profile (the tab and its workers). */
function memoryMB(profile: string): number {
  const ps = execSync('ps -eo pid=,ppid=,rss=,args=', { encoding: 'utf8' }).trim().split('\n').map((l) => {
    const [pid, ppid, rss, ...args] = l.trim().split(/\s+/);
    return { pid, ppid, rss: Number(rss), args: args.join(' ') };
  });
  const mine = new Set(ps.filter((p) => p.args.includes(profile)).map((p) => p.pid));
  for (let grew = true; grew;) {
    grew = false;
    for (const p of ps) if (!mine.has(p.pid) && mine.has(p.ppid)) { mine.add(p.pid); grew = true; }
  }
  // The renderers of the page and its worker: the browser process and GPU/utility ones are not the tab.
  return ps.filter((p) => mine.has(p.pid) && p.args.includes('--type=renderer')).reduce((s, p) => s + p.rss, 0) / 1024;
}

interface Run { firstChart: number; duckdbReady: number; drill: number; queries: Record<string, number>; memory: number }
const server = await serveStatic(root);
const runs: Run[] = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const b = await benchBrowser();
    try {
      const page = b.context.pages()[0] ?? (await b.context.newPage());
      await page.goto(new URL(`/${relative(root, join(DIR, 'bench.html'))}`, server.url).href);
      await page.waitForFunction(() => (window as unknown as { __bench?: { done?: boolean } }).__bench?.done, null, { timeout: 180_000 });
      const m = await page.evaluate(() => (window as unknown as { __bench: { marks: Record<string, number>; drillMs: number; queries: Record<string, number> } }).__bench);
      const r = { firstChart: m.marks.firstChart, duckdbReady: m.marks.duckdbReady, drill: m.drillMs, queries: m.queries, memory: memoryMB(b.profile) };
      runs.push(r);
      console.log(`冷启动 ${i + 1}: 全国首图 ${r.firstChart.toFixed(0)} ms · DuckDB 就绪 ${r.duckdbReady.toFixed(0)} ms · 下钻 ${r.drill.toFixed(0)} ms · `
        + Object.entries(r.queries).map(([k, v]) => `${k} ${v.toFixed(1)} ms`).join(' · ') + ` · 内存 ${r.memory.toFixed(0)} MB`);
    } finally {
      await b.close();
    }
  }
} finally {
  await server.close();
}

const du = (dir: string, keep: (f: string) => boolean): number => readdirSync(dir).reduce((s, f) => {
  const p = join(dir, f);
  return s + (statSync(p).isDirectory() ? du(p, keep) : keep(f) ? statSync(p).size : 0);
}, 0);
const mb = (n: number) => n / 1048576;
const shipped = mb(du(join(DIR, 'tiers'), (f) => f.endsWith('.arrow')));
const shippedBr = mb(du(join(DIR, 'tiers'), (f) => f.endsWith('.arrow.br')));
const parquet = mb(du(join(DIR, 'parquet'), (f) => f.endsWith('.parquet')));
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1] };
};
const line = (label: string, xs: number[], budget: number, unit = 'ms') => {
  const s = stats(xs);
  console.log(`  ${label.padEnd(18)} 中位数 ${s.median.toFixed(unit === 'ms' ? 0 : 0)} ${unit}（${s.min.toFixed(0)}–${s.max.toFixed(0)}）  预算 ≤ ${budget} ${unit}  ${s.median <= budget ? '达标' : '超出'}`);
};
console.log(`\n合成全国数据（${DIR}），下钻省份 ${province}，${RUNS} 次冷启动（${SETTLE_NOTE}）：`);
line('全国首图', runs.map((r) => r.firstChart), BUDGET.firstChartMs);
console.log(`  DuckDB 就绪(含汇总层) 中位数 ${stats(runs.map((r) => r.duckdbReady)).median.toFixed(0)} ms`);
line('下钻一个省', runs.map((r) => r.drill), BUDGET.drillMs);
for (const q of Object.keys(runs[0]?.queries ?? {})) line(`查询 ${q}`, runs.map((r) => r.queries[q]), BUDGET.queryMs);
line('标签页内存', runs.map((r) => r.memory), BUDGET.memoryMB, 'MB');
console.log(`  浏览器数据层        ${shipped.toFixed(1)} MB（brotli ${shippedBr.toFixed(1)} MB）  预算 ≤ ${BUDGET.diskMB} MB  ${shipped <= BUDGET.diskMB ? '达标' : '超出'}`);
console.log(`  全量 Parquet（不随站点发布） ${parquet.toFixed(1)} MB`);
