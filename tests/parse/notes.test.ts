/**
 * A figure with a note in its cell, in loose (whitespace-separated) text, as a PDF copied as
 * text gives it: the figure is read, and the note's own figures never become cells.
 */
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/lib/parse';
import { isFailure, type ParsedReport } from '../../src/lib/format';

async function t2(rows: string[]): Promise<ParsedReport> {
  const text = ['某某县人民政府2020年政府信息公开工作年度报告', '二、主动公开政府信息情况', '第二十条第（一）项',
    '信息内容 本年新制作数量 本年新公开数量 对外公开总数量', ...rows, '五、存在的主要问题及改进情况'].join('\n');
  const r = await parseFile('r.txt', new TextEncoder().encode(text));
  if (isFailure(r)) throw new Error(r.error.message);
  return r;
}

describe('a note beside a figure in loose text', () => {
  it('a note that wraps onto the next line: the row is read', async () => {
    const r = await t2(['规章 0 0 3', '规范性文件 172（其中修订 27 1932', '117 件）']);
    expect([r.cells['t2.normative.new_made'], r.cells['t2.normative.new_published'], r.cells['t2.normative.total_published']]).toEqual([172, 27, 1932]);
    expect(Object.keys(r.uncertain).filter((k) => k.startsWith('t2.normative'))).toEqual([]);
  });

  it('a note with a figure of its own on the same line: never read as a cell without a flag', async () => {
    const r = await t2(['规章 0 0 3', '规范性文件 172（其中修订 16 件） 27 1932']);
    for (const [k, want] of [['t2.normative.new_made', 172], ['t2.normative.new_published', 27], ['t2.normative.total_published', 1932]] as const) {
      expect(r.cells[k] === want || k in r.uncertain, `${k}: ${r.cells[k]}`).toBe(true);
    }
  });
});
