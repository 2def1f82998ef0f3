/**
 * The app's own PDF reader on reports Chromium printed from HTML tables (as a browser's "save as
 * PDF" of a report page makes them): blank cells as nothing, as —, or none. The page's last row
 * of 表三 has a label that spans one label column only, so its cells sit one column left of
 * their heads, as on hand-made pages. No figure may be read wrong; complete tables read whole.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshBrowser, type FreshBrowser } from '../support/browser';
import { makeReport } from '../support/synthetic';
import { reportPage } from '../support/html-page';
import { scoreExtracted } from '../support/score-extracted';

let browser: FreshBrowser;
const dir = mkdtempSync(join(tmpdir(), 'gongkai-pdf-chromium-'));
beforeAll(async () => { browser = await freshBrowser(); }, 60_000);
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function read(seed: number, blanks: 'none' | '' | '—') {
  const s = makeReport(seed, seed % 2 ? '2021' : '2019');
  const blank = (k: string) => blanks !== 'none' && (k.length * 7 + seed) % 5 === 0 && s.cells[k] === 0;
  for (const k of Object.keys(s.cells)) if (blank(k)) s.cells[k] = null;
  const page = await browser.context.newPage();
  await page.setContent(reportPage(s, blanks === 'none' ? {} : { blank: blanks, blankKeys: blank }));
  const pdf = join(dir, `${seed}-${blanks || 'nothing'}.pdf`);
  await page.pdf({ path: pdf, format: 'A4' });
  await page.close();
  return scoreExtracted(s, new Uint8Array(readFileSync(pdf)), 'report.pdf');
}

describe('the PDF reader on Chromium prints of report pages', () => {
  it('complete tables: no cell wrong, at least 95 % read', async () => {
    let exact = 0;
    let total = 0;
    for (const seed of [101, 102, 103, 104]) {
      const r = await read(seed, 'none');
      expect(r.wrong, `seed ${seed}`).toEqual([]);
      exact += r.exact;
      total += r.total;
    }
    expect(exact / total).toBeGreaterThanOrEqual(0.95);
  }, 120_000);

  // (104 and 114 print the slipped last row with its 自然人 cell empty: no figure lands in the
  // label column, only the sums show the row stands one column off.)
  it.each(['', '—'] as const)('blanks printed as "%s": no cell wrong', async (mark) => {
    for (const seed of [1, 2, 104, 114]) expect((await read(seed, mark)).wrong, `seed ${seed}`).toEqual([]);
  }, 120_000);

  // In narrow columns a — and the figure in the next cell stand closer than a character: two cells.
  it('blanks printed as —: at least 90 % read', async () => {
    let exact = 0;
    let total = 0;
    for (const seed of [101, 102, 103]) {
      const r = await read(seed, '—');
      exact += r.exact;
      total += r.total;
    }
    expect(exact / total).toBeGreaterThanOrEqual(0.9);
  }, 120_000);
});
