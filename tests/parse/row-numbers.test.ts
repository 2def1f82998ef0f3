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
});
