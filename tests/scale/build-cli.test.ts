import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';

const CORPUS = join('..', 'shared', 'corpus', 'reports');
const FILES = ['pingtan-2019.txt', 'pingtan-2020.txt', 'huaian-hongze-2024.pdfminer.txt', 'huaian-hongze-2024.pypdf.txt', 'shanghai-stcsm-2024.md'];

function run(...args: string[]) {
  return spawnSync(process.execPath, ['bin/gongkai.js', 'build', ...args], { encoding: 'utf8', timeout: 240_000 });
}
const logOf = (out: string) => readFileSync(join(out, 'log.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));

describe('gongkai build', () => {
  let dir: string;
  let conn: DuckDBConnection;
  const rows = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS();
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-build-'));
    mkdirSync(join(dir, 'in', 'sub'), { recursive: true });
    for (const f of FILES) copyFileSync(join(CORPUS, f), join(dir, 'in', f.startsWith('shanghai') ? `sub/${f}` : f));
    writeFileSync(join(dir, 'in', 'empty.txt'), '');
    conn = await (await DuckDBInstance.create(':memory:')).connect();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('parses a directory tree on worker threads, logs every file and writes Parquet partitioned by year and province', async () => {
    const out = join(dir, 'out');
    const r = run(join(dir, 'in'), '--out', out, '--jobs', '2');
    expect(r.status, r.stderr).toBe(0);
    const log = logOf(out);
    expect(log.map((l) => l.file).sort()).toEqual(['empty.txt', 'huaian-hongze-2024.pdfminer.txt', 'huaian-hongze-2024.pypdf.txt', 'pingtan-2019.txt', 'pingtan-2020.txt', 'sub/shanghai-stcsm-2024.md']);
    expect(log.find((l) => l.file === 'empty.txt')).toMatchObject({ status: 'refused', code: 'empty' });
    // Two extractions of 洪泽 2024: one is read, the other is logged as its duplicate.
    const hongze = log.filter((l) => l.file.startsWith('huaian-hongze-2024'));
    expect(hongze.map((l) => l.status).sort()).toEqual(['duplicate', 'read']);
    expect(log.every((l) => l.cached === false)).toBe(true);

    const site = await rows(`SELECT report_id, year::INTEGER AS year, province_code, apps__new__total AS received FROM read_parquet('${out}/site/reports.parquet') ORDER BY report_id`);
    expect(site.map((x) => x.report_id).sort()).toEqual(log.filter((l) => l.status === 'read').map((l) => l.report_id).sort());
    const hive = await rows(`SELECT report_id, year::INTEGER AS year, province, apps__new__total AS received FROM read_parquet('${out}/parquet/reports/**/*.parquet', hive_partitioning = true) ORDER BY report_id`);
    expect(hive.map((x) => ({ ...x, province: String(x.province).padStart(2, '0') })))
      .toEqual(site.map((x) => ({ report_id: x.report_id, year: x.year, province: x.province_code ?? '00', received: x.received })));
    const cells = await rows(`SELECT count(*)::INTEGER AS n FROM read_parquet('${out}/parquet/cells/**/*.parquet', hive_partitioning = true)`);
    // …and the national view's tiers: each province × year sums what the site's reports received.
    const byProvince = new Map<string, number>();
    for (const x of site) if (x.province_code && x.received !== null) byProvince.set(`${x.province_code} ${x.year}`, (byProvince.get(`${x.province_code} ${x.year}`) ?? 0) + Number(x.received));
    const rollup = tableFromIPC(readFileSync(join(out, 'site', 'tiers', 'rollup-province.arrow'))).toArray().map((r) => r.toJSON());
    expect(new Map(rollup.filter((r) => r.received !== null).map((r) => [`${r.code} ${r.year}`, r.received]))).toEqual(byProvince);
    expect(readdirSync(join(out, 'site', 'tiers', 'detail')).sort()).toEqual([...new Set(site.map((x) => x.province_code).filter(Boolean))].sort().map((p) => `province=${p}.arrow`));
    const siteCells = await rows(`SELECT count(*)::INTEGER AS n FROM read_parquet('${out}/site/cells.parquet')`);
    expect(cells[0].n).toBe(siteCells[0].n);
  }, 300_000);

  it('resumes from its cache: a second run parses nothing and writes the same reports', async () => {
    const out = join(dir, 'out');
    const before = readFileSync(join(out, 'site', 'reports.arrow'));
    const r = run(join(dir, 'in'), '--out', out);
    expect(r.status, r.stderr).toBe(0);
    expect(logOf(out).every((l) => l.cached === true)).toBe(true);
    expect(readFileSync(join(out, 'site', 'reports.arrow')).equals(before)).toBe(true);
  }, 300_000);

  it('parses a content that two files share once, logs both, and leaves only whole outcomes in its cache', () => {
    const input = join(dir, 'twins');
    for (const d of ['a', 'b']) mkdirSync(join(input, d), { recursive: true });
    copyFileSync(join(CORPUS, 'pingtan-2019.txt'), join(input, 'a', 'pingtan-2019.txt'));
    copyFileSync(join(CORPUS, 'pingtan-2019.txt'), join(input, 'b', '平潭2019副本.txt'));
    copyFileSync(join(CORPUS, 'pingtan-2020.txt'), join(input, 'a', 'pingtan-2020.txt'));
    const out = join(dir, 'twins-out');
    const r = run(input, '--out', out, '--jobs', '2');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('解析 2/2');
    const log = logOf(out);
    expect(log.map((l) => l.file).sort()).toEqual(['a/pingtan-2019.txt', 'a/pingtan-2020.txt', 'b/平潭2019副本.txt']);
    expect(log.every((l) => l.cached === false)).toBe(true);
    const cache = readdirSync(join(out, 'cache')).sort();
    expect(cache).toHaveLength(2);
    expect(cache.every((f) => /^[0-9a-f]{64}\.json$/.test(f))).toBe(true);
    for (const f of cache) expect(JSON.parse(readFileSync(join(out, 'cache', f), 'utf8')).year).toBeGreaterThan(2018);
  }, 300_000);

  it('splits the files into disjoint shards that together cover them all', () => {
    const names = [1, 2].flatMap((i) => {
      const out = join(dir, `shard${i}`);
      expect(run(join(dir, 'in'), '--out', out, '--shard', `${i}/2`).status).toBe(0);
      return readFileSync(join(out, `log-${i}of2.jsonl`), 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l).file);
    });
    expect(names.sort()).toEqual(logOf(join(dir, 'out')).map((l) => l.file).sort());
  }, 300_000);

  it('refuses a missing directory and a malformed shard in Chinese', () => {
    const missing = run(join(dir, 'nope'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('不存在');
    const shard = run(join(dir, 'in'), '--shard', '3/2');
    expect(shard.status).toBe(2);
    expect(shard.stderr).toContain('--shard');
  }, 120_000);
});
