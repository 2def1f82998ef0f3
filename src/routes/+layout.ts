// The site is static files; all data work happens in the browser (DuckDB-WASM, ECharts).
import { browser } from '$app/environment';
import { queriesOnOpen } from '$lib/nav';
import type { LayoutLoad } from './$types';

export const prerender = true;
export const ssr = false;

/**
 * DuckDB starts booting as soon as the app does, on its own thread, while the view's code is
 * still loading and drawing from prerendered answers; before, it began only once the view had
 * drawn, so its seconds came after the first chart's instead of beside them.
 */
export const load: LayoutLoad = ({ url }) => {
  if (browser && queriesOnOpen(url.pathname)) void import('$lib/data/service').then((m) => m.getQueryService()).catch(() => undefined);
};
