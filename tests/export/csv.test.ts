import { describe, expect, it } from 'vitest';
import { BOM, csvField, toCsv } from '../../src/lib/export/csv';
import { parseCsv } from '../support/csv';

describe('CSV writer', () => {
  it('starts with a UTF-8 byte-order mark and ends lines with CRLF', () => {
    const csv = toCsv({ columns: ['单位', '2024'], rows: [['平潭综合实验区', 12]] });
    expect(csv.startsWith(BOM)).toBe(true);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.slice(1)).toBe('单位,2024\r\n平潭综合实验区,12\r\n');
  });

  it('quotes commas, quotes and line breaks, and reads back the same', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('说"明"')).toBe('"说""明"""');
    expect(csvField('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(csvField('plain')).toBe('plain');
    const table = { columns: ['名称', '值'], rows: [['a,"b"\r\nc', 1.5], ['x', -3]] };
    expect(parseCsv(toCsv(table).slice(1))).toEqual([['名称', '值'], ['a,"b"\r\nc', '1.5'], ['x', '-3']]);
  });

  it('writes null, undefined and NaN as an empty cell, never 0', () => {
    const csv = toCsv({ columns: ['a', 'b', 'c', 'd'], rows: [[null, 0, Number.NaN, '']] });
    expect(csv.slice(1).split('\r\n')[1]).toBe(',0,,');
    expect(csvField(undefined)).toBe('');
  });

  it('keeps numbers exact (shortest round-trip form) and booleans as words', () => {
    expect(csvField(0.8235294117647058)).toBe('0.8235294117647058');
    expect(Number(csvField(0.1 + 0.2))).toBe(0.1 + 0.2);
    expect(csvField(true)).toBe('true');
  });

  it('keeps text a spreadsheet would run as a formula inert, and numbers as numbers', () => {
    const csv = toCsv({ columns: ['名称', '值'], rows: [['=HYPERLINK("x")', -3], ['@SUM(A1)', 0], ['+1', null]] });
    const lines = csv.slice(BOM.length).split('\r\n');
    expect(lines[1]).toBe(`"'=HYPERLINK(""x"")",-3`);
    expect(lines[2]).toBe(`'@SUM(A1),0`);
    expect(lines[3]).toBe(`'+1,`);
  });
});
