/**
 * Writing dataset tables in Node: Arrow IPC (what the site loads) and Parquet (for DuckDB,
 * pandas, R, Spark), through DuckDB. Shared by `npm run data` and `gongkai build`.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { KEY_INFO, keyColumn } from '../lib/format';
import { toArrowIPC, type ColumnType } from '../lib/dataset/arrow';
import type { DatasetRows } from '../lib/dataset/assemble';
import { CELL_COLUMNS, DICTIONARY_COLUMNS, FINDING_COLUMNS, REPORT_COLUMNS } from '../lib/dataset/schema';
import { summarize, type SummaryInput } from '../lib/data/summary';
import { namesFrom } from '../lib/compare/names';
import { loadDivisions } from '../lib/divisions/load';
import { ancestors } from '../lib/divisions/path';
import { regionQueries, type SummaryRegions } from '../lib/overview/regions';
import { OVERVIEW_BODY_MAX, PLACE_SQL, commonPlace } from '../lib/overview/scale';
import { writeTiers } from './tiers';

function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows as CSV text (header first, no final newline; null → empty field). */
export function csvText(rows: readonly Record<string, unknown>[], schema: readonly [string, ColumnType][]): string {
  return [schema.map((c) => c[0]).join(','), ...rows.map((r) => schema.map(([c]) => csvField(r[c])).join(','))].join('\n');
}

import { quote as sqlPath } from '../lib/data/sql-quote';

/**
 * Load rows into a DuckDB table `name` with the given schema (via a CSV DuckDB reads with the
 * column types spelled out, so an all-null column keeps its type).
 */
export async function loadTable(conn: DuckDBConnection, tmp: string, name: string, rows: readonly Record<string, unknown>[], schema: readonly [string, ColumnType][]): Promise<void> {
  mkdirSync(tmp, { recursive: true });
  const csv = join(tmp, `${name}.csv`);
  writeFileSync(csv, csvText(rows, schema));
  const types = schema.map(([c, t]) => `'${c}': '${t}'`).join(', ');
  await conn.run(`CREATE OR REPLACE TABLE ${name} AS SELECT * FROM read_csv(${sqlPath(csv)}, header = true, columns = {${types}}, nullstr = '', quote = '"')`);
  rmSync(csv, { force: true });
}

/** `<out>/<name>.arrow` and `<out>/<name>.parquet` of the rows. */
export async function writeTable(conn: DuckDBConnection, out: string, name: string, rows: readonly Record<string, unknown>[], schema: readonly [string, ColumnType][]): Promise<void> {
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, `${name}.arrow`), toArrowIPC(rows, schema));
  await loadTable(conn, join(out, 'tmp'), name, rows, schema);
  await conn.run(`COPY ${name} TO ${sqlPath(join(out, `${name}.parquet`))} (FORMAT parquet, COMPRESSION zstd)`);
  rmSync(join(out, 'tmp'), { recursive: true, force: true });
}

const asRecords = <T>(rows: readonly T[]) => rows as unknown as Record<string, unknown>[];

/**
 * The dataset folder the site ships (`data/`, or any folder GONGKAI_DATA names): the three
 * tables and the data dictionary as Arrow IPC and Parquet, the dictionary as CSV for
 * spreadsheets, the first screen's summary and the national view's tiers (tiers.ts). The tables
 * stay loaded in `conn`.
 */
export async function writeDataset(conn: DuckDBConnection, out: string, rows: DatasetRows): Promise<void> {
  const dictionary = [...KEY_INFO.values()].map((k) => ({
    key: k.key, column_name: keyColumn(k.key), tbl: k.table, row_label: k.row, col_label: k.col,
    templates: k.templates.join(','), unit: k.unit,
  }));
  await writeTable(conn, out, 'reports', asRecords(rows.reports), REPORT_COLUMNS);
  await writeTable(conn, out, 'cells', asRecords(rows.cells), CELL_COLUMNS);
  await writeTable(conn, out, 'findings', asRecords(rows.findings), FINDING_COLUMNS);
  await writeTable(conn, out, 'dictionary', dictionary, DICTIONARY_COLUMNS);
  // The dictionary for spreadsheets too: UTF-8 with a BOM, so Excel reads the Chinese.
  writeFileSync(join(out, 'dictionary.csv'), `\ufeff${csvText(dictionary, DICTIONARY_COLUMNS)}\n`);
  const summary = summarize(rows.reports as unknown as SummaryInput[]);
  if (summary.units > OVERVIEW_BODY_MAX) {
    summary.regions = await summaryRegions(conn);
    summary.headline = [];
    summary.coverage = [];
  }
  writeFileSync(join(out, 'summary.json'), `${JSON.stringify(summary)}\n`);
  await writeTiers(conn, out);
}

/** A large dataset's overview by place, from `reports` in `conn`, with the places' names. */
async function summaryRegions(conn: DuckDBConnection): Promise<SummaryRegions> {
  const records = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  const [bounds] = await records(PLACE_SQL);
  const place = commonPlace((bounds?.lo as string | null) ?? null, (bounds?.hi as string | null) ?? null);
  const q = regionQueries(place);
  const [received, rate, coverage] = await Promise.all([records(q.received), records(q.rate), records(q.coverage)]);
  const name = namesFrom(loadDivisions());
  const codes = new Set([...ancestors(place), ...[received, coverage].flat().map((r) => r.region as string | null)]);
  const names: Record<string, string> = {};
  for (const c of codes) {
    const n = c ? name(c) : null;
    if (c && n) names[c] = n;
  }
  return { place, names, received, rate, coverage };
}
