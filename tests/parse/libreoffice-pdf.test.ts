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
