/**
 * Pages printed to PDF by headless Chromium, as a browser's "save as PDF" makes them, for the
 * PDF reader's tests. One browser per test file (started before its tests, closed after them),
 * the PDFs in a folder of their own that goes with it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { freshBrowser, type FreshBrowser } from './browser';

export interface PrintOptions {
  format?: 'A4' | 'A3';
  landscape?: boolean;
  /** Print backgrounds (without them Chromium darkens light text so that it shows on paper). */
  background?: boolean;
}

/** Registers the file's browser; returns a printer from HTML to PDF bytes. */
export function usePrinter(name: string): (html: string, opts?: PrintOptions) => Promise<Uint8Array> {
  let browser: FreshBrowser | undefined;
  const dir = mkdtempSync(join(tmpdir(), `gongkai-${name}-`));
  let n = 0;
  beforeAll(async () => { browser = await freshBrowser(); }, 60_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return async (html, opts = {}) => {
    if (!browser) throw new Error('the printer\'s browser is not started');
    const page = await browser.context.newPage();
    await page.setContent(html);
    const path = join(dir, `${++n}.pdf`);
    await page.pdf({ path, format: opts.format ?? 'A4', landscape: opts.landscape ?? false, printBackground: opts.background ?? false });
    await page.close();
    return new Uint8Array(readFileSync(path));
  };
}
