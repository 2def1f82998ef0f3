/** Every class of bad input gets a clear Chinese message, never a crash. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isFailure, type ParsedReport } from '../../src/lib/format';
import { refused } from '../support/refusal';
import { parseFile } from '../../src/lib/parse';
import { CORPUS_DIR, reportPath } from '../support/gold';

const FIXTURES = join(__dirname, '../fixtures/pdf');
const enc = (s: string) => new TextEncoder().encode(s);


describe('bad input', () => {
  it('an empty file', async () => {
    expect(refused(await parseFile('a.txt', new Uint8Array())).code).toBe('empty');
    expect(refused(await parseFile('a.txt', enc('  \n\n '))).code).toBe('empty');
  });

  it('a binary file', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3]);
    expect(refused(await parseFile('x.txt', png)).code).toBe('binary');
  });

  it('a zip that is not a Word file', async () => {
    expect(refused(await parseFile('x.zip', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).code).toBe('unsupported');
  });

  it('a document that is not an annual report', async () => {
    const text = '关于召开2024年第一季度安全生产工作会议的通知\n各有关单位：定于3月5日召开会议，请准时参加。';
    expect(refused(await parseFile('notice.txt', enc(text))).code).toBe('not_a_report');
  });

  it('a report of 2018 or earlier (the old, incomparable table)', async () => {
    const refuse: { file: string }[] = JSON.parse(readFileSync(join(CORPUS_DIR, 'refuse.json'), 'utf8'));
    expect(refuse.length).toBeGreaterThan(0);
    for (const r of refuse) {
      const e = refused(await parseFile(r.file, new Uint8Array(readFileSync(reportPath(r.file)))));
      expect(e.code).toBe('too_old');
      expect(e.message).toMatch(/旧统计表/);
    }
  });

  it('a scanned PDF with no text layer', async () => {
    const e = refused(await parseFile('scan.pdf', new Uint8Array(readFileSync(join(FIXTURES, 'scanned.pdf')))));
    expect(e.code).toBe('scanned_pdf');
  });

  it('an encrypted PDF', async () => {
    const e = refused(await parseFile('locked.pdf', new Uint8Array(readFileSync(join(FIXTURES, 'encrypted.pdf')))));
    expect(e.code).toBe('encrypted_pdf');
  });

  it('a truncated PDF', async () => {
    const whole = readFileSync(reportPath('huaian-hongze-2024.pdf'));
    const e = refused(await parseFile('cut.pdf', new Uint8Array(whole.subarray(0, 2000))));
    expect(['broken_file', 'scanned_pdf']).toContain(e.code);
  });

  it('a truncated report: returns the tables it has and says which are missing', async () => {
    const text = readFileSync(reportPath('chaihe-2020.txt'), 'utf8');
    const cut = text.slice(0, text.indexOf('三、收到和处理政府信息公开申请情况'));
    const r = await parseFile('cut.txt', enc(cut));
    expect(isFailure(r)).toBe(false);
    const rep = r as ParsedReport;
    expect(rep.missing).toEqual(['t3', 't4']);
    expect(rep.notes.join()).toMatch(/报告不完整/);
    expect(rep.cells['apps.new.total']).toBeNull();
    expect(rep.cells['t2.procurement.items']).not.toBeNull();
  });

  it('a table whose heading is printed but whose figures cannot be found is flagged cell by cell, not taken as not reported', async () => {
    const text = readFileSync(reportPath('chaihe-2020.txt'), 'utf8');
    const head = text.indexOf('四、政府信息公开行政复议、行政诉讼情况');
    const next = text.indexOf('五、存在的主要问题');
    // 表四's header printed one character a line (a column too narrow), its figures lost past the next heading.
    const vertical = [...'行政复议结果维持'].join('\n');
    const cut = `${text.slice(0, head)}四、政府信息公开行政复议、行政诉讼情况\n${vertical}\n${text.slice(next)}`;
    const rep = (await parseFile('cut.txt', enc(cut))) as ParsedReport;
    expect(isFailure(rep)).toBe(false);
    expect(rep.missing).toEqual([]);
    expect(rep.cells['review.upheld']).toBeNull();
    expect(rep.uncertain['review.upheld']).toMatch(/印有这张表的标题.*未能读出/);
    expect(rep.notes.join()).toMatch(/表四.*标题.*没有读出/);
    expect(rep.uncertain['apps.new.total']).toBeUndefined();
    // The introduction's list of sections is no heading: a report cut before 表三 still lacks it.
    expect(text.slice(0, 1000)).toMatch(/收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况/);
  });

  it('a report whose tables are all missing is refused with a reason', async () => {
    const text = readFileSync(reportPath('chaihe-2020.txt'), 'utf8');
    const cut = text.slice(0, text.indexOf('二、主动公开政府信息情况'));
    expect(refused(await parseFile('intro.txt', enc(cut))).code).toBe('no_tables');
  });
});
