import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** A fully static site: every page prerendered to build/, the dashboard itself runs in the browser. */
export default {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
    // Relative asset paths let the built site be served from any sub-path.
    paths: { relative: true },
  },
};
