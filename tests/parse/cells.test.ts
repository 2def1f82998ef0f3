/**
 * Cells as odd layouts print them, from the review of the damaged-cell and header checks: a
 * pipe between cells, a damaged figure alone on its line, a signed change, a large amount to the
 * fen, a narrative that names 表三's rows, row labels printed before 表三's column heads.
 */
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/lib/parse';
import { isFailure, type ParsedReport } from '../../src/lib/format';
import { FAMILIES } from '../support/synthetic-families';
import { APPLICANT_HEAD, SECTION, t3Form } from '../support/synthetic-forms';

async function parse(lines: string[]): Promise<ParsedReport> {
  const r = await parseFile('r.txt', new TextEncoder().encode(lines.join('\n')));
  if (isFailure(r)) throw new Error(r.error.message);
  return r;
}
const TITLE = '某某县人民政府2020年政府信息公开工作年度报告';
const T2_HEAD = [SECTION.t2[0], '第二十条第（一）项', '信息内容 本年新制作数量 本年新公开数量 对外公开总数量'];

describe('cells in odd layouts', () => {
  it('a pipe between cells (Markdown without its outer pipes) separates them', async () => {
    const r = await parse([TITLE, ...T2_HEAD, '规章 | 3 | 0 | 8', '规范性文件 | 12 | 11 | 40', ...SECTION.tail]);
    expect([r.cells['t2.rules.new_made'], r.cells['t2.rules.new_published'], r.cells['t2.rules.total_published']]).toEqual([3, 0, 8]);
    expect(r.uncertain['t2.rules.new_made']).toBeUndefined();
  });

  it('a damaged figure alone on its line (one cell per line) is flagged, not read as its digits', async () => {
    const r = await parse([TITLE, ...T2_HEAD, '规章', '3', 'l45', '8', '规范性文件', '12', '约50', '40', ...SECTION.tail]);
    for (const k of ['t2.rules.new_published', 't2.normative.new_published']) {
      expect(r.cells[k], k).toBeNull();
      expect(r.uncertain[k], k).toMatch(/不是一个确切的数/);
    }
  });

  it('a count printed with a decimal point (`1.0`, an OCR\'d 10 as likely as 1) is flagged, not read as 1', async () => {
    const r = await parse([TITLE, ...T2_HEAD, '规章 3 1.0 8', '规范性文件 12 11 40', ...SECTION.tail]);
    expect(r.cells['t2.rules.new_published']).toBeNull();
    expect(r.uncertain['t2.rules.new_published']).toMatch(/小数点.*1\.0/);
    expect(r.cells['t2.normative.new_published']).toBe(11);
  });

  it('a page\'s footer run into the next line (pypdf: `-5-法提供2.没有现成…`, `-4-3.补正后…`) is no cell of the row before', async () => {
    const rows = t3Form('2019');
    const lines = rows.map((row, i) => {
      const text = `${row.labels[0]}${row.keys.map((_, c) => (c === 0 || c === row.keys.length - 1 ? String(i + 1) : '0')).join(' ')}`;
      if (row.keys[0] === 'apps.unavailable_needs_creation.natural') return `-5-${text}`;
      if (row.keys[0] === 'apps.unavailable_unclear.natural') return `—4—${text}`;
      return text;
    });
    const r = await parse(['某某县人民政府2020年政府信息公开工作年度报告', SECTION.t3[0], ...APPLICANT_HEAD, ...lines, ...SECTION.tail]);
    rows.forEach((row, i) => {
      for (const [c, k] of row.keys.entries()) {
        expect(r.uncertain[k], k).toBeUndefined();
        if (!k.startsWith('apps.total.')) expect(r.cells[k], k).toBe(c === 0 || c === row.keys.length - 1 ? i + 1 : 0);
      }
    });
  });

  it('a label run into its row\'s first cell printed 无 (pypdf: `国家秘密无 5 无 0`, `稳定”无 0 0`) gives that cell, a blank', async () => {
    // Each outcome row: 自然人 blank (无) or 0, i + 1 from 商业企业, none else; 新收 and 总计 their sum.
    const rows = t3Form('2019');
    const stem = (row: (typeof rows)[number]) => row.keys[0].split('.')[1];
    const outcome = (row: (typeof rows)[number]) => !['new', 'carried_over', 'total', 'carried_forward'].includes(stem(row));
    const sum = rows.reduce((s, row, i) => s + (outcome(row) ? i + 1 : 0), 0);
    const figure = (row: (typeof rows)[number], i: number) => (outcome(row) ? i + 1 : ['new', 'total'].includes(stem(row)) ? sum : 0);
    const lines = rows.map((row, i) => `${row.labels[0]}${i % 2 ? '无' : '0'} ${figure(row, i)} ${'0 '.repeat(row.keys.length - 3)}${figure(row, i)}`);
    const r = await parse(['某某县人民政府2020年政府信息公开工作年度报告', SECTION.t3[0], ...APPLICANT_HEAD, ...lines, ...SECTION.tail]);
    expect(r.uncertain).toEqual({});
    rows.forEach((row, i) => {
      expect(r.cells[row.keys[0]], row.keys[0]).toBe(i % 2 ? null : 0);
      expect(r.cells[row.keys[1]], row.keys[1]).toBe(figure(row, i));
    });
  });

  it('a figure wrapped in its narrow cell (pdftotext -layout of a Word table: `178` / `8` under it) is flagged, and its tail is no cell of the row', async () => {
    const r = await parse([TITLE, SECTION.t2[0], '第二十条第（五）项', '信息内容        上一年项目数量  本年增/减  处理决定数量',
      '行政许可            —     15    178',
      `${' '.repeat(28)}8`,
      '其他对外管理服务事项      160   -29   0', ...SECTION.tail]);
    // (Not 15 178 8: the tail read as a cell shifted the row by one.)
    expect(r.cells['t2.licensing.prev_items']).toBeNull();
    if (!('t2.licensing.change' in r.uncertain)) expect(r.cells['t2.licensing.change']).toBe(15);
    expect(r.cells['t2.licensing.decisions']).toBeNull();
    expect(r.uncertain['t2.licensing.decisions']).toMatch(/折到了下一行.*1788/);
    expect([r.cells['t2.other_services.prev_items'], r.cells['t2.other_services.change'], r.cells['t2.other_services.decisions']]).toEqual([160, -29, 0]);
  });

  it('a change written +6 is 6', async () => {
    const r = await parse([TITLE, SECTION.t2[0], '第二十条第（五）项', '信息内容 上一年项目数量 本年增/减 处理决定数量', '行政许可 20 +6 31', '其他对外管理服务事项 4 -1 2', ...SECTION.tail]);
    expect([r.cells['t2.licensing.change'], r.cells['t2.other_services.change']]).toEqual([6, -1]);
  });

  it('signs as typesetting spells them (− U+2212, ﹣, ＋, ‐): a change keeps its sign, a count below zero is flagged, never read without its sign', async () => {
    for (const [minus, plus] of [['\u2212', '\uff0b'], ['\ufe63', '\ufe62'], ['\u2010', '+']]) {
      const r = await parse([TITLE, SECTION.t2[0], '第二十条第（五）项', '信息内容 上一年项目数量 本年增/减 处理决定数量', `行政许可 20 ${plus}6 31`, `其他对外管理服务事项 4 ${minus}1 2`, ...SECTION.tail]);
      expect([r.cells['t2.licensing.change'], r.cells['t2.other_services.change']], minus).toEqual([6, -1]);
      // One cell a line, as a page saved to text gives it: −8 in a count cell.
      const c = await parse([TITLE, ...T2_HEAD, '规章', '3', `${minus}8`, '8', '规范性文件', '12', '11', '40', ...SECTION.tail]);
      expect(c.cells['t2.rules.new_published'], minus).toBeNull();
      expect(c.uncertain['t2.rules.new_published'], minus).toMatch(/负数/);
    }
  });

  it('a large amount to the fen is kept; below a fen it is flagged', async () => {
    const fees = (wan: string) => parse(['某某市人民政府2023年政府信息公开工作年度报告', SECTION.t2[0], '第二十条第（一）项', '信息内容 本年制发件数 本年废止件数 现行有效件数',
      '规章 0 0 3', '行政规范性文件 2 1 9', '第二十条第（八）项', '信息内容 本年收费金额（单位：万元）', `行政事业性收费 ${wan}`, ...SECTION.tail]);
    expect((await fees('56000.000007')).cells['t2.fees.amount_yuan']).toBe(560000000.07);
    const sub = await fees('1.2345678');
    expect(sub.cells['t2.fees.amount_yuan']).toBeNull();
    expect(sub.uncertain['t2.fees.amount_yuan']).toMatch(/分以下/);
  });

  it('a narrative that names 表三’s first and last rows does not make 表三 “printed twice”', async () => {
    const d = FAMILIES.find((f) => f.id === 'f7')!.make(3);
    const text = d.text.replace('一、总体情况', '一、总体情况\n本年新收政府信息公开申请数量为5件，1件结转下年度继续办理。');
    const r = await parse(text.split('\n'));
    expect(Object.values(r.uncertain).filter((w) => /不止一次/.test(w))).toEqual([]);
  });

  it('row labels printed before 表三’s column heads do not read as columns out of order', async () => {
    const rows = t3Form('2019');
    const r = await parse([TITLE, SECTION.t3[0], ...rows.flatMap((x) => (x.heading ? [x.heading, x.labels[0]] : [x.labels[0]])), SECTION.t3note, ...APPLICANT_HEAD, '- 4 -',
      ...rows.flatMap((x) => x.keys.map(() => '0')), ...SECTION.tail]);
    expect(Object.values(r.uncertain).filter((w) => /顺序与标准表不同/.test(w))).toEqual([]);
  });
});

describe('a figure the reader doubts (a PDF row printed over several lines)', () => {
  it('is flagged with the reader\'s reason, its row\'s other figures stand', async () => {
    const { parseDocument } = await import('../../src/lib/parse');
    const why = '这一行的数字分印在上下几行，请核对原表';
    const cells = (label: string, figures: string[], doubt = false) => ({
      cellular: true, tokens: [{ text: label }, ...figures.map((text) => ({ text, ...(doubt ? { doubt: why } : {}) }))],
    });
    const prose = (text: string) => ({ tokens: [{ text }] });
    const doc = {
      kind: 'pdf' as const, text: TITLE,
      lines: [prose(TITLE), ...T2_HEAD.map(prose), cells('规章', ['3', '0', '8']), cells('规范性文件', ['128', '11', '40'], true), ...SECTION.tail.map(prose)],
    };
    const r = parseDocument('r.pdf', doc);
    if (isFailure(r)) throw new Error(r.error.message);
    expect([r.cells['t2.rules.new_made'], r.cells['t2.rules.new_published'], r.cells['t2.rules.total_published']]).toEqual([3, 0, 8]);
    for (const k of ['t2.normative.new_made', 't2.normative.new_published', 't2.normative.total_published']) {
      expect(r.cells[k], k).toBeNull();
      expect(r.uncertain[k], k).toBe(why);
    }
  });
});

describe('a wrapped row label on the line of the next item (a PDF\'s centred group label between)', () => {
  it('does not give the row it names the next item\'s figures', async () => {
    const { makeTruth, rng } = await import('../support/synthetic-figures');
    const t = makeTruth(rng(23), '2021', { year: 2023 }).cells;
    const rows = t3Form('2021');
    const cut = { rejected_publication: '3.要求提供公', rejected_excessive: '（五）开出版物不予处理4.无正当理由' } as Record<string, string>;
    const body = rows.map((r) => {
      const stem = r.keys[0].split('.')[1];
      return [cut[stem] ?? r.labels[0], ...r.keys.map((k) => String(t[k]))].join('\t');
    });
    const r = await parse([TITLE.replace('2020', '2023'), SECTION.t3[0], APPLICANT_HEAD.join('\t'), ...body, '大量反复申请', ...SECTION.tail]);
    const keys = rows.filter((x) => /rejected_(publication|excessive)/.test(x.keys[0])).flatMap((x) => x.keys);
    // Both rows differ somewhere, so a swap would show.
    expect(keys.slice(0, 7).map((k) => t[k])).not.toEqual(keys.slice(7).map((k) => t[k]));
    for (const k of keys) if (!(k in r.uncertain)) expect(r.cells[k], k).toBe(t[k]);
  });
});
