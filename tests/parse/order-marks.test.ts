/**
 * Blanks printed as marks (`—`, `/`) where the figures stand apart from their labels (pdftotext's
 * default mode): a mark is a cell with nothing in it, read by order like a figure — null, never 0 —
 * and a line that looks like a page's number is a row where the pages say it cannot be one.
 */
import { describe, expect, it } from 'vitest';
import { readText } from '../../src/lib/parse/text';
import { markSplits } from '../../src/lib/parse/marks';
import { sumOtherRows } from '../../src/lib/parse/other-sum';
import { KEY_INFO } from '../../src/lib/format';
import { FAMILIES } from '../support/synthetic-families';
import { makeTruth, rng } from '../support/synthetic-figures';
import { APPLICANT_HEAD, SECTION, t3Form } from '../support/synthetic-forms';
import { parsedText } from '../support/parse-text';

const marked = FAMILIES.find((f) => f.id === 'f1f')!;
const t3Keys = (cells: Record<string, unknown>) => Object.keys(cells).filter((k) => KEY_INFO.get(k)?.table === 't3');

const parse = parsedText;

describe('blank marks read by order', () => {
  it('a mark is one cell with nothing in it: 表三 with —, / and marks run into figures (—0) is read exactly, its blanks null', async () => {
    let blanks = 0;
    let glued = 0;
    for (const seed of [2, 3, 4, 5, 6, 7]) {
      const d = marked.make(seed);
      glued += (d.text.match(/[—/／][0-9]/g) ?? []).length;
      const r = await parse(d.text);
      for (const k of t3Keys(d.truth.cells)) {
        expect(r.uncertain[k], `seed ${seed} ${k}`).toBeUndefined();
        expect(r.cells[k], `seed ${seed} ${k}`).toBe(d.truth.cells[k]);
        if (d.truth.cells[k] === null && !k.startsWith('apps.other.')) blanks++;
      }
    }
    // The seeds print blanks, some of them run into the figure after them.
    expect(blanks).toBeGreaterThan(50);
    expect(glued).toBeGreaterThan(0);
  });

  it('a mark where a figure was not 0 breaks a rule once read as nothing: the table is flagged, not read', async () => {
    const d = marked.make(4);
    const lines = d.text.split('\n');
    // A row's first figure that is not 0 printed as a mark: the count still fits, the sums do not.
    const at = lines.findIndex((l, i) => i > lines.findIndex((x) => x.startsWith('三、')) && /^[1-9][0-9]*$/.test(l));
    expect(at).toBeGreaterThan(0);
    lines[at] = '—';
    const r = await parse(lines.join('\n'));
    for (const k of t3Keys(d.truth.cells)) expect(k in r.uncertain || r.cells[k] === d.truth.cells[k], k).toBe(true);
    expect(Object.keys(r.uncertain).filter((k) => k.startsWith('apps.')).length).toBeGreaterThan(0);
  });

  it('a run of dashes is one blank or several; a slash is one; a rule drawn in text is no blank', () => {
    expect(markSplits('—').map((s) => s.length)).toEqual([1]);
    expect(markSplits('——').map((s) => s.length)).toEqual([1, 2]);
    expect(markSplits('———').map((s) => s.length)).toEqual([2, 3]);
    expect(markSplits('//').map((s) => s.length)).toEqual([2]);
    // Three blanks spelled —— run together: three cells, or up to six.
    expect(markSplits('——————').map((s) => s.length)).toEqual([3, 4, 5, 6]);
    expect(markSplits('—'.repeat(15))).toEqual([]);
    expect(markSplits('——').flat().every((v) => v === null)).toBe(true);
  });
});

describe('marks run into figures on a row\'s own line (pdftotext -layout)', () => {
  it('`— 0 —3` beside its label is a blank, 0, a blank and 3, not a label `—` nor a minus', async () => {
    for (const seed of [1, 2, 3]) {
      const form = seed % 2 ? '2021' : '2019';
      const t = makeTruth(rng(seed), form, { year: 2023, blanks: 'zeros' });
      let glued = 0;
      const rows = t3Form(form).map((r) => {
        const cells = r.keys.map((k) => (t.cells[k] === null ? '—' : String(t.cells[k])));
        // A mark touches the figure after it, as narrow columns come out.
        const line = cells.reduce((acc, c, i) => (i > 0 && cells[i - 1] === '—' && c !== '—' ? (glued++, `${acc}${c}`) : `${acc}     ${c}`), '');
        return `${r.heading ?? ''}${r.labels[0]}${line}`;
      });
      expect(glued, `seed ${seed}`).toBeGreaterThan(0);
      const r = await parse([`某某局2023年度政府信息公开工作年度报告`, SECTION.t3[0], APPLICANT_HEAD.join('     '), ...rows, ...SECTION.tail].join('\n'));
      for (const k of t3Keys(t.cells).filter((k) => !k.startsWith('apps.other.') || form === '2019')) {
        expect(r.uncertain[k], `seed ${seed} ${k}`).toBeUndefined();
        expect(r.cells[k], `seed ${seed} ${k}`).toBe(t.cells[k]);
      }
    }
  });
});

describe('page numbers and rows that look alike', () => {
  const page = (extra: string[]) => ['第一行文字', '第二行文字', '第三行文字', ...extra, '倒数第二行', '最后一行'];

  it('where form feeds mark the pages, `— 3 —` amid a page is a row and at its foot a page number', () => {
    const raw = [...page(['— 3 —']), '— 1 —', `\f${page(['5 / 12'])[0]}`, ...page(['5 / 12']).slice(1), '— 2 —', '\f'].join('\n');
    const doc = readText(raw);
    const line = (t: string) => doc.lines.filter((l) => l.tokens.map((x) => x.text).join(' ').replace(/\s+/g, ' ').trim() === t);
    expect(line('— 3 —').map((l) => !!l.furniture)).toEqual([false]);
    expect(line('5 / 12').map((l) => !!l.furniture)).toEqual([false]);
    expect(line('— 1 —').map((l) => !!l.furniture)).toEqual([true]);
    expect(line('— 2 —').map((l) => !!l.furniture)).toEqual([true]);
  });

  it('without marked pages such a line stays in doubt (a page number or a row), and is read as a row only where nothing reads without it', async () => {
    const doc = readText(page(['— 3 —']).join('\n'));
    expect(doc.lines.find((l) => l.tokens.some((t) => t.text.includes('3')))?.furniture).toBe(true);
    // Reports whose 表三 prints a row as `3 / 46` (3, a blank, 46) with no page marks: read exactly.
    const seeds = Array.from({ length: 400 }, (_, i) => 1000 + i).filter((s) => /\n[0-9]{1,3} ?[/／] ?[0-9]{1,3}\n/.test(marked.make(s).text.split('三、收到')[1] ?? ''));
    expect(seeds.length).toBeGreaterThan(0);
    for (const seed of seeds.slice(0, 3)) {
      const d = marked.make(seed);
      const r = await parse(d.text);
      for (const k of t3Keys(d.truth.cells)) expect(r.cells[k], `seed ${seed} ${k}`).toBe(d.truth.cells[k]);
    }
  });
});

describe('2021 （六）其他处理 from its three rows', () => {
  const rows = (a: number | null, b: number | null, c: number | null) => ({
    'apps.other_no_correction.natural': a, 'apps.other_no_fee.natural': b, 'apps.other_misc.natural': c,
  } as Record<string, number | null>);

  it('is their sum; blank where all three are blank; not known (flagged, never 0) where only some are', () => {
    const full = rows(1, 2, 3);
    const u1: Record<string, string> = { 'apps.other.natural': '由（六）其他处理的三个子项相加，其中有不确定的数' };
    sumOtherRows(full, u1);
    expect(full['apps.other.natural']).toBe(6);
    expect(u1['apps.other.natural']).toBeUndefined();

    const none = rows(null, null, null);
    const u2: Record<string, string> = {};
    sumOtherRows(none, u2);
    expect(none['apps.other.natural']).toBeNull();
    expect(u2['apps.other.natural']).toBeUndefined();

    const some = rows(4, null, 0);
    const u3: Record<string, string> = {};
    sumOtherRows(some, u3);
    expect(some['apps.other.natural']).toBeNull();
    expect(u3['apps.other.natural']).toMatch(/空格.*已填子项之和为 4/);
  });

  it('stays in doubt where a row is, and keeps a reason that is not its own', () => {
    const c = rows(1, 2, 3);
    const u: Record<string, string> = { 'apps.other_no_fee.natural': '读不出' };
    sumOtherRows(c, u);
    expect(c['apps.other.natural']).toBeNull();
    expect(u['apps.other.natural']).toMatch(/不确定/);
    const d = rows(1, 2, 3);
    const v: Record<string, string> = { 'apps.other.natural': '别的原因' };
    sumOtherRows(d, v);
    expect(v['apps.other.natural']).toBe('别的原因');
  });
});
