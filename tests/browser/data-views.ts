/** Opening one of the data views (unit, quality, coverage, sql) at a path, once its data is in. */
import { expect } from 'vitest';
import type { StaticServer } from '../../scripts/static-server';
import { foreignRequests, visit, type Visit } from './site';

export async function visitView(server: StaticServer, path: string): Promise<Visit> {
  const v = await visit(server, undefined, path);
  await v.page.waitForSelector('section[data-ready="true"]', { timeout: 45_000 });
  return v;
}

/** No console error, and nothing requested from another origin. */
export function expectClean(v: Visit): void {
  expect(v.consoleErrors).toEqual([]);
  expect(foreignRequests(v)).toEqual([]);
}

export function unitPath(unitKey: string, year?: number): string {
  return `/unit?u=${encodeURIComponent(unitKey)}${year ? `&y=${year}` : ''}`;
}
