import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, type Plugin } from 'vite';
import { existsSync, readFileSync, readdirSync, createReadStream } from 'node:fs';
import { resolve } from 'node:path';

/** data/ (or $GONGKAI_DATA) is the source of truth; the site gets only what the browser loads. */
const DATA_DIR = resolve(process.env.GONGKAI_DATA ?? 'data');
const SHIPPED = ['summary.json', 'reports.arrow', 'cells.arrow', 'findings.arrow', 'dictionary.arrow', 'reports.parquet', 'cells.parquet', 'findings.parquet', 'dictionary.parquet', 'dictionary.csv'];
const TYPES: Record<string, string> = { json: 'application/json', arrow: 'application/vnd.apache.arrow.stream', parquet: 'application/vnd.apache.parquet', csv: 'text/csv; charset=utf-8' };

/** Serves data/ under /data/ in dev and writes it into the client build, with no copy kept in static/. */
function dataset(): Plugin {
  return {
    name: 'gongkai-dataset',
    configureServer(server) {
      server.middlewares.use('/data', (req, res, next) => {
        const name = (req.url ?? '').split('?')[0].replace(/^\//, '');
        if (!SHIPPED.includes(name) || !existsSync(resolve(DATA_DIR, name))) return next();
        res.setHeader('Content-Type', TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream');
        createReadStream(resolve(DATA_DIR, name)).pipe(res);
      });
    },
    generateBundle() {
      if (this.environment.config.consumer !== 'client') return;
      const missing = SHIPPED.filter((f) => !existsSync(resolve(DATA_DIR, f)));
      if (missing.length) this.warn(`dataset incomplete in ${DATA_DIR}: ${missing.join(', ')} missing (run npm run data)`);
      for (const f of SHIPPED.filter((x) => !missing.includes(x))) {
        this.emitFile({ type: 'asset', fileName: `data/${f}`, source: readFileSync(resolve(DATA_DIR, f)) });
      }
    },
  };
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
    // The first screen's small shared modules (Svelte and Kit runtimes, formats) in one chunk:
    // one gzip stream compresses them better than a dozen tiny files.
    rollupOptions: { output: { codeSplitting: { groups: [{ name: 'ui-core', test: /node_modules[\\/](svelte|@sveltejs[\\/]kit|esm-env|devalue|clsx)[\\/]/ }] } } }, terserOptions: { module: true, ecma: 2020, compress: { passes: 3 }, mangle: { toplevel: true }, format: { comments: false } } },
});
