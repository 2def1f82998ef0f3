import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/lib/export/csv';
import { tidy } from '../../src/lib/export/tidy';
import { DATA_SHEET, NOTE_SHEET, xlsxBlob } from '../../src/lib/export/workbook';
import type { ChartTable } from '../../src/lib/charts/table';
import { parseCsv } from '../support/csv';
import { spreadsheetCsv } from '../support/soffice';

/** Written by hand: two bodies, a blank figure, a zero base, no report, an imported row, markup in a name. */
const TABLE: ChartTable = {
  columns: ['单位', '年度', '收到申请', '公开率'],
  rows: [
    ['平潭综合实验区', 2024, 120, 0.825],
    ['洪泽区 <A&B>', 2023, '未填报', '无法计算（0 件）'],
    ['柴河镇', 2020, 0, '无法计算（0 件）'],
    ['甲镇', 2021, '无此年报', '无此年报'],
    ['=cmd|x', 2022, 7, 0.2571428571428571],
  ],
  formats: ['text', 'text', 'number', 'percent'],
  units: [undefined, undefined, '件', '比例'],
  origin: ['shipped', 'shipped', 'shipped', null, 'user'],
};
const META = { title: '收到申请数', subtitle: '县级 · 2023–2024', units: '件' };

async function book(): Promise<Uint8Array> {
  return new Uint8Array(await (await xlsxBlob(TABLE, META, new Date(2025, 0, 2))).arrayBuffer());
}

describe('XLSX export opened by LibreOffice', () => {
  it('shows what the CSV export holds: numbers as numbers, ratios as one-decimal %, states in their own column, origin; 说明 explains the states', async () => {
    const sheets = spreadsheetCsv(await book());
    expect([...sheets.keys()].sort()).toEqual([DATA_SHEET, NOTE_SHEET].sort());
    const fromXlsx = parseCsv(sheets.get(DATA_SHEET)!.replace(/\r?\n/g, '\r\n'));
    const csv = tidy(TABLE);
    const fromCsv = parseCsv(toCsv(csv).replace(/^\uFEFF/, ''));
    // A formula-looking name is made inert in CSV by a leading apostrophe; in XLSX it is a string cell.
    expect(fromCsv[5][0]).toBe("'=cmd|x");
    fromCsv[5][0] = '=cmd|x';
    expect(fromXlsx.length).toBe(fromCsv.length);
    fromCsv.forEach((row, i) => row.forEach((v, j) => {
      const got = fromXlsx[i][j] ?? '';
      // The CSV keeps the exact ratio; the spreadsheet shows it as a percentage with one decimal.
      if (i > 0 && csv.formats?.[j] === 'percent' && v !== '') expect(got, `${i},${j}`).toBe(`${(Number(v) * 100).toFixed(1)}%`);
      else expect(got, `${i},${j}`).toBe(v);
    }));
    // The convention itself, read from the spreadsheet (expected values written by hand).
    expect(fromXlsx[0]).toEqual(['单位', '年度', '收到申请（件）', '收到申请·状态', '公开率（比例）', '公开率·状态', 'origin']);
    expect(fromXlsx[1]).toEqual(['平潭综合实验区', '2024', '120', '', '82.5%', '', 'shipped']);
    expect(fromXlsx[2]).toEqual(['洪泽区 <A&B>', '2023', '', '未填报', '', '无法计算（0 件）', 'shipped']);
    expect(fromXlsx[3].slice(2, 6)).toEqual(['0', '', '', '无法计算（0 件）']);
    expect(fromXlsx[4].slice(2, 7)).toEqual(['', '无此年报', '', '无此年报', '']);
    expect(fromXlsx[5].slice(4)).toEqual(['25.7%', '', 'user']);
    const note = sheets.get(NOTE_SHEET)!;
    for (const w of ['收到申请数', '县级 · 2023–2024', '数据来源：各单位政府信息公开工作年度报告', '无此年报', '未填报', '表格无此项', '无法计算（0 件）']) {
      expect(note).toContain(w);
    }
  }, 240_000);
});
