/**
 * Where the build's drawing of the page's first chart is on screen, DuckDB starts as the app
 * does, before the page's components are hydrated: its worker fetches and compiles the wasm in
 * its own thread while the main thread lays out the interactive chart. Elsewhere (pages drawn
 * by the app alone) it waits for that chart, as the views ask (data/service.ts).
 */
import type { ClientInit } from '@sveltejs/kit';
import { hasStaticChart } from '$lib/prerender/first-screen';

export const init: ClientInit = () => {
  if (hasStaticChart()) void import('$lib/data/service').then((s) => s.startEngine()).catch(() => undefined);
};
