/**
 * npm run data — parses the real corpus with this project's parser and writes the shipped
 * dataset to data/: reports, cells and findings as Arrow IPC (for the app) and Parquet (for
 * download), a data dictionary and the first-paint summary. Figures only, no report text.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { KEY_INFO, isFailure, keyColumn, type ParsedReport } from '../src/lib/format';
import { parseFile } from '../src/lib/parse';
import { checkAcrossYears } from '../src/lib/checks/rules';
import { loadDivisions } from '../src/lib/divisions/load';
import { manifest, reportPath } from '../tests/support/gold';
import { cellRows, findingRows, reportRow, type ReportRow } from '../src/lib/dataset/rows';
import { toArrowIPC, type ColumnType } from '../src/lib/dataset/arrow';
import { CELL_COLUMNS, DICTIONARY_COLUMNS, FINDING_COLUMNS, REPORT_COLUMNS } from '../src/lib/dataset/schema';
import { summarize, type SummaryInput } from '../src/lib/data/summary';
import { quote } from '../src/lib/data/sql-quote';

const OUT = resolve(process.argv[2] ?? 'data');
const KIND_RANK: Record<string, number> = { pdf: 0, html: 1, markdown: 2, docx: 3, text: 4 };

/** The reading a report is best known by: fewest unsure cells, then the richer input kind. */
function best(parsed: ParsedReport[]): ParsedReport {
  return [...parsed].sort((a, b) =>
    Object.keys(a.uncertain).length - Object.keys(b.uncertain).length
    || KIND_RANK[a.input] - KIND_RANK[b.input])[0];
}

const divisions = loadDivisions();
const reports: ReportRow[] = [];
const cells: Record<string, unknown>[] = [];
const findings: Record<string, unknown>[] = [];
const byUnit = new Map<string, { report_id: string; year: number; template: string | null; cells: Record<string, number | null> }[]>();

for (const m of manifest()) {
  const parsed: ParsedReport[] = [];
  for (const f of m.inputs) {
    const r = await parseFile(f, new Uint8Array(readFileSync(reportPath(f))), divisions);
    if (isFailure(r)) console.warn(`  ${f}: ${r.error.message}`);
    else parsed.push(r);
  }
  if (parsed.length === 0) { console.warn(`${m.id}: no input could be read`); continue; }
  const r = best(parsed);
  // A tables-only page has no identity or narrative of its own: take them from its siblings.
  const named = parsed.find((p) => p.unit && p.division.code) ?? r;
  const merged: ParsedReport = {
    ...r,
    unit: r.unit ?? named.unit,
    division: r.division.code ? r.division : named.division,
    level: r.level ?? named.level,
    proactive_total: r.proactive_total ?? parsed.find((p) => p.proactive_total)?.proactive_total ?? null,
  };
  reports.push(reportRow(m.id, merged));
  cells.push(...cellRows(m.id, merged));
  findings.push(...findingRows(m.id, merged.findings));
  const key = reports[reports.length - 1].unit_key;
  const list = byUnit.get(key) ?? [];
  list.push({ report_id: m.id, year: merged.year ?? 0, template: merged.template, cells: merged.cells });
  byUnit.set(key, list);
  console.log(`${m.id.padEnd(22)} ← ${r.file.padEnd(34)} ${Object.keys(r.uncertain).length} unsure, ${r.findings.length} findings`);
}
for (const list of byUnit.values()) {
  for (const f of checkAcrossYears(list)) {
    findings.push({ ...findingRows(f.report_id, [f])[0] });
    const row = reports.find((x) => x.report_id === f.report_id);
    if (row) row.n_findings += 1;
  }
}

const dictionary = [...KEY_INFO.values()].map((k) => ({
  key: k.key, column_name: keyColumn(k.key), tbl: k.table, row_label: k.row, col_label: k.col,
  templates: k.templates.join(','), unit: k.unit,
}));

rmSync(join(OUT, 'tmp'), { recursive: true, force: true });
mkdirSync(join(OUT, 'tmp'), { recursive: true });
const db = await DuckDBInstance.create(':memory:');
const conn = await db.connect();

function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

async function write(name: string, rows: Record<string, unknown>[], schema: [string, ColumnType][]): Promise<void> {
  writeFileSync(join(OUT, `${name}.arrow`), toArrowIPC(rows, schema));
  const csv = join(OUT, 'tmp', `${name}.csv`);
  writeFileSync(csv, [schema.map((c) => c[0]).join(','), ...rows.map((r) => schema.map(([c]) => csvField(r[c])).join(','))].join('\n'));
  const types = schema.map(([c, t]) => `'${c}': '${t}'`).join(', ');
  await conn.run(`COPY (SELECT * FROM read_csv(${quote(csv)}, header = true, columns = {${types}}, nullstr = '', quote = '"'))
    TO ${quote(join(OUT, `${name}.parquet`))} (FORMAT parquet, COMPRESSION zstd)`);
}

await write('reports', reports, REPORT_COLUMNS);
await write('cells', cells, CELL_COLUMNS);
await write('findings', findings, FINDING_COLUMNS);
await write('dictionary', dictionary, DICTIONARY_COLUMNS);
const csvOut = join(OUT, 'tmp');
writeFileSync(join(OUT, 'dictionary.csv'), `\ufeff${readFileSync(join(csvOut, 'dictionary.csv'), 'utf8')}\n`);
rmSync(csvOut, { recursive: true, force: true });
writeFileSync(join(OUT, 'summary.json'), `${JSON.stringify(summarize(reports as unknown as SummaryInput[]))}\n`);
console.log(`wrote ${reports.length} reports, ${cells.length} cells, ${findings.length} findings to ${OUT}`);
