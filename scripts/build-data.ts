/**
 * npm run data — parses the real corpus with this project's parser and writes the shipped
 * dataset to data/: reports, cells and findings as Arrow IPC (for the app) and Parquet (for
 * download), a data dictionary and the first-paint summary. Figures only, no report text.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { isFailure, type ParsedReport } from '../src/lib/format';
import { parseFile } from '../src/lib/parse';
import { assemble, best } from '../src/lib/dataset/assemble';
import { loadDivisions } from '../src/lib/divisions/load';
import { manifest, reportPath } from '../tests/support/gold';
import { writeDataset } from '../src/cli/tables';

const OUT = resolve(process.argv[2] ?? 'data');
const divisions = loadDivisions();
const entries: { id: string; report: ParsedReport }[] = [];

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
  entries.push({ id: m.id, report: {
    ...r,
    unit: r.unit ?? named.unit,
    division: r.division.code ? r.division : named.division,
    level: r.level ?? named.level,
    proactive_total: r.proactive_total ?? parsed.find((p) => p.proactive_total)?.proactive_total ?? null,
  } });
  console.log(`${m.id.padEnd(22)} ← ${r.file.padEnd(34)} ${Object.keys(r.uncertain).length} unsure, ${r.findings.length} findings`);
}
const rows = assemble(entries);
const db = await DuckDBInstance.create(':memory:');
const conn = await db.connect();
await writeDataset(conn, OUT, rows);
console.log(`wrote ${rows.reports.length} reports, ${rows.cells.length} cells, ${rows.findings.length} findings to ${OUT}`);
