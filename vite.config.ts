import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, type Plugin } from 'vite';
import { existsSync, readFileSync, readdirSync, createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** data/ (or $GONGKAI_DATA) is the source of truth; the site gets only what the browser loads. */
const DATA_DIR = resolve(process.env.GONGKAI_DATA ?? 'data');
const SHIPPED = ['summary.json', 'reports.arrow', 'cells.arrow', 'findings.arrow', 'dictionary.arrow', 'reports.parquet', 'cells.parquet', 'findings.parquet', 'dictionary.parquet', 'dictionary.csv'];
/** The national view's tiers (src/cli/tiers.ts), where the dataset has them: `tiers/…` names. */
const TIER_FILE = /^tiers\/(?:names\.json|rollup-(?:province|city|county)\.arrow|detail\/province=\d{2}\.arrow)$/;
function tierFiles(): string[] {
  const dir = resolve(DATA_DIR, 'tiers');
  if (!existsSync(dir)) return [];
  const detail = existsSync(join(dir, 'detail')) ? readdirSync(join(dir, 'detail')).map((f) => `tiers/detail/${f}`) : [];
  return [...readdirSync(dir).map((f) => `tiers/${f}`), ...detail].filter((f) => TIER_FILE.test(f));
}
const TYPES: Record<string, string> = { json: 'application/json', arrow: 'application/vnd.apache.arrow.stream', parquet: 'application/vnd.apache.parquet', csv: 'text/csv; charset=utf-8' };

/** Serves data/ under /data/ in dev and writes it into the client build, with no copy kept in static/. */
function dataset(): Plugin {
  return {
    name: 'gongkai-dataset',
    configureServer(server) {
      server.middlewares.use('/data', (req, res, next) => {
        const name = (req.url ?? '').split('?')[0].replace(/^\//, '');
        // The dev server prerenders nothing: every query goes to DuckDB.
        if (name === 'answers/index.json') return void res.setHeader('Content-Type', 'application/json').end('[]');
        if (!(SHIPPED.includes(name) || TIER_FILE.test(name)) || !existsSync(resolve(DATA_DIR, name))) return next();
        res.setHeader('Content-Type', TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream');
        createReadStream(resolve(DATA_DIR, name)).pipe(res);
      });
    },
    generateBundle() {
      if (this.environment.config.consumer !== 'client') return;
      const missing = SHIPPED.filter((f) => !existsSync(resolve(DATA_DIR, f)));
      if (missing.length) this.warn(`dataset incomplete in ${DATA_DIR}: ${missing.join(', ')} missing (run npm run data)`);
      for (const f of [...SHIPPED.filter((x) => !missing.includes(x)), ...tierFiles()]) {
        this.emitFile({ type: 'asset', fileName: `data/${f}`, source: readFileSync(resolve(DATA_DIR, f)) });
      }
      for (const [name, source] of prerenderAnswers()) this.emitFile({ type: 'asset', fileName: `data/answers/${name}`, source });
    },
  };
}

/**
 * The views' prerendered answers over this build's data (scripts/prerender-answers.ts, run in
 * Node with DuckDB): deep links draw from them before DuckDB-WASM has booted. Without Parquet
 * files there is nothing to answer from, and the site ships an empty index.
 */
function prerenderAnswers(): [string, Buffer][] {
  if (!existsSync(resolve(DATA_DIR, 'reports.parquet'))) return [['index.json', Buffer.from('[]')]];
  const out = mkdtempSync(join(tmpdir(), 'gongkai-answers-'));
  try {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/prerender-answers.ts', DATA_DIR, out], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`prerendering the views' answers failed:\n${r.stderr}`);
    console.log(r.stdout.trim());
    return readdirSync(out).map((f) => [f, readFileSync(join(out, f))]);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * pdfjs-dist's CMap files under /pdfjs/cmaps/ with their own names (pdfjs asks for
 * `<cMapUrl><name>.bcmap`), for the import page's parsing worker: Chinese PDFs need them.
 */
function pdfCmaps(): Plugin {
  const dir = resolve('node_modules/pdfjs-dist/cmaps');
  return {
    name: 'gongkai-pdf-cmaps',
    configureServer(server) {
      server.middlewares.use('/pdfjs/cmaps', (req, res, next) => {
        const name = (req.url ?? '').split('?')[0].replace(/^\//, '');
        if (!/^[\w.-]+\.bcmap$/.test(name) || !existsSync(resolve(dir, name))) return next();
        res.setHeader('Content-Type', 'application/octet-stream');
        createReadStream(resolve(dir, name)).pipe(res);
      });
    },
    generateBundle() {
      if (this.environment.config.consumer !== 'client') return;
      for (const f of readdirSync(dir).filter((x) => x.endsWith('.bcmap'))) {
        this.emitFile({ type: 'asset', fileName: `pdfjs/cmaps/${f}`, source: readFileSync(resolve(dir, f)) });
      }
    },
  };
}

export default defineConfig({
  plugins: [sveltekit(), dataset(), pdfCmaps()],
  // The browser tests' build (GONGKAI_TEST_HOOKS=1, into build-test/) exposes charts and the
  // query service on window; in the shipped build the flag is false and the minifier drops them.
  define: { __GONGKAI_TEST_HOOKS__: JSON.stringify(process.env.GONGKAI_TEST_HOOKS === '1') },
  // The import page's parsing worker loads pdfjs with dynamic imports, which need ES workers.
  worker: { format: 'es' },
  build: { chunkSizeWarningLimit: 1200, minify: 'terser',
    // DuckDB's worker bootstrap must stay a same-origin file: a data: URL worker has an opaque
    // origin and could not fetch the wasm.
    assetsInlineLimit: (file: string) => (file.endsWith('duckdb-boot.worker.js') ? false : undefined),
    // The first screen's small shared modules (Svelte and Kit runtimes, formats, the app's marks,
    // table names and error type) in one chunk:
    // one gzip stream compresses them better than a dozen tiny files.
    rollupOptions: { output: { codeSplitting: { groups: [{ name: 'ui-core', test: /node_modules[\\/](svelte|@sveltejs[\\/]kit|esm-env|devalue|clsx)[\\/]|src[\\/]lib[\\/](data[\\/](marks|query-error|tables)|prerender[\\/]first-screen|workspace[\\/]name)\.ts$/ }] } } }, terserOptions: { module: true, ecma: 2020, compress: { passes: 3 }, mangle: { toplevel: true }, format: { comments: false } } },
});
