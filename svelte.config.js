import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { CSP_DIRECTIVES } from './scripts/csp.js';
import { precompress } from './scripts/precompress.js';

/**
 * A fully static site: every page prerendered to build/, the dashboard itself runs in the browser.
 * The browser tests' build (with test hooks, see vite.config.ts) goes to build-test/ instead.
 */
const out = process.env.GONGKAI_TEST_HOOKS === '1' ? 'build-test' : 'build';
const staticSite = adapter({ pages: out, assets: out, fallback: undefined, strict: true });

export default {
  preprocess: vitePreprocess(),
  kit: {
    // adapter-static, then .br/.gz copies of the built files for servers that can pick them.
    adapter: {
      name: 'gongkai-static',
      async adapt(builder) {
        await staticSite.adapt(builder);
        await precompress(out);
      },
    },
    // Relative asset paths let the built site be served from any sub-path.
    paths: { relative: true },
    // Prerendered pages get the policy as a <meta>, with hashes of Kit's inline start-up script.
    csp: { mode: 'hash', directives: CSP_DIRECTIVES },
  },
};
