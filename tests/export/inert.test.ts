/** One formula guard for CSV and XLSX: leading blanks and full-width signs included. */
import { describe, expect, it } from 'vitest';
import { csvField } from '../../src/lib/export/csv';
import { formulaLike, inert } from '../../src/lib/export/inert';
import { chartSheets, DATA_SHEET } from '../../src/lib/export/workbook';

const META = { title: '测试' };
/** The XLSX data cell written for one value in a one-column table. */
function xlsxCell(v: string | number) {
  const sheet = chartSheets({ columns: ['单位'], rows: [[v]] }, META).find((s) => s.sheet === DATA_SHEET)!;
  return sheet.data[1][0] as { value: string | number; type?: unknown } | null;
}

const LIVE = ['=1+1', ' =1+1', '\u3000=1+1', '  \t=HYPERLINK("http://x")', '＝1+1', '＋1', '－1', '＠SUM(A1)', ' ＝1', '\u200b=1',
  '+1', '-1', '@SUM(A1)', '\t1', '\r1', '﹦1'];
const PLAIN = ['年报', 'a=1', '1+1', '张三 = 李四', '（一）', 'x@y.cn', '', '1-2'];

describe('formula guard', () => {
  it.each(LIVE)('makes %j inert in CSV, and keeps it a text cell in XLSX', (text) => {
    expect(formulaLike(text)).toBe(true);
    expect(inert(text)).toBe(`'${text}`);
    expect(csvField(text).replace(/^"/, '').startsWith("'")).toBe(true);
    // XLSX stores it as a typed string cell: text as written, never a formula.
    expect(xlsxCell(text)).toEqual({ value: text, type: String });
  });

  it.each(PLAIN)('leaves %j as it is', (text) => {
    expect(formulaLike(text)).toBe(false);
    expect(inert(text)).toBe(text);
  });

  it('writes numbers as numbers, never led by an apostrophe', () => {
    expect(csvField(-3)).toBe('-3');
    expect(xlsxCell(-3)?.value).toBe(-3);
  });
});
