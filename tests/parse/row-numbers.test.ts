/**
 * row-numbers.ts: a 序号 column's numbers leave the rows; a figure that stands before a name
 * for another reason stays. (Whole reports with such columns: synthetic family f23.)
 */
import { describe, expect, it } from 'vitest';
import type { Line } from '../../src/lib/parse/document';
import { dropRowNumbers } from '../../src/lib/parse/row-numbers';

const row = (cells: string[], table?: number): Line => ({ cellular: true, tokens: cells.map((text) => ({ text, ...(table !== undefined ? { table } : {}) })) });
const prose = (text: string): Line => ({ cellular: false, tokens: [{ text }] });
const texts = (lines: Line[]) => lines.map((l) => l.tokens.map((t) => t.text));

describe('a column that numbers the rows', () => {
  it('under a 序号 header: every number and the header word go, in that table only (7 is out of sequence)', () => {
    const lines = [
      row(['序号', '信息内容', '本年制发件数', '本年废止件数', '现行有效件数'], 1),
      row(['1', '规章', '28', '15', '685'], 1),
      row(['2', '行政规范性文件', '7', '7', '843'], 1),
      row(['信息内容', '本年处理决定数量'], 2),
      row(['7', '行政许可', '28355'], 2),
    ];
    expect(texts(dropRowNumbers(lines))).toEqual([
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      ['规章', '28', '15', '685'],
      ['行政规范性文件', '7', '7', '843'],
      ['信息内容', '本年处理决定数量'],
      ['7', '行政许可', '28355'],
    ]);
  });

  it('without a header: three rows numbered one after another, and then tables numbered from 1 again', () => {
    const lines = [
      row(['1', '规章', '28', '15']), row(['2', '行政规范性文件', '7', '7']),
      prose('（五）行政许可情况'),
      row(['1', '行政许可', '5', '2']),
      prose('三、收到和处理政府信息公开申请情况'),
      row(['1', '一、本年新收政府信息公开申请数量', '86', '0']),
      row(['2', '二、上年结转政府信息公开申请数量', '0', '0']),
      row(['3', '三、本年度办理结果', '26', '0']),
    ];
    expect(texts(dropRowNumbers(lines)).filter((t) => t.length > 1).map((t) => t[0])).toEqual([
      '规章', '行政规范性文件', '行政许可', '一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '三、本年度办理结果',
    ]);
  });

  it('two numbered rows alone, numbers out of sequence, or figures before a name with nothing after it: kept', () => {
    const kept = [
      [row(['1', '规章', '28', '15']), row(['2', '行政规范性文件', '7', '7'])],
      [row(['4', '规章', '28']), row(['9', '行政规范性文件', '7']), row(['2', '行政许可', '5'])],
      [row(['12', '行政许可']), row(['13', '行政处罚']), row(['14', '行政强制'])],
    ];
    for (const lines of kept) expect(dropRowNumbers(lines)).toBe(lines);
  });

  /** A line of loose text, its cells set apart by spaces. */
  const loose = (text: string): Line => ({ cellular: false, tokens: text.split(' ').map((t) => ({ text: t })) });
  const t3 = [
    '1 一、本年新收政府信息公开申请数量 18578 302 13 15 0 0 18908',
    '2 二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0',
    '3 三、本年度办理结果 （一）予以公开 7 0 0 0 0 0 7',
    '4 （二）部分公开（区分处理的，只计这一情形，',
    '不计其他情形） 0 0 0 0 0 0 0',
  ];

  it('in loose text: under a 序号 head, rows numbered from 1 one after another (a wrapped label between them)', () => {
    const lines = [loose('序号 （本列数据的勾稽关系为：…） 申请人情况'), loose('自然人 法人或其他组织 总计'), ...t3.map(loose)];
    expect(texts(dropRowNumbers(lines)).map((t) => t[0])).toEqual([
      '（本列数据的勾稽关系为：…）', '自然人', '一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '三、本年度办理结果', '（二）部分公开（区分处理的，只计这一情形，', '不计其他情形）',
    ]);
  });

  it('in loose text: no head, or numbers not from 1 one after another: kept (a figure before the next row\'s name may run 0, 1, 2)', () => {
    const none = t3.map(loose);
    expect(dropRowNumbers(none)).toBe(none);
    const skipped = [loose('序号 申请人情况'), ...t3.map((l, i) => loose(i === 1 ? l.replace(/^2/, '5') : l))];
    expect(texts(dropRowNumbers(skipped))[2][0]).toBe('5');
  });

  it('in loose text: once the document numbers its rows, a short table under its own head too, from 1 or on from the table before', () => {
    const lines = [
      loose('序号 信息内容 本年新制作数量 本年新公开数量 对外公开总数量'), loose('1 规章 0 12 0'), loose('2 规范性文件 0 0 37'), loose('3 行政许可 4 5 6'),
      loose('第二十条第（五）项'), loose('序号 信息内容 上一年项目数量 本年增/减 处理决定数量'), loose('4 行政许可 0 20 0'), loose('5 其他对外管理服务事项 32 -6 35'),
      loose('第二十条第（八）项'), loose('序号 信息内容 上一年项目数量 本年增/减'), loose('1 行政事业性收费 15 -1'),
      loose('序号 信息内容 采购项目数量 采购总金额'), loose('7 政府集中采购 21 7691698'),
    ];
    expect(texts(dropRowNumbers(lines)).map((t) => t[0])).toEqual([
      '信息内容', '规章', '规范性文件', '行政许可', '第二十条第（五）项', '信息内容', '行政许可', '其他对外管理服务事项',
      '第二十条第（八）项', '信息内容', '行政事业性收费', '序号', '7',
    ]);
  });
});

