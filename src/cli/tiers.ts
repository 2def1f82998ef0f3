/**
 * The browser tiers of a dataset (`<out>/tiers/`): region × year rollups by province, city and
 * county for the national view (全国), one detail partition per province loaded only when the
 * reader drills into it, and the regions' names, so the view needs no division table. Written
 * for every dataset, from `reports` in `conn`: the shipped one, `gongkai build`'s, the synthetic
 * country's.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { toArrowIPC, type ColumnType } from '../lib/dataset/arrow';
import { namesFrom } from '../lib/compare/names';
import { loadDivisions } from '../lib/divisions/load';
import { DETAIL_COLUMNS, ROLLUP_COLUMNS, TIER_LEVELS, detailSql, rollupSql } from '../lib/tiers/sql';

const schemaOf = (cols: readonly string[], text: readonly string[]): [string, ColumnType][] =>
  cols.map((c) => [c, text.includes(c) ? 'VARCHAR' : 'INTEGER']);

export async function writeTiers(conn: DuckDBConnection, out: string): Promise<void> {
  const dir = join(out, 'tiers');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'detail'), { recursive: true });
  const records = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  const name = namesFrom(loadDivisions());
  const names: Record<string, string> = {};
  for (const l of TIER_LEVELS) {
    const rows = await records(rollupSql(l.digits));
    for (const r of rows) {
      const code = r.code as string;
      const n = name(code);
      if (n) names[code] = n;
    }
    writeFileSync(join(dir, `rollup-${l.name}.arrow`), toArrowIPC(rows, schemaOf(ROLLUP_COLUMNS, ['code'])));
  }
  const provinces = (await records(`SELECT DISTINCT province_code AS p FROM reports WHERE province_code IS NOT NULL ORDER BY p`)).map((r) => r.p as string);
  for (const p of provinces.filter((x) => /^\d{2}$/.test(x))) {
    writeFileSync(join(dir, 'detail', `province=${p}.arrow`), toArrowIPC(await records(detailSql(p)), schemaOf(DETAIL_COLUMNS, ['report_id', 'unit_key', 'unit', 'division_code', 'level'])));
  }
  writeFileSync(join(dir, 'names.json'), `${JSON.stringify(names)}\n`);
}
