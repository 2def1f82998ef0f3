import { spawnSync } from 'node:child_process';
import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { CSP_DIRECTIVES } from './scripts/csp.js';
import { precompress } from './scripts/precompress.js';

/**
 * A fully static site: every page prerendered to build/, the dashboard itself runs in the browser.
 * The browser tests' build (with test hooks, see vite.config.ts) goes to build-test/ instead.
 */
// GONGKAI_SITE_OUT: another folder (a test's build of a large dataset, tests/browser/scale-site.test.ts).
const out = process.env.GONGKAI_SITE_OUT || (process.env.GONGKAI_TEST_HOOKS === '1' ? 'build-test' : 'build');
const staticSite = adapter({ pages: out, assets: out, fallback: undefined, strict: true });

/** The overview's first chart drawn into its HTML (scripts/first-chart.ts; TypeScript, so through tsx). */
function firstChart(dir) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/first-chart.ts', dir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`drawing the overview's first chart into its page failed:\n${r.stderr}`);
  console.log(r.stdout.trim());
}

export default {
  preprocess: vitePreprocess(),
  kit: {
    // adapter-static, the overview's first chart into its page, then .br/.gz copies of the
    // built files for servers that can pick them.
    adapter: {
      name: 'gongkai-static',
      async adapt(builder) {
        await staticSite.adapt(builder);
        firstChart(out);
        await precompress(out);
      },
    },
    // Relative asset paths let the built site be served from any sub-path.
    paths: { relative: true },
    // Prerendered pages get the policy as a <meta>, with hashes of Kit's inline start-up script.
    csp: { mode: 'hash', directives: CSP_DIRECTIVES },
  },
};
