/** Identity from titles as real sites word them, and 表二 found without its 第二十条 headings. */
import { describe, expect, it } from 'vitest';
import { levelOf, readIdentity } from '../../src/lib/parse/identity';
import { parseDocument } from '../../src/lib/parse';
import { readText } from '../../src/lib/parse/text';
import { makeReport } from '../support/synthetic';
import { printed, printedRows, heading, T3_HEAD, T4_HEAD, TAIL } from '../support/synthetic';

describe('identity', () => {
  it.each([
    ['某某镇人民政府\n2022 年度政府信息公开工作年度报告\n', '某某镇人民政府', 2022, 'township'],
    ['某县教育局2023年政府信息公开工作年度报告', '某县教育局', 2023, 'department'],
    ['2024年某市市场监督管理局政府信息公开工作\n年度报告\n', '某市市场监督管理局', 2024, 'department'],
    ['标题: 某某街道办事处2021年度政府信息公开工作年度报告', '某某街道办事处', 2021, 'township'],
    ['某县人民政府2020年政府信息公开工作年度报告', '某县人民政府', 2020, 'county'],
    ['某省人民政府2019年政府信息公开工作年度报告', '某省人民政府', 2019, 'province'],
  ])('%s', (text, unit, year, level) => {
    const id = readIdentity(text);
    expect(id.unit).toBe(unit);
    expect(id.year).toBe(year);
    expect(id.template).toBe(year >= 2021 ? '2021' : '2019');
    expect(levelOf(id.unit, null)).toBe(level);
  });

  it.each([
    ['关于公布某某县人民政府2022年政府信息公开工作年度报告的公告', '某某县人民政府', 2022, 'county'],
    ['余杭区人民政府关于印发余杭区2023年政府信息公开工作年度报告的通知', '余杭区', 2023, 'county'],
    ['## 某某镇人民政府2023年政府信息公开工作年度报告', '某某镇人民政府', 2023, 'township'],
    ['# **某县教育局2021年度政府信息公开工作年度报告**', '某县教育局', 2021, 'department'],
    ['首页 > 政务公开 > 政府信息公开年报 > 2024年\n某县人民政府2023年政府信息公开工作年度报告', '某县人民政府', 2023, 'county'],
    ['当前位置：首页 > 信息公开 > 年度报告\n某某街道办事处2021年度政府信息公开工作年度报告', '某某街道办事处', 2021, 'township'],
    ['某县人民政府办公室2023年政府信息公开工作年度报告', '某县人民政府办公室', 2023, 'department'],
    ['某某经济开发区管理委员会2022年政府信息公开工作年度报告', '某某经济开发区管理委员会', 2022, 'department'],
    ['文崇镇人民政府二〇二二年度政府信息公开工作年度报告', '文崇镇人民政府', 2022, 'township'],
    ['某某街道办事处二零二三年政府信息公开工作年度报告', '某某街道办事处', 2023, 'township'],
    ['吉林市人民政府关于2024年度政府信息公开工作的年度报告', '吉林市人民政府', 2024, null],
    ['义 乌 市 农 业 农 村 局 2 0 2 1 年 政 府 信 息 公 开 工 作 年 度 报 告', '义乌市农业农村局', 2021, 'department'],
  ])('as sites print it: %s', (text, unit, year, level) => {
    const id = readIdentity(text);
    expect(id.unit).toBe(unit);
    expect(id.year).toBe(year);
    expect(levelOf(id.unit, null)).toBe(level);
  });

  it('takes no year from a breadcrumb above a title that prints none (the statistics period gives it)', () => {
    const text = '首页 > 政务公开 > 政府信息公开年报 > 2022年\n某某区政府信息公开工作年度报告\n本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。';
    expect(readIdentity(text).year).toBe(2021);
  });

  it('gives no year where the title and the statistics period disagree, and says why', () => {
    const id = readIdentity('某县人民政府2021年政府信息公开工作年度报告\n本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。');
    expect(id.year).toBeNull();
    expect(id.yearConflict).toEqual([2021, 2022]);
    expect(id.template).toBe('2021');
  });

  it('takes the year an extractor set on its own line beside the title (its digits in another font)', () => {
    // pdftotext's default mode on a Chromium print: the year above or below the title's words.
    expect(readIdentity('年度政府信息公开工作年度报告\n\n2021\n\n某某街道办事处\n一、总体情况').year).toBe(2021);
    expect(readIdentity('2020\n年度政府信息公开工作年度报告\n某某镇人民政府').year).toBe(2020);
    // Not a page number, and not a figure further down the text.
    expect(readIdentity('年度政府信息公开工作年度报告\n\n12\n\n某某街道办事处').year).toBeNull();
    expect(readIdentity('年度政府信息公开工作年度报告\n一\n二\n三\n四\n2021').year).toBeNull();
  });

  it('reads a title a narrow page wrapped inside a word, below a running header without the year', () => {
    const id = readIdentity('柴河镇人民政府政府信息公开工作年度报告\n\n柴河镇人民政府2022年政\n府信息公开工作年度报告\n\n一、总体情况\n2022年，柴河镇人民政府坚持');
    expect(id.year).toBe(2022);
    expect(id.unit).toBe('柴河镇人民政府');
    expect(readIdentity('某某区教育局2023年度政府信\n息公开工作年度报告\n一、总体情况').year).toBe(2023);
  });

  it('takes the year from the statistics period when the title has none', () => {
    expect(readIdentity('本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。').year).toBe(2022);
  });
});

describe('a report whose title a narrow page wrapped (年度报 / 告), its table headings wrapped too', () => {
  it('is read, not refused as no report', () => {
    const s = makeReport(6, '2019');
    const rows = printedRows(s);
    const body = (t: string) => rows.filter((r) => r.table === t).map((r) => [r.label, ...r.keys.map((k) => printed(s, k))].join('\t')).join('\n');
    // No heading of either form whole: only the year tells the template.
    const head = '本年新制\t本年新公\t对外公开总\n信息内容\n作数量\t开数量\t数量';
    const title = heading(s).replace(/年度报告/g, '年度报\n告');
    const text = `${title}${head}\n${body('t2')}\n${T3_HEAD}\n${body('t3')}\n${T4_HEAD}\n${body('t4')}\n${TAIL.replace(/年度报告/g, '年度报\n告')}`;
    expect(text).not.toContain('年度报告');
    const r = parseDocument('x.txt', readText(text));
    expect(r.year).toBe(s.year);
    expect(r.cells['apps.new.total']).toBe(s.cells['apps.new.total']);
  });
});

describe('表二 without 第二十条 headings', () => {
  it('is found after the 主动公开 heading that precedes its rows', () => {
    const s = makeReport(6, '2021');
    const rows = printedRows(s);
    const body = (t: string) => rows.filter((r) => r.table === t).map((r) => [r.label, ...r.keys.map((k) => printed(s, k))].join('\t')).join('\n');
    const intro = '本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况等部分。\n';
    const text = `${heading(s).replace('一、总体情况\n', `一、总体情况\n${intro}`)}信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n${body('t2')}\n${T3_HEAD}\n${body('t3')}\n${T4_HEAD}\n${body('t4')}\n${TAIL}`;
    const r = parseDocument('x.txt', readText(text));
    expect(r.missing).toEqual([]);
    expect(r.uncertain).toEqual({});
    expect(r.cells).toEqual(s.cells);
  });
});
