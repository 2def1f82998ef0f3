/**
 * A fault of the program's own while reading a file is told as such: the user is not sent to
 * download a file again that is fine. The fault is injected into the PDF reader's own page work
 * (its pieces of text), which runs after pdf.js has read the page without complaint.
 */
import { describe, expect, it, vi } from 'vitest';
import { parseFile } from '../../src/lib/parse';
import { isFailure } from '../../src/lib/format';
import { cjkTextPdf } from '../fixtures/pdf/make-fixtures';

vi.mock('../../src/lib/parse/pdf/items', async (original) => ({
  ...(await original<typeof import('../../src/lib/parse/pdf/items')>()),
  toPieces: () => { throw new TypeError("Cannot read properties of undefined (reading 'x')"); },
}));

describe('faults of our own', () => {
  it('a PDF pdf.js reads well, met by an error in our page reading: internal_error, not a broken file', async () => {
    const pdf = new Uint8Array(cjkTextPdf([['某某街道办事处2023年政府信息公开工作年度报告', 60, 780, 14], ['行政许可', 60, 700, 10], ['5', 200, 700, 10]]));
    const r = await parseFile('r.pdf', pdf);
    expect(isFailure(r) && r.error.code).toBe('internal_error');
    if (!isFailure(r)) return;
    expect(r.error.message).toMatch(/不是文件的问题/);
    expect(r.error.message).not.toMatch(/损坏|重新下载/);
  });

  it('a PDF pdf.js cannot open is still a broken file', async () => {
    const r = await parseFile('r.pdf', new TextEncoder().encode('%PDF-1.4\nnot really a pdf\n'));
    expect(isFailure(r) && r.error.code).toBe('broken_file');
  });
});
