/**
 * The browser the page benchmarks open: a fresh profile (empty caches: a cold visit). With
 * BENCH_SETTLE_MS set, the page is opened that long after the browser started. Chromium spends
 * its first seconds on its own pages (its omnibox's WebUI renderer: about 3 s of CPU on two
 * cores here), work a reader's browser, already running, has done long before; 0, the default,
 * counts it in.
 */
import { freshBrowser, type FreshBrowser } from '../tests/support/browser';

export const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 0);

export async function benchBrowser(): Promise<FreshBrowser> {
  const b = await freshBrowser();
  if (SETTLE_MS > 0) await new Promise((r) => setTimeout(r, SETTLE_MS));
  return b;
}

/** How the runs were opened, for the benchmark's summary line. */
export const SETTLE_NOTE = SETTLE_MS > 0 ? `浏览器启动 ${SETTLE_MS} ms 后打开页面` : '浏览器启动后立即打开页面';
