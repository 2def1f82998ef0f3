/**
 * Reports printed to PDF by Chromium and extracted by the real pdftotext (poppler-utils), as people
 * copy PDF reports into text: `-layout` sets narrow figure columns so that a 0 runs into the figure
 * after it (`0 005`), splits a row's figures over the two lines of a wrapped label, and starts each
 * page with a form feed; `-raw` keeps the reading order; the default mode prints columns as separate
 * flows. From -layout and -raw of complete reports nearly every cell comes back exact (a figure
 * other than 0 run into the next, `30 3`, is truly ambiguous and flagged); nowhere is a cell wrong
 * without a flag.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshBrowser, type FreshBrowser } from '../support/browser';
import { makeReport, type Synthetic } from '../support/synthetic';
import { scoreExtracted } from '../support/score-extracted';
import { reportPage } from '../support/html-page';

let browser: FreshBrowser;
const dir = mkdtempSync(join(tmpdir(), 'gongkai-pdftotext-'));

beforeAll(async () => {
  // Installed by .ci/run (poppler-utils); a missing extractor fails the test, it never skips it.
  execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
  browser = await freshBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function printed(name: string, html: string): Promise<string> {
  const page = await browser.context.newPage();
  await page.setContent(html);
  const pdf = join(dir, `${name}.pdf`);
  await page.pdf({ path: pdf, format: 'A4' });
  await page.close();
  return pdf;
}

async function score(s: Synthetic, pdf: string, mode: string) {
  const txt = `${pdf}.${mode}.txt`;
  execFileSync('pdftotext', [...(mode === 'default' ? [] : [`-${mode}`]), pdf, txt]);
  return { ...(await scoreExtracted(s, readFileSync(txt))), text: readFileSync(txt, 'utf8') };
}

describe('pdftotext of reports Chromium printed', () => {
  it('-layout and -raw of complete reports: none wrong, ≥ 99 % exact (0 runs, wrapped rows and page breaks included)', async () => {
    let exact = 0;
    let total = 0;
    const seen = { glued: false, wrappedRow: false, formFeed: false };
    for (let seed = 1; seed <= 8; seed++) {
      const s = makeReport(seed, seed % 2 ? '2021' : '2019');
      const pdf = await printed(`c${seed}`, reportPage(s));
      for (const mode of ['layout', 'raw']) {
        const got = await score(s, pdf, mode);
        expect(got.wrong, `seed ${seed} -${mode}`).toEqual([]);
        exact += got.exact;
        total += got.total;
        if (mode === 'layout') {
          seen.glued ||= /\s0{1,2}[1-9]?\d*\s*$/m.test(got.text) && /\s00/.test(got.text);
          seen.wrappedRow ||= /只计这一情形，\s+\d+\s*$/m.test(got.text);
          seen.formFeed ||= got.text.includes('\f');
        }
      }
    }
    // The shapes this test is about did occur in what pdftotext wrote.
    expect(seen).toEqual({ glued: true, wrappedRow: true, formFeed: true });
    expect(exact / total).toBeGreaterThanOrEqual(0.99);
  }, 120_000);

  it('reports with blank cells (— or nothing printed): no cell wrong without a flag', async () => {
    for (let seed = 11; seed <= 14; seed++) {
      const s = makeReport(seed, seed % 2 ? '2021' : '2019');
      const blank = (k: string) => (k.length * 7 + seed) % 5 === 0;
      for (const k of Object.keys(s.cells)) if (blank(k)) s.cells[k] = null;
      const pdf = await printed(`b${seed}`, reportPage(s, { blank: seed % 2 ? '' : '—', blankKeys: blank }));
      for (const mode of ['layout', 'raw']) {
        expect((await score(s, pdf, mode)).wrong, `seed ${seed} -${mode}`).toEqual([]);
      }
    }
  }, 120_000);

  it('-layout of reports with any cell blank and printed as nothing (their own sums then off): no cell wrong', async () => {
    // 423 and 450 print rows such as `0 13 0 0 15` (two cells blank): cut 0 1 3 0 0 1 5 it sums
    // by chance, and was read so until the columns' sums had to check too.
    for (const seed of [423, 450]) {
      const s = makeReport(seed, seed % 2 ? '2021' : '2019');
      const blank = (k: string) => (k.length * 7 + seed) % 5 === 0;
      for (const k of Object.keys(s.cells)) if (blank(k)) s.cells[k] = null;
      expect((await score(s, await printed(`a${seed}`, reportPage(s, { blank: '', blankKeys: blank })), 'layout')).wrong, `seed ${seed}`).toEqual([]);
    }
  }, 120_000);

  it('default mode (each column its own flow, a row\'s figures before its label): 表三 and 表四 read exactly by their order, 表二 by where its labels stand', async () => {
    let figuresFirst = false;
    let t4Past = false;
    for (let seed = 21; seed <= 24; seed++) {
      const s = makeReport(seed, seed % 2 ? '2021' : '2019');
      const got = await score(s, await printed(`d${seed}`, reportPage(s)), 'default');
      expect(got.wrong, `seed ${seed}`).toEqual([]);
      expect(Object.keys(s.cells).filter((k) => got.cells[k] !== s.cells[k] || k in got.uncertain), `seed ${seed}`).toEqual([]);
      // The first row's figures stand before its label (the label reading alone gets them wrong).
      figuresFirst ||= /\n[0-9 ]+\n一、本年新收/.test(got.text);
      // 表四's figures go on after the next section's heading.
      t4Past ||= /\n五、[^\n]*\n+[0-9]+\n+[0-9]+/.test(got.text);
    }
    expect(figuresFirst).toBe(true);
    expect(t4Past).toBe(true);
  }, 120_000);

  it('default mode with blanks printed as —, one row\'s last cells printed after 总计 (before 四、结转下年度): 表三 read exactly', async () => {
    for (const seed of [9, 19]) {
      const s = makeReport(seed, seed % 2 ? '2021' : '2019');
      const blank = (k: string) => (k.length * 7 + seed) % 5 === 0 && s.cells[k] === 0;
      for (const k of Object.keys(s.cells)) if (blank(k)) s.cells[k] = null;
      const got = await score(s, await printed(`m${seed}`, reportPage(s, { blank: '—', blankKeys: blank })), 'default');
      expect(got.wrong, `seed ${seed}`).toEqual([]);
      // The shape occurred: a line of three figures just before the last row's label and its first figure.
      expect(got.text, `seed ${seed}`).toMatch(/\n[0-9]+ [0-9]+ [0-9]+\n+四、结转下年度? [0-9—]/);
      // (2021's （六）其他处理 sums its three rows: with one of them blank, the sum stays in doubt.)
      const t3 = Object.keys(s.cells).filter((k) => k.startsWith('apps.'));
      const off = t3.filter((k) => got.cells[k] !== s.cells[k] || k in got.uncertain);
      expect(off.filter((k) => !(k.startsWith('apps.other.') && /子项是空格/.test(got.uncertain[k] ?? ''))), `seed ${seed}`).toEqual([]);
    }
  }, 120_000);

  it('default mode printing two of 表四\'s figures inside 表三 (before 四、结转下年度): 表三 read exactly without them, 表四 never wrong', async () => {
    for (const seed of [110, 136]) {
      const s = makeReport(seed, seed % 2 ? '2021' : '2019');
      const got = await score(s, await printed(`l${seed}`, reportPage(s)), 'default');
      expect(got.wrong, `seed ${seed}`).toEqual([]);
      // The shape occurred: 表四's region holds two figures too few.
      const t4 = got.text.slice(got.text.indexOf('行政复议、行政诉讼情况'));
      expect(t4.match(/[0-9]+/g)?.length, `seed ${seed}`).toBe(13);
      const t3 = Object.keys(s.cells).filter((k) => k.startsWith('apps.'));
      expect(t3.filter((k) => got.cells[k] !== s.cells[k] || k in got.uncertain), `seed ${seed}`).toEqual([]);
      // 表四's cells in doubt say why: some of its figures stand in 表三.
      expect(got.uncertain['suit_after_review.upheld'], `seed ${seed}`).toMatch(/印在了表三/);
    }
  }, 120_000);
});
