/**
 * Bounded work: inputs far larger than any report are refused with code too_large and a
 * Chinese message, before they keep the worker busy; UTF-16 text is read as text. (How long
 * each refusal takes is printed by `npm run bench:parse`, not asserted here.)
 */
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { isFailure, type ParsedReport } from '../../src/lib/format';
import { refused } from '../support/refusal';
import { parseFile, readDocument } from '../../src/lib/parse';
import { readPdf } from '../../src/lib/parse/pdf';
import { decodeText } from '../../src/lib/parse/detect';
import { reportPath } from '../../src/lib/corpus/gold';
import { manyPagesPdf } from '../support/big-inputs';


// pdfjs takes a while to load on a busy machine; these are not timing assertions.
describe('over-large inputs are refused', { timeout: 60_000 }, () => {
  it('a 2,000-page PDF', async () => {
    const pdf = manyPagesPdf(2000);
    expect(pdf.length).toBeLessThan(1024 * 1024); // small file, many pages
    const e = refused(await parseFile('big.pdf', pdf));
    expect(e.code).toBe('too_large');
    expect(e.message).toContain('2000 页');
  });

  it('a PDF within the page limit is read', async () => {
    const e = refused(await parseFile('few.pdf', manyPagesPdf(3)));
    // Three pages of one line each: read, then found to be no report.
    expect(e.code).toBe('not_a_report');
  });

  it('a PDF whose text extraction runs past its time limit', async () => {
    const bytes = new Uint8Array(readFileSync(reportPath('huaian-hongze-2024.pdf')));
    await expect(readPdf(bytes, { millis: 0 })).rejects.toMatchObject({ code: 'too_large', message: expect.stringMatching(/秒/) });
    expect((await readPdf(bytes)).kind).toBe('pdf');
  });

  it('a 50 MB text file', async () => {
    const line = new TextEncoder().encode('二、主动公开政府信息情况 1 2 3 4 5 6 7 8 9\n');
    const big = new Uint8Array(50 * 1024 * 1024);
    for (let at = 0; at + line.length <= big.length; at += line.length) big.set(line, at);
    const e = refused(await parseFile('big.txt', big));
    expect(e.code).toBe('too_large');
    expect(e.message).toMatch(/50 MB.*20 MB/);
  });

  it('a text of 6 million characters under the file-size limit', async () => {
    const e = refused(await parseFile('long.txt', new TextEncoder().encode('政府信息公开'.repeat(1_000_000))));
    expect(e.code).toBe('too_large');
    expect(e.message).toContain('600 万字符');
  });

  it('an HTML page of 6 million characters', async () => {
    const page = `<html><body><table>${'<tr><td>1</td></tr>'.repeat(6_000_000 / 18)}</table></body></html>`;
    expect(refused(await parseFile('big.html', new TextEncoder().encode(page))).code).toBe('too_large');
  });
});

describe('UTF-16 text (Notepad\'s "Unicode") is text, not binary', () => {
  const utf8 = readFileSync(reportPath('chaihe-2020.txt'), 'utf8');
  const gold = JSON.parse(readFileSync(reportPath('chaihe-2020.txt').replace(/reports\/.*$/, 'gold/chaihe-2020.json'), 'utf8')) as {
    year: number; cells: Record<string, number | null>;
  };
  const encodings: [string, Uint8Array][] = [
    ['UTF-16LE with BOM', new Uint8Array(iconv.encode(utf8, 'utf-16le', { addBOM: true }))],
    ['UTF-16BE with BOM', new Uint8Array(iconv.encode(utf8, 'utf-16be', { addBOM: true }))],
    ['UTF-16LE without BOM', new Uint8Array(iconv.encode(utf8, 'utf-16le'))],
    ['GBK (must not pass for UTF-16)', new Uint8Array(iconv.encode(utf8, 'gbk'))],
  ];
  for (const [name, bytes] of encodings) {
    it(name, async () => {
      if (name.includes('with BOM')) expect([bytes[0], bytes[1]]).toEqual(name.includes('LE') ? [0xff, 0xfe] : [0xfe, 0xff]);
      const r = await parseFile('chaihe.txt', bytes);
      expect(isFailure(r), JSON.stringify(r).slice(0, 200)).toBe(false);
      const rep = r as ParsedReport;
      expect(rep.year).toBe(gold.year);
      expect(rep.unit).toContain('柴河镇');
      const read = Object.keys(gold.cells).filter((k) => !(k in rep.uncertain));
      expect(read.length).toBeGreaterThan(150);
      for (const k of read) expect(rep.cells[k], k).toBe(gold.cells[k]);
    });
  }

  it('GBK that is mostly ASCII digits stays GBK (read as UTF-16LE, its byte pairs would look like Han)', () => {
    const text = `表三\n${'2023 1234 5678 90ab cdef\n'.repeat(300)}合计`;
    expect(decodeText(new Uint8Array(iconv.encode(text, 'gbk')))).toBe(text);
  });

  it('UTF-16 HTML without a BOM', async () => {
    const page = '<html><head><title>某某镇2023年政府信息公开工作年度报告</title></head><body><p>一、总体情况</p><table><tr><td>收到申请</td><td>31</td></tr></table></body></html>';
    const doc = await readDocument('page.html', new Uint8Array(iconv.encode(page, 'utf-16le')));
    expect(doc.kind).toBe('html');
    expect(doc.title).toBe('某某镇2023年政府信息公开工作年度报告');
    expect(doc.lines.map((l) => l.tokens.map((t) => t.text))).toEqual([['收到申请', '31']]);
  });
});
