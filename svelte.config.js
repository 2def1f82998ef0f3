import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * A fully static site: every page prerendered to build/, the dashboard itself runs in the browser.
 * The browser tests' build (with test hooks, see vite.config.ts) goes to build-test/ instead.
 */
const out = process.env.GONGKAI_TEST_HOOKS === '1' ? 'build-test' : 'build';

export default {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ pages: out, assets: out, fallback: undefined, strict: true }),
    // Relative asset paths let the built site be served from any sub-path.
    paths: { relative: true },
  },
};
