/**
 * The malformed-table fixtures the HTML reader is tested against, checked in Chromium: what
 * the browser shows in each table's rows and cells is what the fixtures say a reader sees.
 * This keeps the HTML reader's expected grids honest: they come from the browser, not from
 * the parser under test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freshBrowser, type FreshBrowser } from '../support/browser';
import { MALFORMED } from '../fixtures/html/malformed';

const squeeze = (s: string) => s.replace(/[\s\u00a0\u2000-\u200b\u3000]+/g, '');

describe('malformed tables in Chromium', () => {
  let browser: FreshBrowser;
  let page: Page;
  beforeAll(async () => {
    browser = await freshBrowser();
    page = await browser.context.newPage();
  });
  afterAll(async () => browser?.close());

  for (const c of MALFORMED) {
    it(c.name, async () => {
      await page.setContent(c.html);
      const shown = await page.evaluate(() => [...document.querySelectorAll('table')].map((t) =>
        [...t.rows].map((r) => [...r.cells].map((cell) => {
          // A cell's own text: a table nested in it is a table of its own.
          const own = cell.cloneNode(true) as HTMLElement;
          own.querySelectorAll('table').forEach((x) => x.remove());
          return own.textContent ?? '';
        }))));
      expect(shown.map((t) => t.map((r) => r.map(squeeze)))).toEqual(c.tables.map((t) => t.map((r) => r.map(squeeze))));
    });
  }
});
