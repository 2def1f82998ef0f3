/** The shipped site carries no test hooks; the tests' own build does (so the check can fail). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureSite, SITE_DIR, staleReason } from '../../scripts/site-build';

const HOOKS = ['__gongkaiQuery', '__gongkaiCharts'];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.(js|html)$/.test(e.name) ? [join(dir, e.name)] : []);
}

function hooksIn(dir: string): string[] {
  return files(dir).flatMap((f) => {
    const text = readFileSync(f, 'utf8');
    return HOOKS.filter((h) => text.includes(h)).map((h) => `${f}: ${h}`);
  });
}

describe('test hooks', () => {
  // The shipped build is what `npm run build` makes; rebuilt here when stale (a build takes minutes).
  beforeAll(() => { ensureSite('shipped'); }, 900_000);

  it('the shipped build (npm run build) is up to date and names no test hook', () => {
    expect(staleReason('shipped')).toBeNull();
    expect(hooksIn(SITE_DIR.shipped)).toEqual([]);
  });

  it('the browser tests’ build has both hooks', () => {
    expect(staleReason('test')).toBeNull();
    const found = new Set(hooksIn(SITE_DIR.test).map((s) => s.split(': ')[1]));
    expect([...found].sort()).toEqual([...HOOKS].sort());
  });
});
