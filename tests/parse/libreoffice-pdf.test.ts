/**
 * A second PDF maker: Word documents with narrow table columns printed by LibreOffice Writer,
 * read by the app's PDF reader and by every extractor a user may have run (pdftotext's three
 * modes, pypdf, PyMuPDF, pdfminer). LibreOffice wraps labels inside their cells, figures too
 * wide for theirs (`178` / `8`), a narrow header one character a line. No reading of any of
 * them may give a wrong figure; the app's own reader and pdftotext -layout read most cells.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeReport, type Synthetic } from '../support/synthetic';
import { libreofficePdfs, wordDocumentXml, wordDocx } from '../support/word-docx';
import { extractWith, isPythonExtractor } from '../support/extractors';
import { scoreExtracted } from '../support/score-extracted';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-lo-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Eight reports, both forms; in every other one some zeros print as — (blank cells). */
const REPORTS: Synthetic[] = [];
let pdfs: string[] = [];
beforeAll(() => {
  const docs: Uint8Array[] = [];
  for (let i = 0; i < 8; i++) {
    const seed = 4201 + i;
    const s = makeReport(seed, i % 2 ? '2021' : '2019');
    const blank = new Set(Object.keys(s.cells).filter((k) => i >= 4 && s.cells[k] === 0 && (k.length * 7 + seed) % 5 === 0));
    for (const k of blank) s.cells[k] = null;
    REPORTS.push(s);
    docs.push(wordDocx(wordDocumentXml(s, (k) => blank.has(k), '—')));
  }
  pdfs = libreofficePdfs(dir, docs);
}, 300_000);

const TOOLS = ['reader', 'default', '-layout', '-raw', 'pypdf', 'pymupdf', 'pdfminer'] as const;

async function score(tool: (typeof TOOLS)[number]) {
  let exact = 0;
  let total = 0;
  const wrong: string[] = [];
  for (const [i, pdf] of pdfs.entries()) {
    let bytes: Uint8Array;
    if (tool === 'reader') bytes = new Uint8Array(readFileSync(pdf));
    else {
      const out = `${pdf}.${tool}.txt`;
      if (isPythonExtractor(tool)) extractWith(tool, pdf, out);
      else execFileSync('pdftotext', [...(tool === 'default' ? [] : [tool]), '-enc', 'UTF-8', pdf, out]);
      bytes = new Uint8Array(readFileSync(out));
    }
    const r = await scoreExtracted(REPORTS[i], bytes, tool === 'reader' ? 'report.pdf' : 'report.txt');
    exact += r.exact;
    total += r.total;
    wrong.push(...r.wrong.map((w) => `${i}: ${w}`));
  }
  return { share: exact / total, wrong };
}

describe('LibreOffice PDFs of Word tables', () => {
  it.each(TOOLS)('%s: no figure read wrong', async (tool) => {
    const { wrong } = await score(tool);
    expect(wrong).toEqual([]);
  }, 120_000);

  it.each([['reader', 0.99], ['-layout', 0.97]] as const)('%s reads at least %f of the cells', async (tool, min) => {
    const { share } = await score(tool);
    expect(share).toBeGreaterThanOrEqual(min);
  }, 120_000);
});

describe('figure columns so narrow that LibreOffice wraps figures a digit or two a line', () => {
  // 表二's figure columns 260 twips wide (4.6 mm): 1679 prints 1 / 67 / 9, -29 prints - / 29,
  // 921.42 (万元) prints 921. / 42, and a piece ending in its point reads as an item's number (6.).
  // The pieces are the figure's, never a row of their own; 表二 mixes rows of three figures with
  // rows of one spanning the three columns, whose width says nothing of the narrow columns'.
  it('表二 is read, its wrapped figures whole, and nothing is read wrong', async () => {
    const sub = mkdtempSync(join(dir, 'narrow-'));
    const reports = [0, 1, 2, 3, 4, 5].map((i) => makeReport(7301 + i, i % 3 ? '2021' : '2019'));
    const narrow = libreofficePdfs(sub, reports.map((s) => wordDocx(wordDocumentXml(s, () => false, '', { t2: 260 }))));
    let read = 0, total = 0, wrapped = 0;
    for (const [i, pdf] of narrow.entries()) {
      const s = reports[i];
      const r = await scoreExtracted(s, new Uint8Array(readFileSync(pdf)), 'report.pdf');
      expect(r.wrong, `report ${i}`).toEqual([]);
      for (const k of Object.keys(s.cells).filter((x) => x.startsWith('t2.'))) {
        total++;
        if (r.cells[k] !== s.cells[k] || k in r.uncertain) continue;
        read++;
        if (String(s.cells[k]).length >= 3) wrapped++;
      }
    }
    if (process.env.DBG) console.log('T2', read / total, wrapped);
    expect(read / total).toBeGreaterThanOrEqual(0.75);
    expect(wrapped).toBeGreaterThanOrEqual(20);
  }, 300_000);

  // Columns 150 twips wide: LibreOffice prints no figure of 表三 at all, and 表二's 万元 amount
  // (one figure spanning three columns) a digit a line, 82846.26 as 8 / 2 / 8 / 4 / 6. / 2 / 6.
  // Read up to `6.` only, it was 8,284 万元, without a flag.
  it('a figure set a digit a line is read whole or not at all', async () => {
    const sub = mkdtempSync(join(dir, 'narrower-'));
    const reports = [0, 1, 2, 3, 4, 5].map((i) => makeReport(501 + 2 * i, '2021'));
    const narrow = libreofficePdfs(sub, reports.map((s) => wordDocx(wordDocumentXml(s, () => false, '', { t2: 150, t3: 150, group: 250, t4: 300 }))));
    let amounts = 0;
    for (const [i, pdf] of narrow.entries()) {
      const s = reports[i];
      const r = await scoreExtracted(s, new Uint8Array(readFileSync(pdf)), 'report.pdf');
      expect(r.wrong, `report ${i}`).toEqual([]);
      if (r.cells['t2.fees.amount_yuan'] === s.cells['t2.fees.amount_yuan'] && !('t2.fees.amount_yuan' in r.uncertain)) amounts++;
    }
    if (process.env.DBG) console.log('AMOUNTS', amounts);
    expect(amounts).toBeGreaterThanOrEqual(4);
  }, 300_000);
});
