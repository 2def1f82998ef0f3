import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { numberText, toCsv } from '../../src/lib/sql/csv';
import { requireData } from '../support/dataset';
import { openNodeDuckDB, type NodeDuckDB } from '../support/node-duckdb';

describe('CSV export', () => {
  let db: NodeDuckDB;
  let dir: string;
  beforeAll(async () => {
    requireData();
    db = await openNodeDuckDB();
    dir = mkdtempSync(join(tmpdir(), 'gongkai-csv-'));
  });
  afterAll(() => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts with a UTF-8 BOM, quotes what needs quoting, writes null as an empty field', () => {
    const csv = toCsv(['单位', '说明', 'n'], [['平潭', 'a,"b"\nc', null], ['洪泽', '', 0]]);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.slice(1)).toBe('单位,说明,n\r\n平潭,"a,""b""\nc",\r\n洪泽,,0\r\n');
  });

  it('writes numbers exactly, without grouping or rounding', () => {
    expect(numberText(73802895.9)).toBe('73802895.9');
    expect(numberText(1e20)).toBe('100000000000000000000');
    expect(numberText(-185)).toBe('-185');
    expect(numberText(0.1 + 0.2)).toBe('0.30000000000000004');
  });

  it('reads back in DuckDB as the same rows (findings with their Chinese messages)', async () => {
    const sql = 'SELECT report_id, rule, expected, printed, message FROM findings ORDER BY report_id, message';
    const truth = await db.rows(sql);
    const cols = Object.keys(truth[0]);
    const file = join(dir, 'f.csv');
    writeFileSync(file, toCsv(cols, truth.map((r) => cols.map((c) => r[c] as string | number | null))));
    const back = await db.rows(`SELECT * FROM read_csv('${file}', header = true) ORDER BY report_id, message`);
    expect(back.map((r) => ({ ...r, rule: Number(r.rule), expected: Number(r.expected), printed: Number(r.printed) })))
      .toEqual(truth.map((r) => ({ ...r, rule: Number(r.rule), expected: Number(r.expected), printed: Number(r.printed) })));
  });
});
