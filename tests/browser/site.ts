/** Shared setup of the browser tests: the built site served locally, a fresh Chromium per test. */
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { requireData } from '../support/dataset';
import { openNodeDuckDB, type NodeDuckDB } from '../support/node-duckdb';
import { serveStatic, type StaticServer } from '../../scripts/static-server';
import { SITE_DIR, staleReason } from '../../scripts/site-build';
import { CHROMIUM, freshBrowser, type FreshBrowser } from '../support/browser';

/** The tests' build must exist and be newer than every source (global-setup.ts rebuilds it). */
export function requireBuiltSite(): void {
  const stale = staleReason('test');
  if (stale) throw new Error(`${stale}: run \`npm run build:test\` (npm test rebuilds it)`);
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
  return serveStatic(SITE_DIR.test);
}

/** Open a page of the site in a fresh profile, recording every request and every console error. */
export async function visit(server: StaticServer, setup?: (page: Page) => Promise<void>, path = '/'): Promise<Visit> {
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
  await page.goto(new URL(path.replace(/^\//, ''), server.url).href);
  return { page, origin: new URL(server.url).origin, requests, consoleErrors, browser };
}

/** Requests that left the page's origin (none may). */
export function foreignRequests(v: Visit): string[] {
  return v.requests.filter((u) => !u.startsWith(`${v.origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:'));
}

export interface SiteSuite {
  readonly server: StaticServer;
  readonly db: NodeDuckDB;
  /** Opens a page; its browser is closed when the file's tests are done. */
  go(path?: string, setup?: (page: Page) => Promise<void>): Promise<Visit>;
  /** Closes a page opened some other way at the end too. */
  track(v: Visit): Visit;
}

/**
 * The set-up every browser test file shares: the built site served locally and Node DuckDB
 * over data/*.parquet (the truth the pages are checked against); browsers closed at the end.
 */
export function siteSuite(): SiteSuite {
  let server: StaticServer | undefined;
  let db: NodeDuckDB | undefined;
  const open: Visit[] = [];
  beforeAll(async () => {
    requireData();
    server = await startSite();
    db = await openNodeDuckDB();
  });
  afterAll(async () => {
    for (const v of open) await v.browser.close();
    db?.close();
    await server?.close();
  });
  return {
    get server() { return server!; },
    get db() { return db!; },
    async go(path = '/', setup) {
      const v = await visit(server!, setup, path);
      open.push(v);
      return v;
    },
    track(v) {
      open.push(v);
      return v;
    },
  };
}

/** Wait until DuckDB has taken over and the headline chart has been redrawn from its answer. */
export async function waitForDuckDB(page: Page): Promise<void> {
  await page.waitForSelector('section[data-source="duckdb"]', { timeout: 45_000 });
  await page.waitForFunction(() => performance.getEntriesByName('gongkai:duckdb-chart').length > 0, null, {
    timeout: 15_000,
  });
}

/** The dataset of a chart as ECharts holds it: keyed columns. */
/** Until the chart holds a dataset: a page's charts after the first are drawn a few frames later. */
export async function waitForDataset(page: Page, name: string): Promise<void> {
  await page.waitForFunction((n) => {
    const w = window as unknown as { __gongkaiCharts?: Record<string, { getOption(): { dataset?: unknown[] } | undefined }> };
    return (w.__gongkaiCharts?.[n]?.getOption()?.dataset?.length ?? 0) > 0;
  }, name, { timeout: 15_000 });
}

export async function chartSource(page: Page, name: string): Promise<Record<string, unknown[]>> {
  await waitForDataset(page, name);
  return page.evaluate((n) => {
    const w = window as unknown as { __gongkaiCharts?: Record<string, { getOption(): { dataset: { source: unknown }[] } }> };
    const chart = w.__gongkaiCharts?.[n];
    if (!chart) throw new Error(`no chart ${n}`);
    return chart.getOption().dataset[0].source as Record<string, unknown[]>;
  }, name);
}
