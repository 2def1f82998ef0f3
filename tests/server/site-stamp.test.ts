/**
 * `npm start` and the browser tests rebuild the site when it is stale. A site built from another
 * dataset (`GONGKAI_DATA=… npm start`) must count as stale for the shipped one, however new it
 * is: otherwise a plain `npm start` afterwards would serve the other dataset as the default.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stampText, staleSite } from '../../scripts/site-build';

let root: string;
let site: string;
let data: string;
let other: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'gongkai-stamp-'));
  [site, data, other] = ['build', 'data', 'data-other'].map((d) => join(root, d));
  for (const d of [site, data, other]) mkdirSync(d);
  writeFileSync(join(data, 'reports.arrow'), 'x');
  writeFileSync(join(other, 'reports.arrow'), 'y');
  const old = new Date(Date.now() - 60_000);
  for (const f of [data, other, join(data, 'reports.arrow'), join(other, 'reports.arrow')]) utimesSync(f, old, old);
  writeFileSync(join(site, 'index.html'), '<!doctype html>');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the built site remembers its dataset', () => {
  it('is up to date for the dataset it was built from', () => {
    writeFileSync(join(site, '.built-at'), stampText(new Date(), data));
    expect(staleSite(site, data, [data])).toBeNull();
  });

  it('is stale for another dataset, even when newer than both', () => {
    writeFileSync(join(site, '.built-at'), stampText(new Date(), other));
    expect(staleSite(site, data, [data])).toMatch(/data-other/);
  });

  it('is stale when its stamp does not say which dataset (a build before this check)', () => {
    writeFileSync(join(site, '.built-at'), `${new Date().toISOString()}\n`);
    expect(staleSite(site, data, [data])).toMatch(/unrecorded/);
  });

  it('is stale when the dataset changed after the build', () => {
    const built = new Date(Date.now() - 30_000);
    writeFileSync(join(site, '.built-at'), stampText(built, data));
    utimesSync(join(site, '.built-at'), built, built);
    writeFileSync(join(data, 'reports.arrow'), 'z');
    expect(staleSite(site, data, [data])).toMatch(/older than/);
  });

  it('is missing without a stamp', () => {
    expect(staleSite(site, data, [data])).toMatch(/missing/);
  });
});
