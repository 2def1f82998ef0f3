/**
 * gongkai build DIR… [--out D] [--shard i/n] [--jobs N]: every report under the directories,
 * parsed on all cores, into a dataset.
 *
 * - Resumable: each file's outcome is cached under D/cache by the SHA-256 of its bytes, so an
 *   interrupted run (or a second run over a grown folder) parses only what is new.
 * - D/log.jsonl: one line per file (read, refused with the parser's Chinese message and code,
 *   flagged cells and findings, or the duplicate of another file of the same unit and year).
 * - D/parquet/<table>/year=YYYY/province=PP/*.parquet: hive-partitioned, for DuckDB, MotherDuck,
 *   Spark or pandas to read directly (`read_parquet('D/parquet/reports/**', hive_partitioning=1)`).
 * - D/site: the dataset folder the dashboard serves (`GONGKAI_DATA=D/site npm start`).
 * - --shard i/n: this run takes only the files whose hash falls in shard i of n, so a batch
 *   system can split the parsing; a final run without --shard over the merged caches parses
 *   nothing and writes the whole dataset (cross-year checks need every year of a unit).
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { extname, join, relative, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { isFailure, type ParseOutcome, type ParsedReport } from '../lib/format';
import { assemble, best } from '../lib/dataset/assemble';
import { unitKey } from '../lib/dataset/unit-key';
import { parseAll, type Job } from './pool';
import { writeDataset } from './tables';
import { READABLE_EXTENSIONS } from '../lib/parse/detect';

// (.doc too: its refusal tells the user to save it as .docx.)
const EXTENSIONS = new Set<string>([...READABLE_EXTENSIONS, '.doc']);

export const BUILD_USAGE = `用法：gongkai build 目录 [目录…] [--out 输出目录] [--shard i/n] [--jobs 线程数]
  解析目录中的全部年度报告（多线程），写出 Parquet（按 year=/province= 分区）和看板数据。
  中断后再次运行只解析新文件（按内容哈希缓存）；每个文件的结果记录在 输出目录/log.jsonl。`;

interface Options { dirs: string[]; out: string; shard: [number, number] | null; jobs: number }

function options(args: string[]): Options | string {
  const o: Options = { dirs: [], out: 'gongkai-data', shard: null, jobs: availableParallelism() };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--out') o.out = args[++i] ?? '';
    else if (a === '--jobs') o.jobs = Number(args[++i]);
    else if (a === '--shard') {
      const m = /^(\d+)\/(\d+)$/.exec(args[++i] ?? '');
      if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) return '--shard 的格式是 i/n，1 ≤ i ≤ n，例如 --shard 2/8。';
      o.shard = [Number(m[1]), Number(m[2])];
    } else if (a.startsWith('--')) return `不认识的选项 ${a}。`;
    else o.dirs.push(a);
  }
  if (!o.dirs.length) return '请给出至少一个报告目录。';
  if (!o.out) return '--out 后面要写输出目录。';
  if (!Number.isInteger(o.jobs) || o.jobs < 1) return '--jobs 要写一个正整数。';
  for (const d of o.dirs) if (!existsSync(d) || !statSync(d).isDirectory()) return `目录“${d}”不存在。`;
  return o;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return walk(p);
    return e.isFile() && EXTENSIONS.has(extname(e.name).toLowerCase()) ? [p] : [];
  }).sort();
}

interface LogLine { file: string; sha256: string; status: 'read' | 'refused' | 'duplicate'; cached: boolean; [k: string]: unknown }

export async function build(args: string[]): Promise<number> {
  const o = options(args);
  if (typeof o === 'string') {
    process.stderr.write(`${o}\n${BUILD_USAGE}\n`);
    return 2;
  }
  const out = resolve(o.out);
  const cacheDir = join(out, 'cache');
  mkdirSync(cacheDir, { recursive: true });

  const files = o.dirs.flatMap((d) => walk(d).map((path) => ({ path, name: relative(d, path) || path })));
  const jobs: (Job & { hash: string })[] = [];
  for (const f of files) {
    const hash = createHash('sha256').update(readFileSync(f.path)).digest('hex');
    if (o.shard && parseInt(hash.slice(0, 8), 16) % o.shard[1] !== o.shard[0] - 1) continue;
    jobs.push({ ...f, hash });
  }
  const cached = (h: string) => join(cacheDir, `${h}.json`);
  // Files with the same content are parsed once (and would write the same cache file).
  const todoHashes = new Set<string>();
  const todo = jobs.filter((j) => !todoHashes.has(j.hash) && !existsSync(cached(j.hash)) && todoHashes.add(j.hash));
  const started = performance.now();
  let parsed = 0;
  let shown = 0;
  const progress = (final = false) => {
    const now = performance.now();
    if (!final && now - shown < 200) return;
    shown = now;
    const rate = parsed / Math.max(0.001, (now - started) / 1000);
    process.stderr.write(`\r解析 ${parsed}/${todo.length}（另有 ${jobs.length - todo.length} 个已缓存）· ${rate.toFixed(1)} 份/秒${final ? '\n' : ''}`);
  };
  // Each worker writes its outcome into the cache itself.
  await parseAll(todo.map((j) => ({ ...j, out: cached(j.hash) })), o.jobs, () => {
    parsed++;
    progress();
  });
  progress(true);

  // Every outcome, newly parsed or cached; a cached outcome keeps the name it was parsed under.
  const log: LogLine[] = [];
  const slots = new Map<string, { job: (typeof jobs)[number]; report: ParsedReport }[]>();
  for (const job of jobs) {
    const outcome = JSON.parse(readFileSync(cached(job.hash), 'utf8')) as ParseOutcome;
    const isCached = !todoHashes.has(job.hash);
    if (isFailure(outcome)) {
      log.push({ file: job.name, sha256: job.hash, status: 'refused', cached: isCached, code: outcome.error.code, message: outcome.error.message });
      continue;
    }
    const report = { ...outcome, file: job.name };
    const slot = `${unitKey(report.unit ?? job.name, report.division.name, report.division.code)}#${report.year}`;
    slots.set(slot, [...(slots.get(slot) ?? []), { job, report }]);
  }
  const entries: { id: string; report: ParsedReport }[] = [];
  for (const list of slots.values()) {
    const chosen = best(list.map((x) => x.report));
    for (const { job, report } of list) {
      const id = job.hash.slice(0, 16);
      const base = { file: job.name, sha256: job.hash, cached: !todoHashes.has(job.hash), unit: report.unit, year: report.year,
        uncertain: Object.keys(report.uncertain).length, findings: report.findings.length, missing: report.missing };
      if (report === chosen) {
        entries.push({ id, report });
        log.push({ ...base, status: 'read', report_id: id });
      } else {
        log.push({ ...base, status: 'duplicate', of: list.find((x) => x.report === chosen)!.job.name });
      }
    }
  }
  const logFile = join(out, o.shard ? `log-${o.shard[0]}of${o.shard[1]}.jsonl` : 'log.jsonl');
  rmSync(logFile, { force: true });
  for (const line of log.sort((a, b) => a.file.localeCompare(b.file))) appendFileSync(logFile, `${JSON.stringify(line)}\n`);

  const rows = assemble(entries);
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  const site = join(out, o.shard ? `site-${o.shard[0]}of${o.shard[1]}` : 'site');
  await writeDataset(conn, site, rows);
  await writeHive(conn, join(out, 'parquet'), o.shard);
  const refused = log.filter((l) => l.status === 'refused').length;
  process.stderr.write(`完成：${rows.reports.length} 份报告，${refused} 个文件被拒绝，${log.filter((l) => l.status === 'duplicate').length} 个重复；`
    + `用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒。\n  Parquet：${join(out, 'parquet')}\n  看板数据：${site}（GONGKAI_DATA=${site} npm start）\n  日志：${logFile}\n`);
  return 0;
}

/** The three tables as hive-partitioned Parquet, each row under its report's year and province. */
export async function writeHive(conn: import('@duckdb/node-api').DuckDBConnection, dir: string, shard: [number, number] | null, tables = ['reports', 'cells', 'findings']): Promise<void> {
  const q = (p: string) => `'${p.replace(/'/g, "''")}'`;
  const partition = "r.year, coalesce(r.province_code, '00') AS province";
  const pattern = shard ? `, FILENAME_PATTERN 'part-${shard[0]}of${shard[1]}-{i}'` : '';
  for (const t of tables) {
    const target = join(dir, t);
    if (!shard) rmSync(target, { recursive: true, force: true });
    mkdirSync(target, { recursive: true });
    const select = t === 'reports'
      ? `SELECT r.*, coalesce(r.province_code, '00') AS province FROM reports r`
      : `SELECT x.*, ${partition} FROM ${t} x JOIN reports r USING (report_id)`;
    await conn.run(`COPY (${select}) TO ${q(target)} (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (year, province), OVERWRITE_OR_IGNORE${pattern})`);
  }
}
