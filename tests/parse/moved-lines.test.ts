/**
 * Text whose lines moved (issue 8, family 10) or that was cut short: a figure whose row is known
 * only from the label printed next to it must not be taken once that neighbourhood is in doubt,
 * and a figure the file was cut inside is never taken as whole.
 */
import { describe, expect, it } from 'vitest';
import { isFailure, REVIEW_BLOCKS, REVIEW_COLS, type ParsedReport } from '../../src/lib/format';
import { parseFile } from '../../src/lib/parse';
import { makeReport } from '../support/synthetic';
import { reportPage } from '../support/html-page';

async function parse(name: string, text: string): Promise<ParsedReport> {
  const r = await parseFile(name, new TextEncoder().encode(text));
  if (isFailure(r)) throw new Error(r.error.message);
  return r;
}

/** 表二 as a PDF extractor prints it: every label and every figure on a line of its own. */
const RULES = ['第二十条第（一）项', '信息内容', '本年制发件数', '本年废止件数', '现行有效件数', '规章', '行政规范性文件', '0', '0', '0', '0', '0', '0'];
const T2_ONE_PER_LINE = [
  ...RULES, '第二十条第（五）项', '信息内容', '本年处理决定数量', '行政许可', '9487',
  '第二十条第（六）项', '信息内容', '本年处理决定数量', '行政处罚', '行政强制', '2776', '84',
  '第二十条第（八）项', '信息内容', '本年收费金额（单位：万元）', '行政事业性收费', '7545',
];
const HEAD = ['某某区人民政府2024年度政府信息公开工作年度报告', '一、总体情况', '二、主动公开政府信息情况'];

describe('lines moved', () => {
  it('表二 printed one item per line is read by its labels (the control)', async () => {
    const r = await parse('a.txt', [...HEAD, ...T2_ONE_PER_LINE, '五、存在的主要问题及改进情况'].join('\n'));
    expect(r.cells['t2.punishment.decisions']).toBe(2776);
    expect(r.cells['t2.coercion.decisions']).toBe(84);
    expect(r.cells['t2.fees.amount_yuan']).toBe(75450000);
    expect(r.uncertain).toEqual({});
  });

  it('a label of 表三 among 表二\'s lines: no 表二 figure stands on a label printed apart from it', async () => {
    // The block moved: 表三's row names and 表二's lines mixed, 7545 before the (六) heading and
    // 84 now right under 行政事业性收费 — read by adjacency it would be the fee, 840000 元.
    const moved = [
      ...RULES, '第二十条第（五）项', '信息内容', '本年处理决定数量', '行政许可', '9487',
      '（一）予以公开', '本年收费金额（单位：万元）', '2776', '1.属于国家秘密', '7545',
      '第二十条第（六）项', '信息内容', '行政处罚', '行政强制', '第二十条第（八）项', '行政事业性收费', '84',
    ];
    const r = await parse('b.txt', [...HEAD, ...moved, '五、存在的主要问题及改进情况'].join('\n'));
    for (const k of ['t2.punishment.decisions', 't2.coercion.decisions', 't2.fees.amount_yuan']) {
      expect(r.cells[k], k).toBeNull();
      expect(r.uncertain[k], k).toBeTruthy();
    }
  });
});

describe('cut short', () => {
  it('every cell split from run-together digits the file ends on is flagged, not only the last', async () => {
    // 表四's fifteen figures printed without separators; the file ends after fifteen digits of
    // a longer run, so the one-digit-per-cell reading is unique and wrong.
    const text = ['某某镇人民政府2020年度政府信息公开工作年度报告', '四、政府信息公开行政复议、行政诉讼情况',
      '行政复议结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计132401900000100'].join('\n');
    const r = await parse('c.txt', text);
    for (const b of REVIEW_BLOCKS) {
      for (const c of REVIEW_COLS) {
        expect(r.cells[`${b}.${c}`], `${b}.${c}`).toBeNull();
        expect(r.uncertain[`${b}.${c}`], `${b}.${c}`).toBeTruthy();
      }
    }
  });

  it('a text file cut inside the last cell of a tab-separated row: that figure is flagged', async () => {
    const row = [1, 0, 0, 0, 1, 2, 0, 0, 0, 2, 6, 1, 0, 3, 10].join('\t');
    const text = ['某某镇人民政府2020年度政府信息公开工作年度报告', '四、政府信息公开行政复议、行政诉讼情况',
      '行政复议\t行政诉讼', '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉', row].join('\n');
    // The control: the whole row, with its line ended, is read.
    expect((await parse('f.txt', `${text}\n五、存在的主要问题及改进情况\n`)).cells['suit_after_review.total']).toBe(10);
    const r = await parse('g.txt', text.slice(0, -1));
    expect(r.cells['suit_after_review.total']).toBeNull();
    expect(r.uncertain['suit_after_review.total']).toMatch(/截断/);
  });

  it('a web page cut inside its last table cell: that figure is flagged', async () => {
    const s = makeReport(11, '2021');
    const key = 'suit_after_review.total';
    s.cells[key] = 4567;
    const page = reportPage(s);
    const at = page.lastIndexOf('<td>4567</td>');
    expect(at).toBeGreaterThan(0);
    const r = await parse('d.html', page.slice(0, at + '<td>45'.length));
    expect(r.cells[key]).toBeNull();
    expect(r.uncertain[key]).toMatch(/截断/);
    // The whole page reads that cell.
    expect((await parse('e.html', page)).cells[key]).toBe(4567);
  });
});

describe('a row that looks like a page number', () => {
  // pdftotext's default mode: labels first, then each row's figures on a line, blanks as dashes.
  const t2 = (rows: string[]) => [...HEAD, '第二十条第（一）项', '信息内容', '本年制发件数', '本年废止件数', '现行有效件数',
    '规章', '行政规范性文件', ...rows, ...T2_ONE_PER_LINE.slice(RULES.length), '五、存在的主要问题及改进情况'].join('\n');

  it('"- 22 -" and "4 / 24" where the table needs a row are that row, never silently lost or shifted', async () => {
    for (const [rows, want] of [
      [['3 0 5', '- 22 -'], [3, 0, 5, null, 22, null]],
      [['3 0 5', '4 / 24'], [3, 0, 5, 4, null, 24]],
    ] as const) {
      const r = await parse('h.txt', t2([...rows]));
      const keys = ['rules', 'normative'].flatMap((s) => ['issued', 'repealed', 'in_force'].map((c) => `t2.${s}.${c}`));
      keys.forEach((k, i) => {
        // Read as the row, or flagged (a page number is also a reading); never another value.
        if (!(k in r.uncertain)) expect(r.cells[k], `${rows[1]} ${k}`).toBe(want[i]);
      });
      // The row is found: no cell says its row is missing.
      expect(Object.values(r.uncertain).join()).not.toMatch(/没有找到这一行/);
    }
  });

  it('a real page number between two rows changes nothing (the control)', async () => {
    const r = await parse('i.txt', t2(['3 0 5', '- 2 -', '1 1 7']));
    expect(['issued', 'repealed', 'in_force'].map((c) => r.cells[`t2.normative.${c}`])).toEqual([1, 1, 7]);
    expect(r.uncertain).toEqual({});
  });
});
