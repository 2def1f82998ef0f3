/**
 * Tables set tight and without borders, as extractors muddle them (red team D: Chromium and
 * LibreOffice PDFs read by pdftotext, pdfminer and the PDF reader): a blank row's label taken
 * as the rest of its neighbour's, a figure touching its row label, 0 0 printed as 00, 表三's
 * figures spilled under 表四's heading. Each read a confident wrong number before.
 */
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/lib/parse';
import { readPdf } from '../../src/lib/parse/pdf';
import { isFailure, REVIEW_BLOCKS, REVIEW_COLS, type ParsedReport } from '../../src/lib/format';
import { cjkTextPdf } from '../fixtures/pdf/make-fixtures';
import { APPLICANT_HEAD, SECTION, T4_HEAD_CELLS, t3Form } from '../support/synthetic-forms';
import { FAMILIES } from '../support/synthetic-families';
import { runFamily } from '../support/synthetic-run';
import { flagMisread, flagSplit } from '../../src/lib/parse/misread';
import { rulesFor } from '../../src/lib/parse/rules';

const TITLE = '某某街道办事处2022年政府信息公开工作年度报告';
const TITLE_2019 = '某某街道办事处2019年政府信息公开工作年度报告';
const T4_KEYS = REVIEW_BLOCKS.flatMap((b) => REVIEW_COLS.map((c) => `${b}.${c}`));

async function parse(name: string, bytes: Uint8Array): Promise<ParsedReport> {
  const r = await parseFile(name, bytes);
  if (isFailure(r)) throw new Error(r.error.message);
  return r;
}
const parseText = (lines: string[]) => parse('r.txt', new TextEncoder().encode(lines.join('\n')));

type Item = [text: string, x: number, y: number, size: number];

const cjkPdf = (items: Item[]) => new Uint8Array(cjkTextPdf(items));

/** 表二 of 2021 set in 7.5 pt with rows 12 pt apart: 行政许可 and 行政强制 print no figure. */
function tightT2(): Item[] {
  const s = 7.5;
  const row = (y: number, label: string, ...cells: [string, number][]): Item[] => [[label, 36, y, s], ...cells.map(([t, x]): Item => [t, x, y, s])];
  return [
    [TITLE, 40, 790, 12],
    ['本报告根据《中华人民共和国政府信息公开条例》要求编制。', 36, 760, 12],
    [SECTION.t2[0], 36, 730, 12],
    ['第二十条第（一）项', 60, 700, s],
    ['信息内容', 36, 688, s], ['本年制发件数', 90, 688, s], ['本年废止件数', 140, 688, s], ['现行有效件数', 190, 688, s],
    ...row(676, '规章', ['0', 110], ['0', 160], ['2', 210]),
    ...row(664, '行政规范性文件', ['1', 110], ['0', 160], ['9', 210]),
    ['第二十条第（五）项', 60, 650, s],
    ['信息内容', 36, 638, s], ['本年处理决定数量', 90, 638, s],
    ...row(626, '行政许可'),
    ['第二十条第（六）项', 60, 612, s],
    ['信息内容', 36, 600, s], ['本年处理决定数量', 90, 600, s],
    ...row(588, '行政处罚', ['7', 120]),
    ...row(576, '行政强制'),
    ['第二十条第（八）项', 60, 562, s],
    ['信息内容', 36, 550, s], ['本年收费金额（单位：万元）', 90, 550, s],
    ...row(538, '行政事业性收费'),
    [SECTION.tail[0], 36, 500, 12],
  ];
}

describe('tight tables', () => {
  it('PDF: a label line that is a 表二 row of its own is not the rest of the row above it', async () => {
    const doc = await readPdf(cjkPdf(tightT2()));
    const texts = doc.lines.map((l) => l.tokens.map((t) => t.text).filter(Boolean).join(' '));
    expect(texts).toContain('行政处罚 7');
    expect(texts).toContain('行政强制');
    expect(texts).toContain('行政许可');
    const r = await parse('r.pdf', cjkPdf(tightT2()));
    expect(r.cells['t2.punishment.decisions']).toBe(7);
    expect(r.uncertain['t2.punishment.decisions']).toBeUndefined();
    // Printed blank: no figure, whether or not the row is flagged.
    expect(r.cells['t2.coercion.decisions']).toBeNull();
    expect(r.cells['t2.licensing.decisions']).toBeNull();
  });

  /** 表二's first item in 9 pt; `rows` are [y, label, [text, x] …] lines under its heads. */
  const t2Pdf = (rows: [number, string, ...[string, number][]][]) => cjkPdf([
    [TITLE, 40, 790, 12], ['本报告根据《中华人民共和国政府信息公开条例》要求编制。', 36, 760, 12],
    [SECTION.t2[0], 36, 730, 12], ['第二十条第（一）项', 60, 700, 9],
    ['信息内容', 36, 690, 9], ['本年制发件数', 100, 690, 9], ['本年废止件数', 160, 690, 9], ['现行有效件数', 220, 690, 9],
    ...rows.flatMap(([y, label, ...cells]): Item[] => [...(label ? [[label, 36, y, 9] as Item] : []), ...cells.map(([t, x]): Item => [t, x, y, 9])]),
    [SECTION.tail[0], 36, 600, 12],
  ]);

  it('PDF: a figure wrapped in its cell (278 over 4) is one figure where the tail stands under a figure filling its column', async () => {
    const r = await parse('r.pdf', t2Pdf([
      [676, '规章', ['0', 110], ['278', 170], ['114', 230]],
      [665, '', ['4', 170], ['9', 230]],
      [650, '行政规范性文件', ['1', 110], ['35', 170], ['9', 230]],
    ]));
    expect(['issued', 'repealed', 'in_force'].map((c) => r.cells[`t2.rules.${c}`])).toEqual([0, 2784, 1149]);
    expect(['issued', 'repealed', 'in_force'].map((c) => r.cells[`t2.normative.${c}`])).toEqual([1, 35, 9]);
    expect(Object.keys(r.uncertain).filter((k) => k.startsWith('t2.rules') || k.startsWith('t2.normative'))).toEqual([]);
  });

  it('PDF: digits under a figure narrower than its column, or on a line with a 表二 row\'s name, are not joined to it', async () => {
    // 27 does not fill its column (278 below is wider): the 4 under it may be anything.
    const narrow = await parse('r.pdf', t2Pdf([
      [676, '规章', ['0', 110], ['27', 170], ['114', 230]],
      [665, '', ['4', 170]],
      [650, '行政规范性文件', ['1', 110], ['278', 170], ['9', 230]],
    ]));
    expect(narrow.cells['t2.rules.repealed']).toBeNull();
    expect(narrow.uncertain['t2.rules.repealed']).toMatch(/分印在上下几行/);
    // A line that names a row is that row, however close below.
    const named = await parse('r.pdf', t2Pdf([
      [676, '规章', ['0', 110], ['278', 170], ['114', 230]],
      [665, '行政规范性文件', ['4', 170], ['9', 230]],
    ]));
    expect(named.cells['t2.rules.repealed']).not.toBe(2784);
    expect(named.cells['t2.normative.repealed'] ?? named.uncertain['t2.normative.repealed']).toBeTruthy();
  });

  it('PDF: two tight rows, each opening with its own name, are two rows even where a cell of one prints nothing', async () => {
    // Rows 9 pt apart (a Word table without cell padding): as close as two lines of one cell.
    const r = await parse('r.pdf', t2Pdf([
      [676, '规章', ['0', 110], ['114', 230]],
      [667, '行政规范性文件', ['1', 110], ['35', 170], ['9', 230]],
    ]));
    expect(['issued', 'repealed', 'in_force'].map((c) => r.cells[`t2.rules.${c}`])).toEqual([0, null, 114]);
    expect(['issued', 'repealed', 'in_force'].map((c) => r.cells[`t2.normative.${c}`])).toEqual([1, 35, 9]);
    expect(Object.keys(r.uncertain).filter((k) => k.startsWith('t2.rules') || k.startsWith('t2.normative'))).toEqual([]);
  });

  it('PDF: 表四 in one row whose empty cells print nothing takes its figures by the grid of its columns', async () => {
    // Fifteen equal columns 28 pt apart from x 50; columns 3, 8 and 12 print nothing.
    const figs = ['0', '0', '', '3', '3', '1', '0', '', '4', '5', '0', '', '6', '3', '9'];
    const r = await parse('r.pdf', cjkPdf([
      [TITLE, 40, 790, 12], ['本报告根据《中华人民共和国政府信息公开条例》要求编制。', 36, 760, 12],
      [SECTION.t4[0], 36, 730, 12], ['行政复议', 50, 712, 9], ['行政诉讼', 190, 712, 9],
      ...T4_HEAD_CELLS.slice(2).map((h, i): Item => [h, 50 + 28 * (i < 5 ? i : i < 7 ? 5 + (i - 5) * 5 : i - 2), 700 - (i >= 5 && i < 7 ? 0 : 12), 7]),
      ...figs.flatMap((f, i): Item[] => (f ? [[f, 50 + 28 * i, 670, 9]] : [])),
      [SECTION.tail[0], 36, 640, 12],
    ]));
    expect(T4_KEYS.map((k) => r.cells[k])).toEqual(figs.map((f) => (f === '' ? null : Number(f))));
    expect(T4_KEYS.filter((k) => r.uncertain[k] && figs[T4_KEYS.indexOf(k)] !== '0')).toEqual([]);
  });

  it('PDF: 表四 in one row whose 总计 columns are set narrower (as a browser sets them) still takes its figures by the grid', async () => {
    // Columns 42 pt apart, each block's 总计 only 25 pt wide; the 8th column prints nothing.
    const figs = ['5', '2', '4', '0', '11', '6', '5', '', '5', '16', '2', '2', '0', '1', '5'];
    const x: number[] = [];
    for (let i = 0, at = 10; i < 15; i++) { x.push(at); at += i % 5 === 4 ? 25 : 42; }
    const r = await parse('r.pdf', cjkPdf([
      [TITLE, 40, 790, 12], ['本报告根据《中华人民共和国政府信息公开条例》要求编制。', 36, 760, 12],
      [SECTION.t4[0], 36, 730, 12], ['行政复议', 10, 712, 9], ['行政诉讼', 200, 712, 9],
      ...figs.flatMap((f, i): Item[] => (f ? [[f, x[i], 670, 9]] : [])),
      [SECTION.tail[0], 36, 640, 12],
    ]));
    expect(T4_KEYS.map((k) => r.cells[k])).toEqual(figs.map((f) => (f === '' ? null : Number(f))));
  });

  it('PDF: a figure touching its row label is that row’s first cell, beside the others', async () => {
    const s = 9;
    const label = '其他对外管理服务事项';
    const doc = cjkPdf([
      [TITLE_2019, 40, 790, 12], ['本报告根据《中华人民共和国政府信息公开条例》要求编制。', 36, 760, 12],
      [SECTION.t2[0], 36, 730, 12],
      ['第二十条第（五）项', 120, 700, s],
      ['信息内容', 60, 690, s], ['上一年项目数量', 160, 690, s], ['本年增/减', 230, 690, s], ['处理决定数量', 290, 690, s],
      ['行政许可', 60, 680, s], ['871', 180, 680, s], ['0', 240, 680, s], ['3316', 300, 680, s],
      // The label is ten glyphs of 9 pt from x 76.5: 775 starts where it ends.
      [label, 76.5, 670, s], ['775', 76.5 + label.length * s, 670, s], ['19', 240, 670, s], ['39744', 300, 670, s],
      [SECTION.tail[0], 36, 620, 12],
    ]);
    const r = await parse('r.pdf', doc);
    const row = (stem: string) => ['prev_items', 'change', 'decisions'].map((c) => r.cells[`t2.${stem}.${c}`]);
    expect(row('other_services')).toEqual([775, 19, 39744]);
    expect(row('licensing')).toEqual([871, 0, 3316]);
  });

  it('text: a label naming two 表二 rows beside one figure gives it to neither when the rows before it are in doubt', async () => {
    const r = await parseText([TITLE, SECTION.t2[0], '第二十条第（一）项', '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
      '规章行政规范性文件第二十条第（五）项信息内容本年处理决定数量\t0\t0', '行政许可', '第二十条第（六）项', '信息内容\t本年处理决定数量',
      '行政处罚行政强制\t0', '行政事业性收费', ...SECTION.tail]);
    for (const k of ['t2.punishment.decisions', 't2.coercion.decisions']) {
      expect(r.cells[k], k).toBeNull();
      expect(r.uncertain[k], k).toBeTruthy();
    }
  });

  it('text: 00 among single figures is two cells run together, not a 0 — 19 digits do not fill 表四’s 15 cells', async () => {
    const r = await parseText([TITLE, SECTION.t4[0], ...T4_HEAD_CELLS, '00 0 0 0 0 0 00 00 0 0 0 0 0 00 0', ...SECTION.tail]);
    for (const k of T4_KEYS) {
      expect(r.cells[k], k).toBeNull();
      expect(r.uncertain[k], k).toMatch(/无法拆成 15 个数/);
    }
  });

  it('a table cell printing 00 or 05 is flagged, not read as 0 or 5', async () => {
    const r = await parseText([TITLE, SECTION.t2[0], '第二十条第（一）项', '| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
      '| 规章 | 00 | 1 | 2 |', '| 行政规范性文件 | 05 | 0 | 9 |', ...SECTION.tail]);
    for (const k of ['t2.rules.issued', 't2.normative.issued']) {
      expect(r.cells[k], k).toBeNull();
      expect(r.uncertain[k], k).toMatch(/不是一个确切的数/);
    }
    expect(r.cells['t2.normative.in_force']).toBe(9);
  });

  it('表四 with more figures in its section than cells, one per label, is not read by order', async () => {
    const zeros = Array.from({ length: 15 }, () => '0').join(' ');
    const r = await parseText([TITLE, SECTION.t4[0], ...T4_HEAD_CELLS, zeros, '总计', '0', '尚未审结', '0', '结果纠正', '0', ...SECTION.tail]);
    for (const k of T4_KEYS) {
      expect(r.cells[k], k).toBeNull();
      expect(r.uncertain[k], k).toMatch(/行序被打乱/);
    }
  });

  it.each([['注：本年度行政复议 1 件，行政诉讼 3 件。'], ['注 1', '注 2']])('表四 followed by a note with figures (%s) still reads its 15 figures', async (...note) => {
    const figs = '1 0 0 0 1 0 0 0 2 2 0 1 0 0 1';
    const r = await parseText([TITLE, SECTION.t4[0], ...T4_HEAD_CELLS, figs, ...note, ...SECTION.tail]);
    expect(T4_KEYS.map((k) => r.cells[k])).toEqual(figs.split(' ').map(Number));
    expect(T4_KEYS.filter((k) => r.uncertain[k])).toEqual([]);
  });

  it('表四 with exactly its 15 figures still reads them', async () => {
    const figs = '1 0 0 0 1 0 0 0 2 2 0 1 0 0 1';
    const r = await parseText([TITLE, SECTION.t4[0], ...T4_HEAD_CELLS, figs, ...SECTION.tail]);
    expect(T4_KEYS.map((k) => r.cells[k])).toEqual(figs.split(' ').map(Number));
    expect(T4_KEYS.filter((k) => r.uncertain[k])).toEqual([]);
  });

  it('justified labels that space an item number out (2 . 其他法律…) read as before: the number is no stray figure', async () => {
    const f2 = FAMILIES.find((f) => f.id === 'f2')!;
    for (const seed of [11, 12, 13]) {
      const d = f2.make(seed);
      const spaced = d.text.replace(/(?<=\|\s*)(\d)[.．](?=[\u4e00-\u9fff])/g, '$1 . ');
      expect(spaced).not.toBe(d.text);
      const r = await parse(d.name, new TextEncoder().encode(spaced));
      const apps = Object.keys(d.truth.cells).filter((k) => k.startsWith('apps.'));
      expect(apps.filter((k) => r.cells[k] !== d.truth.cells[k] || r.uncertain[k]), `seed ${seed}`).toEqual([]);
    }
  });

  it('PDF: a figure that runs past the page’s edge (a table wider than the page) is doubted, its neighbours are not', async () => {
    const s = 7.5;
    const cells = (y: number, figs: string[], last: number): Item[] => figs.map((f, i): Item => [f, i === figs.length - 1 ? last : 300 + 40 * i, y, s]);
    const doc = await readPdf(cjkPdf([
      [TITLE, 40, 790, 12], ['本报告根据《中华人民共和国政府信息公开条例》要求编制。', 36, 760, 12],
      ['一、本年新收政府信息公开申请数量', 36, 700, s], ...cells(700, ['190', '26', '3', '3', '7', '11', '240'], 583),
      ['二、上年结转政府信息公开申请数量', 36, 680, s], ...cells(680, ['4', '0', '0', '0', '0', '1', '5'], 583),
    ]));
    const row = (label: string) => doc.lines.find((l) => l.tokens[0].text.startsWith(label))!.tokens.slice(1);
    // The glyph past the edge is not in the text at all: 240 reads as 24.
    expect(row('一、').map((t) => t.text)).toEqual(['190', '26', '3', '3', '7', '11', '24']);
    expect(row('一、').map((t) => !!t.doubt)).toEqual([false, false, false, false, false, false, true]);
    expect(row('一、')[6].doubt).toMatch(/页面边缘/);
    expect(row('二、').some((t) => t.doubt)).toBe(false);
  });

  it('PDF: a figure ending at the page’s edge, within half a point past it, is doubted too (the glyph beyond was dropped whole)', async () => {
    const s = 7.5;
    // 240 from x 580.3: its 0 would start at 595.3, past the 595 pt edge, and is dropped; 24 ends there.
    const doc = await readPdf(cjkPdf([
      [TITLE, 40, 790, 12], ['本报告根据《中华人民共和国政府信息公开条例》要求编制。', 36, 760, 12],
      ['一、本年新收政府信息公开申请数量', 36, 700, s], ['190', 300, 700, s], ['240', 580.3, 700, s],
      ['二、上年结转政府信息公开申请数量', 36, 680, s], ['4', 300, 680, s], ['5', 583, 680, s],
    ]));
    const row = (label: string) => doc.lines.find((l) => l.tokens[0].text.startsWith(label))!.tokens.slice(1);
    expect(row('一、').map((t) => [t.text, !!t.doubt])).toEqual([['190', false], ['24', true]]);
    expect(row('二、').map((t) => [t.text, !!t.doubt])).toEqual([['4', false], ['5', false]]);
  });

  it('a row filled only by order (its figures beside another row’s label) leaves its own label free: the figures beside that label are not taken as the next row’s', async () => {
    // -layout of a tight borderless table: 予以公开's label stands alone, its figures (4) share a
    // line with 部分公开's first half, 部分公开's own (2) come below; 上年结转's line runs on with 3s.
    const figs: Record<string, number[]> = { new: [5, 0, 0, 0, 0, 0, 5], carried_over: [1, 0, 0, 0, 0, 0, 1], granted: [4, 0, 0, 0, 0, 0, 4], partial: [2, 0, 0, 0, 0, 0, 2], total: [6, 0, 0, 0, 0, 0, 6] };
    const row = (id: string) => (figs[id] ?? [0, 0, 0, 0, 0, 0, 0]).join(' ');
    const lines = ['某某县人民政府2020年政府信息公开工作年度报告', SECTION.t3[0], SECTION.t3note, ...APPLICANT_HEAD];
    for (const r of t3Form('2019')) {
      const id = r.keys[0].split('.')[1];
      if (r.heading) lines.push(r.heading);
      if (id === 'carried_over') lines.push(`${r.labels[0]} ${row(id)} 3 0 0 0 0 0 3`);
      else if (id === 'granted') lines.push(r.labels[0]);
      else if (id === 'partial') lines.push(`（二）部分公开（区分处理的，只 ${row('granted')}`, '计这一情形，不计其他情形）', row('partial'));
      else lines.push(`${r.labels[0]} ${row(id)}`);
    }
    const r = await parseText([...lines, ...SECTION.tail]);
    for (const k of ['apps.partial.natural', 'apps.partial.total', 'apps.granted.total']) {
      expect(r.cells[k], k).toBeNull();
      expect(r.uncertain[k], k).toBeTruthy();
    }
  });

  it('（六）其他处理’s sum is flagged when a sub-row’s total is flagged as a blank the sums fill', async () => {
    const f2 = FAMILIES.find((f) => f.id === 'f2')!;
    const d = [...Array(40).keys()].map((i) => f2.make(100 + i)).find((x) => x.truth.form === '2021' && (x.truth.cells['apps.other_misc.total'] ?? 0) > 0)!;
    // Blank the last figure of 3.其他's row (its 总计).
    const text = d.text.split('\n').map((l) => (/3[.．、]其他\s*\|/.test(l) ? l.replace(/\|\s*\d+(\s*\|[\s|]*)$/, '| $1') : l)).join('\n');
    expect(text).not.toBe(d.text);
    const r = await parse(d.name, new TextEncoder().encode(text));
    expect(r.cells['apps.other_misc.total']).toBeNull();
    expect(r.uncertain['apps.other_misc.total']).toMatch(/应为/);
    expect(r.cells['apps.other.total']).toBeNull();
    expect(r.uncertain['apps.other.total']).toMatch(/三个子项/);
  });

  it('（六）其他处理 whose sub-rows are partly blank has no sum, and says why (a blank is not 0)', async () => {
    const lines = [TITLE, SECTION.t3[0], SECTION.t3note, ...APPLICANT_HEAD];
    for (const r of t3Form('2021')) {
      const id = r.keys[0].split('.')[1];
      // 新收 2 = 予以公开 1 + 3.其他 1; 2.逾期未缴费 printed blank in the 法律服务机构 column only.
      const figs = id === 'new' || id === 'total' ? '2 0 0 0 0 0 2' : id === 'granted' || id === 'other_misc' ? '1 0 0 0 0 0 1'
        : id === 'other_no_fee' ? '0 0 0 0 — 0 0' : '0 0 0 0 0 0 0';
      if (r.heading) lines.push(r.heading);
      lines.push(`${r.labels[0]} ${figs}`);
    }
    const r = await parseText([...lines, ...SECTION.tail]);
    expect(r.cells['apps.other_misc.natural']).toBe(1);
    expect(r.cells['apps.other.natural']).toBe(1);
    expect(r.uncertain['apps.other.natural']).toBeUndefined();
    expect(r.cells['apps.other_no_fee.legal']).toBeNull();
    expect(r.cells['apps.other.legal']).toBeNull();
    expect(r.uncertain['apps.other.legal']).toMatch(/子项是空格.*合计无法确定/);
  });

  it('loose text: a 表三 row with figures whose 总计 reads blank (pdfminer moved its — to the end) is flagged whole, and blames nobody', async () => {
    const figs: Record<string, string> = { new: '5 0 0 0 0 0 5', carried_over: '21 0 0 1 0 22 —', granted: '26 0 0 1 — 0 27', total: '26 0 0 1 — 0 27',
      // Blanks between figures were not moved: this row stands (its blank 总计 is flagged on its own).
      denied_state_secret: '0 — 0 0 0 0 —' };
    const lines = ['某某县人民政府2020年政府信息公开工作年度报告', SECTION.t3[0], SECTION.t3note, ...APPLICANT_HEAD];
    for (const r of t3Form('2019')) {
      const id = r.keys[0].split('.')[1];
      if (r.heading) lines.push(r.heading);
      lines.push(`${r.labels[0]} ${figs[id] ?? '0 0 0 0 0 0 0'}`);
    }
    const r = await parseText([...lines, ...SECTION.tail]);
    for (const c of ['natural', 'legal', 'other_org', 'total']) {
      expect(r.cells[`apps.carried_over.${c}`], c).toBeNull();
      expect(r.uncertain[`apps.carried_over.${c}`], c).toMatch(/行末一格（表三为总计）却读到空格/);
    }
    expect(r.cells['apps.granted.total']).toBe(27);
    expect([r.cells['apps.denied_state_secret.natural'], r.cells['apps.denied_state_secret.commercial']]).toEqual([0, null]);
    expect(r.uncertain['apps.denied_state_secret.natural']).toBeUndefined();
    expect(r.findings).toEqual([]);
  });

  // Session 13: pdftotext -layout of borderless tables set tight, and figures cut by an edge.
  const T3_LEAD = ['某某县人民政府2020年政府信息公开工作年度报告', SECTION.t3[0], SECTION.t3note, APPLICANT_HEAD.join('  ')];
  const z = '0   0   0   0   0   0   0';

  it('text: labels half a row off their figures (上年结转’s figures beside 予以公开’s label, 部分公开’s label beside 予以公开’s) — no row from there down is named by the words beside its figures', async () => {
    const lines = [...T3_LEAD,
      '一、本年新收政府信息公开申请数量      288   89   2   2   19   9   409',
      '二、上年结转政府信息公开申请',
      '数量 （一）予以公开                  0   0   0   2   0   0   2',
      '（二）部分公开（区分处               127   44   2   3   10   8   194',
      '理的，只计这一情形，不',
      '计其他情形）                         15   11   0   0   1   1   28',
      '（三）不予公开 1.属于国家秘密',
      `2.其他法律行政法规禁止公开           ${z}`];
    for (const r of t3Form('2019').slice(6)) lines.push(`${r.labels[0]}    ${z}`);
    const r = await parseText([...lines, ...SECTION.tail]);
    // 127 … 194 are 予以公开's; 15 … 28 部分公开's.
    for (const row of ['granted', 'partial', 'denied_state_secret', 'denied_law_prohibited', 'total']) {
      for (const c of ['natural', 'total']) {
        const k = `apps.${row}.${c}`;
        expect(r.cells[k], k).toBeNull();
        expect(r.uncertain[k], k).toBeTruthy();
      }
    }
    expect(r.uncertain['apps.partial.natural']).toMatch(/错开了半行/);
    expect(r.cells['apps.new.total']).toBe(409);
  });

  it('text: a row printed blank (its label alone) among rows printed beside their labels leaves every other row read', async () => {
    const lines = [...T3_LEAD];
    const figs: Record<string, string> = { new: '5   0   0   0   0   0   5', granted: '3   0   0   0   0   0   3', partial: '2   0   0   0   0   0   2', total: '5   0   0   0   0   0   5' };
    for (const r of t3Form('2019')) {
      const id = r.keys[0].split('.')[1];
      lines.push(id === 'denied_security' ? r.labels[0] : `${r.labels[0]}    ${figs[id] ?? z}`);
    }
    const r = await parseText([...lines, ...SECTION.tail]);
    expect(r.cells['apps.partial.natural']).toBe(2);
    for (const row of ['denied_internal', 'unavailable_not_held', 'rejected_confirmation', 'other', 'total', 'carried_forward']) {
      expect(r.uncertain[`apps.${row}.total`], row).toBeUndefined();
    }
    expect(r.cells['apps.total.total']).toBe(5);
    expect(r.uncertain['apps.denied_security.natural']).toMatch(/没有找到/);
    expect(Object.values(r.uncertain).join()).not.toMatch(/错开了半行/);
  });

  it('a figure cut short by an edge (240 printed as 2) breaks a sum whose other cells name the whole: it is flagged, and the report is not blamed', async () => {
    const lines = [...T3_LEAD];
    for (const r of t3Form('2019')) {
      const id = r.keys[0].split('.')[1];
      const row = id === 'new' ? '190   26   3   3   7   11   2' : id === 'granted' || id === 'total' ? '190   26   3   3   7   11   240' : z;
      lines.push(`${r.labels[0]}    ${row}`);
    }
    const r = await parseText([...lines, ...SECTION.tail]);
    expect(r.cells['apps.new.total']).toBeNull();
    expect(r.uncertain['apps.new.total']).toMatch(/截去.*240/);
    expect(r.cells['apps.new.natural']).toBe(190);
    expect(r.findings).toEqual([]);
    // A total that is not the start of the sum stays a finding against the report.
    const wrong = await parseText([...lines.map((l) => l.replace(/   2$/, '   250')), ...SECTION.tail]);
    expect(wrong.cells['apps.new.total']).toBe(250);
    expect(wrong.findings.length).toBeGreaterThan(0);
    // Nor is a 1 a cut 10 where its column's sums hold with 1 (a 总计 column mis-added: 1 + 9 printed 19).
    const misadded = [...T3_LEAD];
    for (const r of t3Form('2019')) {
      const id = r.keys[0].split('.')[1];
      misadded.push(`${r.labels[0]}    ${id === 'new' || id === 'granted' || id === 'total' ? '1   9   0   0   0   0   19' : z}`);
    }
    const m = await parseText([...misadded, ...SECTION.tail]);
    expect(m.cells['apps.new.natural']).toBe(1);
    expect(m.uncertain['apps.new.natural']).toBeUndefined();
    expect(m.findings.length).toBe(3);
  });

  /** 表三 of 2019: 新收, 予以公开 and 总计 print `row(id)`, every other row zeros. */
  const t3With = (row: (id: string) => string | undefined) => [...T3_LEAD, ...t3Form('2019').map((r) => {
    const id = r.keys[0].split('.')[1];
    return `${r.labels[0]}    ${row(id) ?? z}`;
  })];
  const FULL = '190   26   3   3   7   11   240';

  it('figures run into by other digits (a tracked change’s deleted 62 before 190, a 5 after 190) are flagged with the figure the sums name, the report not blamed; two in one column are found one after the other', async () => {
    const lines = t3With((id) => (id === 'new' ? '62190   26   3   3   7   11   240' : id === 'total' ? '1905   26   3   3   7   11   240' : id === 'granted' ? FULL : undefined));
    const r = await parseText([...lines, ...SECTION.tail]);
    expect(r.cells['apps.new.natural']).toBeNull();
    expect(r.uncertain['apps.new.natural']).toMatch(/连在了这个数上.*190/);
    expect(r.cells['apps.total.natural']).toBeNull();
    expect(r.uncertain['apps.total.natural']).toMatch(/连在了这个数上.*190/);
    expect(r.cells['apps.new.commercial']).toBe(26);
    expect(r.cells['apps.granted.natural']).toBe(190);
    expect(r.findings).toEqual([]);
    // Figures that end in the digits a sum names, where a rule over them holds, are the report's.
    const own = await parseText([...t3With((id) => (id === 'new' || id === 'granted' || id === 'total' ? '190   26   3   3   7   11   1240' : undefined)), ...SECTION.tail]);
    expect(own.cells['apps.new.total']).toBe(1240);
    expect(own.cells['apps.granted.total']).toBe(1240);
    expect(own.findings.length).toBeGreaterThan(0);
  });

  it('a reading that breaks many sums across rows and columns at once is doubted, not blamed on the report: no cell of a broken sum is kept', async () => {
    // 予以公开 and 部分公开 misread in four cells: their rows and three columns' sums break.
    const figs: Record<string, string> = { new: FULL, total: FULL, granted: '191   27   3   3   7   11   240', partial: '0   0   1   0   0   0   0' };
    const r = await parseText([...t3With((id) => figs[id]), ...SECTION.tail]);
    expect(r.findings).toEqual([]);
    expect(r.cells['apps.granted.natural']).toBeNull();
    expect(r.uncertain['apps.granted.natural']).toMatch(/条勾稽关系.*不成立/);
    expect(r.cells['apps.total.natural']).toBeNull();
    // Cells in no broken sum stay.
    expect(r.cells['apps.denied_internal.legal']).toBe(0);
    expect(r.cells['apps.new.legal']).toBe(7);
    // Two broken sums stay findings against the report.
    const two = await parseText([...t3With((id) => (id === 'new' || id === 'granted' || id === 'total' ? FULL : id === 'partial' ? '0   0   0   0   0   0   1' : undefined)), ...SECTION.tail]);
    expect(two.cells['apps.partial.total']).toBe(1);
    expect(two.findings.length).toBeGreaterThan(0);
    // So do many in one direction: a 总计 column that leaves out 自然人 in every row with figures.
    const rows: Record<string, string> = { new: '190   26   3   3   7   11   50', granted: '100   16   3   3   7   11   40', partial: '90   10   0   0   0   0   10' };
    rows.total = rows.new;
    for (const id of ['denied_state_secret', 'denied_law_prohibited', 'denied_security']) rows[id] = '5   0   0   0   0   0   0';
    const column = await parseText([...t3With((id) => rows[id]), ...SECTION.tail]);
    expect(column.cells['apps.granted.total']).toBe(40);
    expect(column.cells['apps.granted.natural']).toBe(100);
    expect(column.findings.length).toBeGreaterThanOrEqual(5);
  });

  it('where two cells of a sum could each be the one misread (1 and 1 of 维持 and 纠正, 总计 13), both are flagged', () => {
    const printed = [1, 1, 0, 0, 13, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    const cells = new Map<string, number | null>(T4_KEYS.map((k, i) => [k, printed[i]]));
    const uncertain = new Map<string, string>();
    const rules = rulesFor('2019', true);
    flagMisread(cells, uncertain, rules, rules.derive((k) => cells.get(k)), true);
    expect(uncertain.get('review.upheld')).toMatch(/若是这一格读错.*12/);
    expect(uncertain.get('review.corrected')).toMatch(/若是这一格读错.*12/);
    expect(cells.get('review.total')).toBe(13);
  });

  it('two figures run together with the cell beside them read blank (29 and 103 as 29103) are flagged with the split', () => {
    // pdftotext -fixed 8 printed 复议后起诉's 尚未审结 29 and 总计 103 as one run; the 总计 cell was read blank.
    const printed = [0, 0, 0, 60, 60, 0, 28, 33, 0, 61, 55, 19, 0, 29103, null];
    const cells = new Map<string, number | null>(T4_KEYS.map((k, i) => [k, printed[i]]));
    const uncertain = new Map<string, string>();
    const rules = rulesFor('2019', true);
    flagSplit(cells, uncertain, rules, rules.derive((k) => cells.get(k)));
    expect(cells.get('review.total')).toBe(60);
    expect(cells.get('suit_after_review.pending')).toBeNull();
    expect(uncertain.get('suit_after_review.pending')).toMatch(/29 与 103/);
    expect(uncertain.get('suit_after_review.total')).toMatch(/103/);
    expect(uncertain.has('suit_direct.total')).toBe(false);
  });

  /**
   * 表三 of 2019 whose rows from `from` on print their figures one line low (beside the next row's
   * label), the last row's on a line of its own; `split` prints 国家秘密's label in two parts, the
   * second at the start of the next row's line.
   */
  function oneLineLow(from: string, split?: [string, string]): string[] {
    const figs: Record<string, string> = { new: '10   0   0   0   0   0   10', granted: '4   0   0   0   0   0   4', partial: '3   0   0   0   0   0   3',
      denied_state_secret: '2   0   0   0   0   0   2', denied_law_prohibited: '1   0   0   0   0   0   1', total: '10   0   0   0   0   0   10' };
    const rows = t3Form('2019').map((r) => ({ id: r.keys[0].split('.')[1], text: `${r.heading ?? ''}${r.labels[0]}` }));
    const at = rows.findIndex((r) => r.id === 'denied_state_secret');
    if (split) { rows[at].text = `（三）不予公开${split[0]}`; rows[at + 1].text = `${split[1]} ${rows[at + 1].text}`; }
    const low = rows.findIndex((r) => r.id === from);
    const lines = rows.map((r, i) => {
      const beside = i < low ? r.id : i > low ? rows[i - 1].id : null;
      return beside === null ? r.text : `${r.text}    ${figs[beside] ?? z}`;
    });
    return [...T3_LEAD, ...lines, `                                  ${figs[rows[rows.length - 1].id] ?? z}`];
  }

  it('text: from a row printed alone down, every row’s figures one line low and the last row’s spilled below it — none is named by the words beside it', async () => {
    const r = await parseText([...oneLineLow('partial'), ...SECTION.tail]);
    for (const row of ['denied_state_secret', 'denied_law_prohibited', 'denied_security', 'total']) {
      expect(r.cells[`apps.${row}.total`], row).toBeNull();
      expect(r.uncertain[`apps.${row}.total`], row).toBeTruthy();
    }
    expect(r.cells['apps.granted.total']).toBe(4);
  });

  it('text: a wrapped label’s two-character end before the next row’s number (秘密 2.其他法律…) marks the shift too', async () => {
    const r = await parseText([...oneLineLow('denied_state_secret', ['1.属于国家', '秘密']), ...SECTION.tail]);
    for (const row of ['denied_law_prohibited', 'denied_security', 'total']) {
      expect(r.cells[`apps.${row}.total`], row).toBeNull();
      expect(r.uncertain[`apps.${row}.total`], row).toBeTruthy();
    }
  });

  it('loose text: where 表三 shows an extractor moved its blanks, a 表二 row of figures then a blank mark is flagged too', async () => {
    const t2 = [SECTION.t2[0], '第二十条第（一）项', '信息内容', '本年制发件数 本年废止件数 现行有效件数', '规章', '4', '3', '35',
      '行政规范性文件', '29', '265', '—', '第二十条第（五）项', '信息内容', '本年处理决定数量', '行政许可', '2801',
      '第二十条第（六）项', '信息内容', '本年处理决定数量', '行政处罚', '1270', '行政强制', '194',
      '第二十条第（八）项', '信息内容', '本年收费金额（单位：万元）', '行政事业性收费', '0'];
    const lines = [TITLE, ...t2, SECTION.t3[0], SECTION.t3note, ...APPLICANT_HEAD];
    for (const r of t3Form('2021')) {
      const id = r.keys[0].split('.')[1];
      if (r.heading) lines.push(r.heading);
      lines.push(r.labels[0], ...(id === 'carried_over' ? '21 0 0 1 0 22 —' : '0 0 0 0 0 0 0').split(' '));
    }
    const r = await parseText([...lines, ...SECTION.tail]);
    expect(r.uncertain['apps.carried_over.natural']).toMatch(/挪动/);
    for (const c of ['issued', 'repealed', 'in_force']) {
      expect(r.cells[`t2.normative.${c}`], c).toBeNull();
      expect(r.uncertain[`t2.normative.${c}`], c).toMatch(/挪动/);
    }
    expect(r.cells['t2.rules.in_force']).toBe(35);
    // Without moved blanks in 表三, the same 表二 row is read as printed.
    const clean = await parseText(lines.map((l, i) => (l === '—' && i > lines.indexOf(SECTION.t3[0]) ? '0' : l)).concat(SECTION.tail));
    expect(clean.uncertain['apps.carried_over.natural']).toBeUndefined();
    expect([clean.cells['t2.normative.repealed'], clean.cells['t2.normative.in_force']]).toEqual([265, null]);
  });

  it('text: the end of one row’s label before the next row’s item number on a line of figures (情形） 1.属于国家秘密 11 5 …) names neither row', async () => {
    const lines = [...T3_LEAD,
      '一、本年新收政府信息公开申请数量      22   5   0   0   0   0   27',
      '二、上年结转政府信息公开申请数量      0   0   0   0   0   0   0',
      `（一）予以公开                        ${z}`,
      // (Two stray digits of a line printed over it end 部分公开's first line, as in a tight PDF.)
      '（二）部分公开（区分处理的，只计这一情形，不计其他       1       4',
      '情形） 1.属于国家秘密                 11   5   0   0   0   0   16',
      `2.其他法律行政法规禁止公开            ${z}`];
    for (const r of t3Form('2019').slice(6)) lines.push(`${r.labels[0]}    ${r.keys[0].includes('.total.') ? '11   5   0   0   0   0   16' : z}`);
    const r = await parseText([...lines, ...SECTION.tail]);
    for (const k of ['apps.denied_state_secret.natural', 'apps.denied_state_secret.total', 'apps.partial.natural']) {
      expect(r.cells[k], k).toBeNull();
      expect(r.uncertain[k], k).toBeTruthy();
    }
    // A heading's last words there (（三）不予 / 公开 5.属于…) are no row's: the row stands.
    const plain = await parseText([...T3_LEAD, ...t3Form('2019').map((x) => `${x.keys[0].includes('denied_internal') ? '公开 ' : ''}${x.labels[0]}    ${z}`), ...SECTION.tail]);
    expect(plain.cells['apps.denied_internal.total']).toBe(0);
    expect(plain.uncertain['apps.denied_internal.total']).toBeUndefined();
  });

  /** 表三 of 2019 as a PDF page: `head` places the header's words, every row prints 1 0 0 0 0 0 1 (总计 5 0 0 0 0 0 5). */
  function t3Pdf(head: Item[]): Item[] {
    const s = 7;
    const items: Item[] = [[TITLE_2019, 40, 800, 12], [SECTION.t3[0], 36, 780, 10], ...head];
    let y = 690;
    for (const r of t3Form('2019')) {
      const id = r.keys[0].split('.')[1];
      const figs = id === 'total' || id === 'new' ? ['5', '0', '0', '0', '0', '0', '5'] : id === 'granted' ? ['5', '0', '0', '0', '0', '0', '5'] : ['0', '0', '0', '0', '0', '0', '0'];
      items.push([r.labels[0].slice(0, 16), 36, y, s], ...figs.map((f, c): Item => [f, 220 + 45 * c, y, s]));
      y -= 14;
    }
    return [...items, [SECTION.tail[0], 36, y - 20, 10]];
  }
  const col = (c: number) => 214 + 45 * c;

  it('PDF: a 表三 header whose wrapped cells are centred higher than their neighbours is judged by each line’s order, not flagged whole', async () => {
    // 社会公益组织 and 法律服务机构 are set a line higher than 商业企业, 科研机构 and 其他 (their cells
    // wrapped elsewhere, or aligned to the top): read by height, the sub-columns come out of order.
    const s = 7;
    const head: Item[] = [['申请人情况', 300, 750, s], ['自然人', col(0), 725, s], ['法人或其他组织', col(2), 740, s], ['总计', col(6), 725, s],
      ['社会公益组织', col(3), 722, s], ['法律服务机构', col(4), 722, s], ['商业企业', col(1), 712, s], ['科研机构', col(2), 712, s], ['其他', col(5), 712, s]];
    const r = await parse('r.pdf', cjkPdf(t3Pdf(head)));
    expect(r.uncertain['apps.new.natural']).toBeUndefined();
    expect(r.cells['apps.new.natural']).toBe(5);
    expect(r.cells['apps.granted.total']).toBe(5);
    // Moved columns printed on one line are still doubted.
    const moved: Item[] = [['申请人情况', 300, 750, s], ['商业企业', col(0), 725, s], ['科研机构', col(1), 725, s], ['社会公益组织', col(2), 725, s],
      ['法律服务机构', col(3), 725, s], ['其他', col(4), 725, s], ['自然人', col(5), 725, s], ['总计', col(6), 725, s]];
    const m = await parse('m.pdf', cjkPdf(t3Pdf(moved)));
    expect(m.cells['apps.new.natural']).toBeNull();
    expect(m.uncertain['apps.new.natural']).toMatch(/顺序/);
  });

  it('2021’s （六） sub-rows are found when every name of theirs wraps over lines (逾期不 / 补正, 缴纳费 / 用): f17 seed 2919 has no silent null', async () => {
    const s = await runFamily(FAMILIES.find((f) => f.id === 'f17')!, [2919]);
    expect(s.wrong).toEqual([]);
  });
});
