/**
 * The corpus's real PDFs (made with Word, not printed by a browser) as six extractors give them:
 * pdftotext in its three modes and the three Python tools (tests/support/extractors.ts). Each
 * text is the report as a user who ran that tool would hand it over. No extractor may make the
 * parser give a wrong figure. Those that keep a row's label beside its figures (-layout, -raw,
 * PyMuPDF) are read whole; pypdf's, where a page's footer runs into the next page's first line
 * (`-5-法提供2.没有现成信息…`), keeps 表二 and 表三 whole.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFile } from '../../src/lib/parse';
import { isFailure } from '../../src/lib/format';
import { gold, manifest, reportPath } from '../support/gold';
import { extractWith, isPythonExtractor } from '../support/extractors';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-corpus-extract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PDFS = manifest().flatMap((m) => m.inputs.filter((f) => f.endsWith('.pdf')).map((f) => ({ id: m.id, file: f })));
const TOOLS = ['default', '-layout', '-raw', 'pypdf', 'pymupdf', 'pdfminer'] as const;

function extract(file: string, tool: (typeof TOOLS)[number]): string {
  const out = join(dir, `${file}.${tool}.txt`);
  if (isPythonExtractor(tool)) extractWith(tool, reportPath(file), out);
  else execFileSync('pdftotext', [...(tool === 'default' ? [] : [tool]), '-enc', 'UTF-8', reportPath(file), out]);
  return readFileSync(out, 'utf8');
}

/** Cells read exact, flagged and wrong (against the answer key), by table. */
async function scored(id: string, text: string) {
  const r = await parseFile('report.txt', new TextEncoder().encode(text));
  if (isFailure(r)) throw new Error(r.error.message);
  const g = gold(id);
  const wrong: string[] = [];
  const open: string[] = [];
  for (const [k, want] of Object.entries(g.cells)) {
    if (k in r.uncertain) open.push(k);
    else if ((r.cells[k] ?? null) !== want) wrong.push(`${k}: 应为 ${want}，读为 ${r.cells[k]}`);
  }
  return { wrong, open };
}

describe('the corpus PDFs through real extractors', () => {
  it('the corpus holds PDFs', () => expect(PDFS.length).toBeGreaterThan(0));
  for (const { id, file } of PDFS) {
    for (const tool of TOOLS) {
      it(`${file}, ${tool}: no wrong cell${['-layout', '-raw', 'pymupdf'].includes(tool) ? ', every cell read' : ''}${tool === 'pypdf' ? ', 表二 and 表三 read' : ''}`, async () => {
        const { wrong, open } = await scored(id, extract(file, tool));
        expect(wrong).toEqual([]);
        if (['-layout', '-raw', 'pymupdf'].includes(tool)) expect(open).toEqual([]);
        if (tool === 'pypdf') expect(open.filter((k) => k.startsWith('t2.') || k.startsWith('apps.'))).toEqual([]);
      }, 30_000);
    }
  }
});
