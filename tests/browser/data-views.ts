/** Opening one of the data views (unit, quality, coverage, sql) at a path, once its data is in. */
import { expect } from 'vitest';
import type { StaticServer } from '../../scripts/static-server';
import { freshBrowser } from '../support/browser';
import type { Visit } from './site';

export async function visitView(server: StaticServer, path: string): Promise<Visit> {
  const browser = await freshBrowser();
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  browser.context.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  await page.goto(new URL(path.replace(/^\//, ''), server.url).href);
  await page.waitForSelector('section[data-ready="true"]', { timeout: 45_000 });
  return { page, origin: new URL(server.url).origin, requests, consoleErrors, browser };
}

/** No console error, and nothing requested from another origin. */
export function expectClean(v: Visit): void {
  expect(v.consoleErrors).toEqual([]);
  const foreign = v.requests.filter((u) => !u.startsWith(`${v.origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:'));
  expect(foreign).toEqual([]);
}

export function unitPath(unitKey: string, year?: number): string {
  return `/unit?u=${encodeURIComponent(unitKey)}${year ? `&y=${year}` : ''}`;
}
