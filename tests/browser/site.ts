/** Shared setup of the browser tests: the built site served locally, a fresh Chromium per test. */
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { serveStatic, type StaticServer } from '../../scripts/static-server';
import { CHROMIUM, freshBrowser, type FreshBrowser } from '../support/browser';

export function requireBuiltSite(): void {
  if (!existsSync('build/index.html')) throw new Error('build/ is missing: run `vite build` first (npm test does)');
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium fonts-noto-cjk`);
}

export interface Visit {
  page: Page;
  origin: string;
  requests: string[];
  consoleErrors: string[];
  browser: FreshBrowser;
}

export async function startSite(): Promise<StaticServer> {
  requireBuiltSite();
  return serveStatic('build');
}

/** Open the site in a fresh profile, recording every request and every console error. */
export async function visit(server: StaticServer, setup?: (page: Page) => Promise<void>): Promise<Visit> {
  const browser = await freshBrowser();
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  browser.context.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  await setup?.(page);
  await page.goto(server.url);
  return { page, origin: new URL(server.url).origin, requests, consoleErrors, browser };
}

/** Wait until DuckDB has taken over and the headline chart has been redrawn from its answer. */
export async function waitForDuckDB(page: Page): Promise<void> {
  await page.waitForSelector('section[data-source="duckdb"]', { timeout: 45_000 });
  await page.waitForFunction(() => performance.getEntriesByName('gongkai:duckdb-chart').length > 0, null, {
    timeout: 15_000,
  });
}

/** The dataset of a chart as ECharts holds it: keyed columns. */
export async function chartSource(page: Page, name: string): Promise<Record<string, unknown[]>> {
  return page.evaluate((n) => {
    const w = window as unknown as { __gongkaiCharts?: Record<string, { getOption(): { dataset: { source: unknown }[] } }> };
    const chart = w.__gongkaiCharts?.[n];
    if (!chart) throw new Error(`no chart ${n}`);
    return chart.getOption().dataset[0].source as Record<string, unknown[]>;
  }, name);
}
