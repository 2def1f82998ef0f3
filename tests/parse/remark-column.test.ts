/**
 * remark-column.ts: a 备注 column leaves the rows where the header names it and the rows show
 * it; rows that all end on a figure keep their last cell. (Whole reports: families f26, f26b.)
 */
import { describe, expect, it } from 'vitest';
import type { Line } from '../../src/lib/parse/document';
import { dropRemarkColumn } from '../../src/lib/parse/remark-column';

const row = (cells: string[]): Line => ({ cellular: true, tokens: cells.map((text) => ({ text })) });
const page = (cells: [string, number][], table = 1): Line => ({ cellular: true, tokens: cells.map(([text, col]) => ({ text, table, col })) });
const texts = (lines: Line[]) => lines.map((l) => l.tokens.map((t) => t.text));

describe('a 备注 column', () => {
  it('on a page: the cells under the header cell go, whatever they hold', () => {
    const lines = [
      page([['行政复议', 1], ['行政诉讼', 6], ['备注', 16]]),
      page([['3', 1], ['0', 2], ['12', 16]]),
      page([['4', 1], ['—', 16]], 2),
    ];
    expect(texts(dropRemarkColumn(lines))).toEqual([['行政复议', '行政诉讼'], ['3', '0'], ['4', '—']]);
  });

  it('in text: the last cell of the rows that reach furthest, once one of them ends on words', () => {
    const lines = [
      row(['（本列数据的勾稽关系为：…）', '申请人情况', '备注']),
      row(['自然人', '法人或其他组织', '总计']),
      row(['一、本年新收政府信息公开申请数量', '86', '0', '96', '3']),
      row(['二、上年结转政府信息公开申请数量', '0', '0', '0']),
      row(['（一）予以公开', '26', '0', '28', '见说明']),
    ];
    expect(texts(dropRemarkColumn(lines)).slice(2)).toEqual([
      ['一、本年新收政府信息公开申请数量', '86', '0', '96'],
      ['二、上年结转政府信息公开申请数量', '0', '0', '0'],
      ['（一）予以公开', '26', '0', '28'],
    ]);
  });

  it('in text: under a one-line header, a row as wide as the header', () => {
    const lines = [row(['信息内容', '本年处理决定数量', '备注']), row(['行政处罚', '3564', '12']), row(['行政强制', '12'])];
    expect(texts(dropRemarkColumn(lines)).slice(1)).toEqual([['行政处罚', '3564'], ['行政强制', '12']]);
  });

  it('in text: rows that all end on a figure keep it; without a 备注 header nothing goes', () => {
    const ending = [row(['行政复议', '行政诉讼', '备注']), row(['结果维持', '结果纠正']), row(['1', '0', '2', '3', '0', '12'])];
    expect(texts(dropRemarkColumn(ending))[2]).toEqual(['1', '0', '2', '3', '0', '12']);
    const none = [row(['信息内容', '本年处理决定数量']), row(['行政处罚', '3564', '见说明'])];
    expect(dropRemarkColumn(none)).toBe(none);
  });
});

describe('last year\'s figures beside this year\'s (上年同期)', () => {
  it('on a page: the column under its head goes, though every cell is a figure', () => {
    const lines = [
      page([['自然人', 4], ['法人或其他组织', 5], ['总计', 10], ['上年同期', 11]]),
      page([['15387', 4], ['14', 5], ['19111', 10], ['19119', 11]]),
    ];
    expect(texts(dropRemarkColumn(lines))).toEqual([['自然人', '法人或其他组织', '总计'], ['15387', '14', '19111']]);
  });

  it('on a page: before 自然人 too, wherever the header sets it; two such heads in one line are no one column', () => {
    const lines = [
      page([['上年同期', 3], ['自然人', 4], ['法人或其他组织', 5], ['总计', 10]]),
      page([['19119', 3], ['15387', 4], ['14', 5], ['19111', 10]]),
    ];
    expect(texts(dropRemarkColumn(lines))).toEqual([['自然人', '法人或其他组织', '总计'], ['15387', '14', '19111']]);
    const two = [page([['上年同期', 3], ['自然人', 4], ['总计', 10], ['上年度', 11]]), page([['19119', 3], ['15387', 4], ['19111', 10], ['2', 11]])];
    expect(texts(dropRemarkColumn(two))).toEqual(texts(two));
  });

  it('in text, where no cell knows its column, it stays: the rows\' figure too many is for the reader to flag', () => {
    const lines = [row(['自然人', '法人或其他组织', '总计', '上年同期']), row(['一、本年新收政府信息公开申请数量', '86', '0', '86', '91'])];
    expect(texts(dropRemarkColumn(lines))).toEqual(texts(lines));
  });
});
