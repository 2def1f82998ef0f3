import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../src/lib/export/crc32';
import { chartSheets, DATA_SHEET, NOTE_SHEET } from '../../src/lib/export/workbook';
import { columnName, safeSheetName, xlsx } from '../../src/lib/export/xlsx';
import { zip } from '../../src/lib/export/zip';
import { sheetCells, unzip } from '../support/unzip';

const enc = new TextEncoder();

function withFile<T>(bytes: Uint8Array, name: string, f: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-zip-'));
  try {
    const p = join(dir, name);
    writeFileSync(p, bytes);
    return f(p);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('CRC-32', () => {
  it('matches the published check values', () => {
    expect(crc32(enc.encode(''))).toBe(0);
    expect(crc32(enc.encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(enc.encode('The quick brown fox jumps over the lazy dog'))).toBe(0x414fa339);
    expect(crc32(enc.encode('a'))).toBe(0xe8b7be43);
  });

  it('agrees with zlib on Chinese text', () => {
    const zcrc = (zlib as { crc32?: (d: Uint8Array) => number }).crc32;
    const data = enc.encode('政府信息公开工作年度报告'.repeat(50));
    if (zcrc) expect(crc32(data)).toBe(zcrc(data));
    // Incremental use gives the whole-buffer value.
    expect(crc32(data.subarray(7), crc32(data.subarray(0, 7)))).toBe(crc32(data));
  });
});

describe('ZIP writer', () => {
  const entries = [
    { name: 'a.txt', data: enc.encode('hello') },
    { name: '目录/说明.xml', data: enc.encode('<x>数据来源</x>'.repeat(200)) },
    { name: 'empty', data: new Uint8Array(0) },
  ];

  for (const compress of [true, false]) {
    it(`round-trips through its own reader and unzip -t (${compress ? 'deflate' : 'store'})`, async () => {
      const bytes = await zip(entries, new Date(2025, 0, 2, 3, 4, 6), compress);
      const back = unzip(bytes);
      expect([...back.keys()]).toEqual(entries.map((e) => e.name));
      for (const e of entries) expect(new Uint8Array(back.get(e.name)!.data)).toEqual(e.data);
      expect(back.get('目录/说明.xml')!.method).toBe(compress ? 8 : 0);
      if (existsSync('/usr/bin/unzip')) {
        const out = withFile(bytes, 't.zip', (p) => execFileSync('unzip', ['-t', p], { encoding: 'utf8' }));
        expect(out).toMatch(/No errors detected/);
      }
    });
  }
});

describe('XLSX writer', () => {
  it('names columns the way spreadsheets do', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
    expect(safeSheetName('a/b:c?[d]*' + 'x'.repeat(40))).toHaveLength(31);
  });

  it('writes a workbook whose data sheet holds the table (nulls absent) and whose note sheet holds title, filters, source', async () => {
    const table = {
      columns: ['单位', '年度', '收到申请', '公开率'],
      rows: [['平潭综合实验区', 2024, 120, 0.825], ['洪泽区 <A&B>', 2023, null, null]],
      formats: ['text', 'number', 'number', 'percent'] as ('text' | 'number' | 'percent')[],
    };
    const meta = { title: '收到申请数', subtitle: '县级 · 2023–2024', units: '件' };
    const bytes = await xlsx(chartSheets(table, meta));
    const parts = unzip(bytes);
    for (const p of ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']) {
      expect(parts.has(p), p).toBe(true);
    }
    const workbook = parts.get('xl/workbook.xml')!.data.toString('utf8');
    expect(workbook).toContain(`name="${DATA_SHEET}"`);
    expect(workbook).toContain(`name="${NOTE_SHEET}"`);
    const data = sheetCells(parts.get('xl/worksheets/sheet1.xml')!.data.toString('utf8'));
    expect(data.get('A1')).toBe('单位');
    expect(data.get('D1')).toBe('公开率');
    expect(data.get('A2')).toBe('平潭综合实验区');
    expect(data.get('B2')).toBe(2024);
    expect(data.get('D2')).toBe(0.825);
    expect(data.get('A3')).toBe('洪泽区 <A&B>');
    expect(data.has('C3')).toBe(false); // null: an empty cell, never 0
    expect(data.has('D3')).toBe(false);
    const note = sheetCells(parts.get('xl/worksheets/sheet2.xml')!.data.toString('utf8'));
    const noteValues = [...note.values()];
    expect(noteValues).toContain('收到申请数');
    expect(noteValues).toContain('县级 · 2023–2024');
    expect(noteValues).toContain('数据来源：各单位政府信息公开工作年度报告');
    // Every part is well-formed XML, checked by a parser other than ours.
    for (const [name, e] of parts) {
      const script = 'import sys, xml.dom.minidom; xml.dom.minidom.parseString(sys.stdin.buffer.read())';
      expect(() => execFileSync('python3', ['-c', script], { input: e.data }), name).not.toThrow();
    }
  });

  it('opens with Python zipfile (an independent ZIP reader) with the same cell values', async () => {
    const table = { columns: ['单位', '2024'], rows: [['a,"b"', 1], ['c', null]] };
    const bytes = await xlsx(chartSheets(table, { title: 't' }));
    const script = [
      'import sys, zipfile, re',
      'z = zipfile.ZipFile(sys.argv[1])',
      'assert z.testzip() is None',
      "x = z.read('xl/worksheets/sheet1.xml').decode('utf-8')",
      "print(len(re.findall(r'<c ', x)))",
    ].join('\n');
    const out = withFile(bytes, 't.xlsx', (p) => execFileSync('python3', ['-c', script, p], { encoding: 'utf8' }));
    expect(out.trim()).toBe('5'); // 2 headers + 3 non-null cells
  });
});
