import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { DuckDBInstance } from '@duckdb/node-api';
import { syntheticUnits } from '../../scripts/synthetic/units';
import { YEARS, syntheticReport } from '../../scripts/synthetic/generate';
import { arrowAnswer } from '../../scripts/arrow-answer';
import { findMeasure } from '../../src/lib/compare/catalog';
import { regionMeasureSql, regionPivot } from '../../src/lib/compare/regions';
import { regionCoverage, regionCoverageSql } from '../../src/lib/coverage/regions';
import type { DatasetSummary } from '../../src/lib/data/summary';
import { OVERVIEW_BODY_MAX } from '../../src/lib/overview/scale';
import { staticOverview } from '../../scripts/first-chart';

type Row = Record<string, any>;
const PROVINCE = '64'; // 宁夏: the smallest full province of the tiers, ~260 townships
const arrowRows = (file: string): Row[] => tableFromIPC(readFileSync(file)).toArray().map((r) => r.toJSON());

describe('synthetic national data and its browser tiers (one province)', () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'gongkai-synthetic-'));
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/data-synthetic.ts', '--province', PROVINCE, '--out', out, '--site'], { encoding: 'utf8', timeout: 240_000 });
    expect(r.status, r.stderr).toBe(0);
  }, 300_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('says it is synthetic, and is the same for the same seed', () => {
    expect(readFileSync(join(out, 'SYNTHETIC.txt'), 'utf8')).toContain('合成数据');
    const u = syntheticUnits(PROVINCE).find((x) => x.level === 'township')!;
    expect(syntheticReport(u, 2022, 7)).toEqual(syntheticReport(u, 2022, 7));
    expect(syntheticReport(u, 2022, 7)?.row.apps__new__total).not.toBe(syntheticReport(u, 2022, 8)?.row.apps__new__total);
  });

  it('covers every unit of the province on its real code, with some years missing and some findings', () => {
    const units = syntheticUnits(PROVINCE);
    const detail = arrowRows(join(out, 'tiers', 'detail', `province=${PROVINCE}.arrow`));
    expect(new Set(units.map((u) => u.level))).toEqual(new Set(['province', 'city', 'county', 'township']));
    expect(units.every((u) => u.code.startsWith(PROVINCE))).toBe(true);
    expect(detail.length).toBeLessThan(units.length * YEARS.length);
    expect(detail.length).toBeGreaterThan(units.length * YEARS.length * 0.8);
    expect(detail.some((r) => r.findings > 0)).toBe(true);
    // Levels are scaled: the province receives more than its median township.
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const t = median(detail.filter((r) => r.level === 'township').map((r) => r.received));
    const p = median(detail.filter((r) => r.level === 'province').map((r) => r.received));
    expect(p).toBeGreaterThan(t * 10);
  });

  it('rolls the reports up by province, city and county × year to the sums of the detail rows', () => {
    const detail = arrowRows(join(out, 'tiers', 'detail', `province=${PROVINCE}.arrow`));
    for (const [level, digits] of [['province', 2], ['city', 4], ['county', 6]] as const) {
      const want = new Map<string, { reports: number; received: number; findings: number }>();
      for (const r of detail.filter((x) => x.division_code.length >= digits)) {
        const k = `${r.division_code.slice(0, digits)}|${r.year}`;
        const w = want.get(k) ?? { reports: 0, received: 0, findings: 0 };
        w.reports += 1;
        w.received += r.received;
        w.findings += r.findings;
        want.set(k, w);
      }
      const got = new Map(arrowRows(join(out, 'tiers', `rollup-${level}.arrow`)).map((r) => [`${r.code}|${r.year}`, { reports: r.reports, received: r.received, findings: r.findings }]));
      expect(got, level).toEqual(want);
    }
  });

  it('writes the same reports as hive-partitioned Parquet', async () => {
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    const parts = (await conn.runAndReadAll(`SELECT year::INTEGER AS year, province::VARCHAR AS province, count(*)::INTEGER AS n
      FROM read_parquet('${out}/parquet/reports/**/*.parquet', hive_partitioning = true) GROUP BY ALL ORDER BY year`)).getRowObjectsJS();
    const detail = arrowRows(join(out, 'tiers', 'detail', `province=${PROVINCE}.arrow`));
    expect(parts).toEqual(YEARS.map((y) => ({ year: y, province: PROVINCE, n: detail.filter((r) => r.year === y).length })));
  });

  it('gives the drill-down’s sums and coverage shares of the province’s cities, and its own bodies apart', async () => {
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    await conn.run(`CREATE TABLE reports AS SELECT * FROM read_parquet('${out}/parquet/reports/**/*.parquet', hive_partitioning = true)`);
    const detail = arrowRows(join(out, 'tiers', 'detail', `province=${PROVINCE}.arrow`));
    // Worked out from the detail rows here: per city (or own body) and year, the received sum.
    const want = new Map<string, number>();
    const known = new Map<string, Set<string>>();
    const reported = new Map<string, Set<string>>();
    for (const r of detail) {
      const place = r.division_code.length > 2 ? r.division_code.slice(0, 4) : `unit:${r.unit_key}`;
      want.set(`${place}|${r.year}`, (want.get(`${place}|${r.year}`) ?? 0) + r.received);
      const region = r.division_code.length > 2 ? r.division_code.slice(0, 4) : '';
      known.set(region, (known.get(region) ?? new Set()).add(r.unit_key));
      reported.set(`${region}|${r.year}`, (reported.get(`${region}|${r.year}`) ?? new Set()).add(r.unit_key));
    }
    const sumsSql = regionMeasureSql(findMeasure('received')!, { prefix: PROVINCE, level: '' });
    const sums = regionPivot(await arrowAnswer(conn, sumsSql), [...YEARS], (c) => c ?? '');
    const got = new Map<string, unknown>();
    sums.pivot.units.forEach((u, i) => YEARS.forEach((y, j) => { if (sums.pivot.values[i][j] !== undefined) got.set(`${u.key}|${y}`, sums.pivot.values[i][j]); }));
    expect(got).toEqual(want);
    const cov = regionCoverage(await arrowAnswer(conn, regionCoverageSql({ prefix: PROVINCE, level: '' })));
    for (const r of cov) {
      expect(r.known, r.code ?? '本级').toBe(known.get(r.code ?? '')!.size);
      for (const y of YEARS) expect(r.byYear.get(y)?.reported, `${r.code} ${y}`).toBe(reported.get(`${r.code ?? ''}|${y}`)?.size);
    }
    // Townships are missing some years: some city-year reports fewer bodies than it knows.
    expect(cov.some((r) => [...r.byYear.values()].some((c) => c.reported < r.known))).toBe(true);
  });

  it('sums the overview by city in the summary of a dataset too large to draw per body, and draws that into the page', () => {
    const summary = JSON.parse(readFileSync(join(out, 'site', 'summary.json'), 'utf8')) as DatasetSummary;
    const detail = arrowRows(join(out, 'tiers', 'detail', `province=${PROVINCE}.arrow`));
    expect(summary.units).toBeGreaterThan(OVERVIEW_BODY_MAX);
    // No per-report rows: a province's 1,489 bodies made summary.json 2.7 MB and the overview's HTML 4 MB.
    expect(summary.headline).toEqual([]);
    expect(summary.coverage).toEqual([]);
    const regions = summary.regions!;
    expect(regions.place).toBe(PROVINCE);
    expect(regions.names[PROVINCE]).toBe('宁夏回族自治区');
    expect(regions.names['6401']).toBe('银川市');
    // Worked out here from the detail rows: per city and year, received summed; the rate over
    // the reports that have granted, partial and handled.
    const place = (code: string) => (code.length > 2 ? code.slice(0, 4) : null);
    for (const y of [2019, 2025]) {
      for (const city of new Set(detail.map((r) => place(r.division_code)).filter(Boolean))) {
        const rs = detail.filter((r) => r.year === y && place(r.division_code) === city);
        const rec = regions.received.find((r) => r.region === city && r.year === y)!;
        expect(rec.value, `${city} ${y}`).toBe(rs.reduce((n, r) => n + r.received, 0));
        const ok = rs.filter((r) => r.granted !== null && r.partial !== null && r.handled !== null);
        const rate = regions.rate.find((r) => r.region === city && r.year === y)!;
        expect(rate.value as number, `${city} ${y}`).toBeCloseTo(ok.reduce((n, r) => n + r.granted + r.partial, 0) / ok.reduce((n, r) => n + r.handled, 0), 12);
      }
    }
    const html = staticOverview(summary)!;
    expect(html).toContain('银川市');
    expect(html).toContain('宁夏回族自治区各城市');
    // The bars are places, not bodies: no township's name is drawn.
    const township = syntheticUnits(PROVINCE).find((u) => u.level === 'township')!;
    expect(township.unit).toMatch(/\S/);
    expect(html).not.toContain(township.unit);
    expect(html.length).toBeLessThan(60_000);
  });
});
