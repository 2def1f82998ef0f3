/**
 * Files that are not one whole report: two reports saved as one page, a table pasted twice, a
 * 2021 表三 cut short before （六）其他处理. Built from the synthetic families' documents.
 */
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/lib/parse';
import { isFailure, type ParseOutcome } from '../../src/lib/format';
import { FAMILIES, type SyntheticDoc } from '../support/synthetic-families';

const tabbed = FAMILIES.find((f) => f.id === 'f7')!; // tab-separated or pipe rows, 2019 form
const cells = FAMILIES.find((f) => f.id === 'f3')!; // one cell per line, both forms
const parse = (name: string, text: string): Promise<ParseOutcome> => parseFile(name, new TextEncoder().encode(text));

function docWhere(family: typeof tabbed, ok: (d: SyntheticDoc) => boolean): SyntheticDoc {
  for (let seed = 1; seed < 500; seed++) { const d = family.make(seed); if (ok(d)) return d; }
  throw new Error('no such document');
}

describe('a file that is not one whole report', () => {
  it('two reports of different years in one file are refused, with a message that says what to do', async () => {
    const a = docWhere(tabbed, () => true);
    const b = docWhere(tabbed, (d) => d.truth.year !== a.truth.year);
    const r = await parse('two.txt', `${a.text}\n${b.text}`);
    expect(isFailure(r) && r.error.code).toBe('two_reports');
    if (isFailure(r)) expect(r.error.message).toMatch(/单独的文件/);
  });

  it('a table printed twice is flagged, never read from one copy as if certain', async () => {
    const a = docWhere(tabbed, () => true);
    const lines = a.text.split('\n');
    const t4 = lines.findIndex((l) => /行政复议/.test(l));
    const end = lines.findIndex((l, i) => i > t4 && l.startsWith('五、'));
    const other = docWhere(tabbed, (d) => d.truth.year === a.truth.year && JSON.stringify(d.truth.cells) !== JSON.stringify(a.truth.cells));
    const o = other.text.split('\n');
    const t4b = o.findIndex((l) => /行政复议/.test(l));
    const endb = o.findIndex((l, i) => i > t4b && l.startsWith('五、'));
    lines.splice(end, 0, ...o.slice(t4b, endb));
    const r = await parse('t4-twice.txt', lines.join('\n'));
    if (isFailure(r)) throw new Error(r.error.message);
    const review = Object.keys(r.cells).filter((k) => /^(review|suit_)/.test(k));
    expect(review.length).toBe(15);
    for (const k of review) expect(r.uncertain[k], k).toMatch(/表四在文件中印了不止一次/);
    // The other tables are read as before.
    expect(r.cells['apps.new.total']).toBe(a.truth.cells['apps.new.total']);
  });

  it('tables printed again the same, line for line (an appendix of the report\'s own tables), are read; one figure changed, they are flagged', async () => {
    const a = docWhere(tabbed, (d) => d.name === 'report.txt');
    const lines = a.text.split('\n');
    const from = lines.findIndex((l) => /主动公开政府信息/.test(l));
    const to = lines.findIndex((l, i) => i > from && l.startsWith('五、'));
    const copy = lines.slice(from, to);
    const r = await parse('appendix.txt', [...lines, '附表：', ...copy].join('\n'));
    if (isFailure(r)) throw new Error(r.error.message);
    for (const [k, v] of Object.entries(a.truth.cells)) expect(r.cells[k], k).toBe(v);
    expect(Object.values(r.uncertain).filter((w) => /不止一次/.test(w))).toEqual([]);
    // The copy's 表三 first row one figure off: which copy is the report's is unknown again.
    const row = copy.findIndex((l) => /本年新收/.test(l) && /\d/.test(l));
    const changed = [...copy];
    changed[row] = changed[row].replace(/\t(\d+)\t/, (_, n: string) => `\t${Number(n) + 1}\t`);
    const off = await parse('appendix.txt', [...lines, '附表：', ...changed].join('\n'));
    if (isFailure(off)) throw new Error(off.error.message);
    expect(off.uncertain['apps.new.natural']).toMatch(/表三在文件中印了不止一次/);
    expect(off.cells['review.total']).toBe(a.truth.cells['review.total']);
  });

  it('a row of 表三 printed twice: the same figures are one row; different figures put the row in doubt, whichever copy is the report\'s', async () => {
    const a = docWhere(tabbed, (d) => d.name === 'report.txt' && d.truth.form === '2019');
    const lines = a.text.split('\n');
    const at = lines.findIndex((l) => /部分公开/.test(l) && /\d/.test(l));
    const same = [...lines];
    same.splice(at + 1, 0, lines[at]);
    const r = await parse('same.txt', same.join('\n'));
    if (isFailure(r)) throw new Error(r.error.message);
    expect(r.cells['apps.partial.total']).toBe(a.truth.cells['apps.partial.total']);
    expect(r.uncertain['apps.partial.total']).toBeUndefined();
    for (const copy of ['first', 'second']) {
      const other = lines[at].replace(/(\d+)(\s*)$/, (_, n: string, sp: string) => `${Number(n) + 5}${sp}`);
      const changed = [...lines];
      changed.splice(at, 1, ...(copy === 'first' ? [lines[at], other] : [other, lines[at]]));
      const d = await parse('twice-row.txt', changed.join('\n'));
      if (isFailure(d)) throw new Error(d.error.message);
      expect(d.cells['apps.partial.total'], copy).toBeNull();
      expect(d.uncertain['apps.partial.total'], copy).toMatch(/印了两次/);
    }
  });

  it('表四’s headings printed again after a page break are not a second 表四', async () => {
    const a = docWhere(tabbed, (d) => d.name === 'report.txt');
    const lines = a.text.split('\n');
    const head = lines.findIndex((l) => l.includes('未经复议直接起诉'));
    // The headings, a page break, the headings again, then the figures.
    lines.splice(head + 1, 0, '- 5 -', ...lines.slice(head - 1, head + 1));
    const r = await parse('t4-page.txt', lines.join('\n'));
    if (isFailure(r)) throw new Error(r.error.message);
    expect(Object.values(r.uncertain).filter((w) => /不止一次/.test(w))).toEqual([]);
    expect(r.cells['review.total']).toBe(a.truth.cells['review.total']);
  });

  it('a 2021 表三 cut before （六）其他处理: its sub-rows are flagged, not taken as the 2019 single row', async () => {
    const d = docWhere(cells, (x) => x.truth.form === '2021');
    const cut = d.text.slice(0, d.text.indexOf('（六）其他处理'));
    const r = await parse('cut.txt', cut);
    if (isFailure(r)) throw new Error(r.error.message);
    const sub = Object.keys(r.cells).filter((k) => /^apps\.other_(no_correction|no_fee|misc)\./.test(k));
    expect(sub.length).toBe(21);
    for (const k of sub) {
      expect(r.cells[k], k).toBeNull();
      expect(r.uncertain[k], k).toBeTruthy();
    }
    expect(r.notes.join('')).not.toMatch(/只印了一行/);
  });

  it('a 2021 表三 that leaves out （六）’s first two sub-rows prints 3.其他 alone: read as that sub-row, never as the 2019 single row', async () => {
    const spelled = FAMILIES.find((f) => f.id === 'f11')!; // tab- or space-separated, both forms
    for (const d of [docWhere(spelled, (x) => x.truth.form === '2021'), docWhere(spelled, (x) => x.truth.form === '2021' && x.text.includes('   '))]) {
      const lines = d.text.split('\n');
      const first = lines.findIndex((l) => l.includes('逾期不补正'));
      expect(lines[first + 1]).toMatch(/逾期未按收费通知/);
      expect(lines[first + 2]).toMatch(/^3\s*[.、．]\s*其他/);
      lines.splice(first, 3, `（六）其他处理${d.text.includes('\t') ? '\t' : '   '}${lines[first + 2]}`);
      const r = await parse('misc.txt', lines.join('\n'));
      if (isFailure(r)) throw new Error(r.error.message);
      for (const c of ['natural', 'commercial', 'total']) {
        expect(r.cells[`apps.other_misc.${c}`], c).toBe(d.truth.cells[`apps.other_misc.${c}`]);
        expect(r.uncertain[`apps.other_misc.${c}`], c).toBeUndefined();
        for (const row of ['other_no_correction', 'other_no_fee', 'other']) {
          expect(r.cells[`apps.${row}.${c}`], `${row}.${c}`).toBeNull();
          expect(r.uncertain[`apps.${row}.${c}`], `${row}.${c}`).toBeTruthy();
        }
      }
      expect(r.notes.join('')).not.toMatch(/只印了一行/);
    }
  });
});
