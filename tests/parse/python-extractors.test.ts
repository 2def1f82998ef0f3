/**
 * Reports printed to PDF by Chromium and extracted by the two Python tools whose dumps the corpus
 * holds (tests/support/extractors.ts). pypdf sets each row's label and figures on one line, one
 * space apart, but runs the figures of narrow columns together (`0 0 0018`, `21290` for 2, 1,
 * 290) and drops blank cells printed as nothing: a cut such a run admits, where the row's own sum
 * does not confirm it, must be flagged, never given (before: `8 5 0 0013`, a blank dropped, read
 * 8 5 0 0 0 1 3 and blamed the report for a total of 3). PyMuPDF prints one cell per line.
 * pdfminer groups a Chromium table's cells column by column; it must never give a wrong figure.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshBrowser, type FreshBrowser } from '../support/browser';
import { makeReport, type Synthetic } from '../support/synthetic';
import { scoreExtracted } from '../support/score-extracted';
import { reportPage } from '../support/html-page';
import { extractWith, type PythonExtractor } from '../support/extractors';

let browser: FreshBrowser;
const dir = mkdtempSync(join(tmpdir(), 'gongkai-pyextract-'));

beforeAll(async () => {
  browser = await freshBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function extracted(name: string, html: string, tool: PythonExtractor): Promise<string> {
  const page = await browser.context.newPage();
  await page.setContent(html);
  const pdf = join(dir, `${name}.pdf`);
  await page.pdf({ path: pdf, format: 'A4' });
  await page.close();
  // Installed by .ci/run (python3-pypdf, python3-pdfminer); a missing tool fails the test.
  extractWith(tool, pdf, `${pdf}.${tool}.txt`);
  return readFileSync(`${pdf}.${tool}.txt`, 'utf8');
}

const score = (s: Synthetic, text: string) => scoreExtracted(s, new TextEncoder().encode(text));

/** Blank cells where a 0 stands, printed as nothing, as the accuracy script's `--blanks` makes them. */
function withBlanks(seed: number): { s: Synthetic; html: string } {
  const s = makeReport(seed, seed % 2 ? '2021' : '2019');
  const blank = (k: string) => (k.length * 7 + seed) % 5 === 0 && s.cells[k] === 0;
  for (const k of Object.keys(s.cells)) if (blank(k)) s.cells[k] = null;
  return { s, html: reportPage(s, { blank: '', blankKeys: blank }) };
}

describe('pypdf, PyMuPDF and pdfminer dumps of reports Chromium printed', () => {
  it('pypdf, complete reports: none wrong, ≥ 99 % exact, narrow columns run together', async () => {
    let exact = 0;
    let total = 0;
    let runTogether = false;
    for (let seed = 1; seed <= 6; seed++) {
      const s = makeReport(seed, seed % 2 ? '2021' : '2019');
      const text = await extracted(`c${seed}`, reportPage(s), 'pypdf');
      const got = await score(s, text);
      expect(got.wrong, `seed ${seed}`).toEqual([]);
      exact += got.exact;
      total += got.total;
      // A run that starts with 0 and holds more than one cell (`0018`) closes a row of 表三.
      runTogether ||= /\s0\d+\n/.test(text);
    }
    expect(runTogether).toBe(true);
    expect(exact / total).toBeGreaterThanOrEqual(0.99);
  }, 120_000);

  it('pypdf with blanks printed as nothing: no cell wrong, no finding blamed on the report', async () => {
    // 222, 231 and 235 printed rows such as `8 5 0 0013` (a blank dropped before 0 0 13); 11 prints
    // `二、上年结转… 8 0 0 2 010`, a figure run into the one before an empty cell (0, a blank, 10).
    for (const seed of [222, 231, 235, 202, 11]) {
      const { s, html } = withBlanks(seed);
      const got = await score(s, await extracted(`b${seed}`, html, 'pypdf'));
      expect(got.wrong, `seed ${seed}`).toEqual([]);
      expect(got.findings, `seed ${seed}`).toEqual([]);
    }
  }, 120_000);

  it('PyMuPDF (one line per cell): complete reports exact, blanks as nothing never wrong', async () => {
    for (const seed of [7, 8]) {
      const s = makeReport(seed, seed % 2 ? '2021' : '2019');
      const got = await score(s, await extracted(`f${seed}`, reportPage(s), 'pymupdf'));
      expect(got.wrong, `seed ${seed}`).toEqual([]);
      expect(got.exact, `seed ${seed}`).toBe(got.total);
    }
    const { s, html } = withBlanks(222);
    expect((await score(s, await extracted('fb222', html, 'pymupdf'))).wrong).toEqual([]);
  }, 120_000);

  it('pdfminer (cells grouped column by column): no cell wrong without a flag', async () => {
    for (const seed of [3, 4]) {
      const s = makeReport(seed, seed % 2 ? '2021' : '2019');
      expect((await score(s, await extracted(`m${seed}`, reportPage(s), 'pdfminer'))).wrong, `seed ${seed}`).toEqual([]);
    }
    const { s, html } = withBlanks(231);
    expect((await score(s, await extracted('mb231', html, 'pdfminer'))).wrong).toEqual([]);
  }, 120_000);
});
