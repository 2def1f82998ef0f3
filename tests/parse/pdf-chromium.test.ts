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
import { applicantPage, reportPage, t2Tables, withT2 } from '../support/html-page';
import { scoreExtracted } from '../support/score-extracted';
import { parseFile } from '../../src/lib/parse';
import { isFailure } from '../../src/lib/format';

let browser: FreshBrowser;
const dir = mkdtempSync(join(tmpdir(), 'gongkai-pdf-chromium-'));
beforeAll(async () => { browser = await freshBrowser(); }, 60_000);
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function read(seed: number, blanks: 'none' | '' | '—', only?: string[]) {
  const s = makeReport(seed, seed % 2 ? '2021' : '2019');
  const blank = (k: string) => blanks !== 'none' && (only ? only.includes(k) : (k.length * 7 + seed) % 5 === 0) && s.cells[k] === 0;
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

  // The slipped last row with its 自然人 cell empty and figures in the rest: they stand under the
  // next heads, the 总计 column empty. And 表二's 政府集中采购 with its first cell empty, where
  // 本年增/减's minus signs bridge two narrow columns: its one figure has no column to go by.
  it('a first cell printed as nothing where columns cannot place the rest: flagged, never one cell off', async () => {
    const slipped = (seed: number) => {
      const s = makeReport(seed, '2021');
      const row = ['commercial', 'research', 'nonprofit', 'legal', 'other_org'].reduce((n, c) => n + (s.cells[`apps.carried_forward.${c}`] ?? 0), 0);
      return s.cells['apps.carried_forward.natural'] === 0 && row > 0;
    };
    const procurement = (seed: number) => makeReport(seed, '2019').cells['t2.procurement.items'] === 0;
    const odd = Array.from({ length: 200 }, (_, i) => 901 + 2 * i).filter(slipped).slice(0, 8);
    const even = Array.from({ length: 200 }, (_, i) => 900 + 2 * i).filter(procurement).slice(0, 3);
    expect([odd.length, even.length]).toEqual([8, 3]);
    for (const seed of odd) expect((await read(seed, '', ['apps.carried_forward.natural'])).wrong, `seed ${seed}`).toEqual([]);
    for (const seed of even) expect((await read(seed, '', ['t2.procurement.items'])).wrong, `seed ${seed}`).toEqual([]);
  }, 120_000);

  // 表二's item columns in another order: the header's names, set close together, come as one
  // text (本年制发件数现行有效件数本年废止件数); the figures go by them.
  it('表二 columns printed in another order are read by the header\'s names', async () => {
    for (const seed of [31, 33, 35]) {
      const s = makeReport(seed, '2021');
      const page = await browser.context.newPage();
      await page.setContent(withT2(reportPage(s), t2Tables(s, (n) => [...Array(n).keys()].reverse())));
      const pdf = join(dir, `t2-${seed}.pdf`);
      await page.pdf({ path: pdf, format: 'A4' });
      await page.close();
      const r = await scoreExtracted(s, new Uint8Array(readFileSync(pdf)), 'report.pdf');
      expect(r.wrong, `seed ${seed}`).toEqual([]);
      const parsed = await parseFile('report.pdf', new Uint8Array(readFileSync(pdf)));
      if (isFailure(parsed)) throw new Error(parsed.error.message);
      for (const k of ['t2.rules.issued', 't2.rules.repealed', 't2.rules.in_force']) expect([k, parsed.cells[k]]).toEqual([k, s.cells[k]]);
    }
  }, 120_000);

  // Heads in other words, columns in another order: 公民 and 合计 set one character a line beside
  // 表三's organisations; 表四's short heads run together in one text (纠正维持其他未审结合计).
  it('heads in other words beside columns in another order: read by them or flagged, never one column off', async () => {
    const print = async (html: string, name: string) => {
      const page = await browser.context.newPage();
      await page.setContent(html);
      const pdf = join(dir, name);
      await page.pdf({ path: pdf, format: 'A4' });
      await page.close();
      return new Uint8Array(readFileSync(pdf));
    };
    for (const seed of [41, 43]) {
      const s = makeReport(seed, '2021');
      const t3 = await print(applicantPage(s, ['total', 'natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org'], { natural: '公民', total: '合计' }), `t3-${seed}.pdf`);
      expect((await scoreExtracted(s, t3, 'report.pdf')).wrong, `表三 seed ${seed}`).toEqual([]);
      const short = ['纠正', '维持', '其他', '未审结', '合计'];
      const cols = [1, 0, 2, 3, 4];
      const t4 = `<p>四、政府信息公开行政复议、行政诉讼情况</p><table border="1"><tr><th colspan="5">行政复议</th><th colspan="10">行政诉讼</th></tr>
<tr>${short.map((n) => `<th rowspan="2">${n}</th>`).join('')}<th colspan="5">未经复议直接起诉</th><th colspan="5">复议后起诉</th></tr>
<tr>${[...short, ...short].map((n) => `<th>${n}</th>`).join('')}</tr>
<tr>${['review', 'suit_direct', 'suit_after_review'].flatMap((b) => cols.map((i) => `<td>${s.cells[`${b}.${['upheld', 'corrected', 'other', 'pending', 'total'][i]}`]}</td>`)).join('')}</tr></table>`;
      const base = reportPage(s);
      const html = `${base.slice(0, base.indexOf('<p>四、'))}${t4}\n${base.slice(base.indexOf('<p>五、'))}`;
      expect((await scoreExtracted(s, await print(html, `t4-${seed}.pdf`), 'report.pdf')).wrong, `表四 seed ${seed}`).toEqual([]);
    }
  }, 120_000);
});

