import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarize, type DatasetSummary, type SummaryInput } from '../../src/lib/data/summary';
import { DATA_DIR, requireData } from '../support/dataset';
import { openNodeDuckDB, type NodeDuckDB } from '../support/node-duckdb';

/** The first paint comes from summary.json: it must say what reports.parquet says. */
describe('shipped summary.json', () => {
  let db: NodeDuckDB;
  let shipped: DatasetSummary;
  let fresh: DatasetSummary;
  beforeAll(async () => {
    requireData();
    db = await openNodeDuckDB();
    shipped = JSON.parse(readFileSync(resolve(DATA_DIR, 'summary.json'), 'utf8')) as DatasetSummary;
    fresh = summarize((await db.rows('SELECT * FROM reports')) as SummaryInput[], shipped.generated);
  });
  afterAll(() => db?.close());

  it('matches summarize() over reports.parquet', () => {
    expect(shipped.headline).toEqual(fresh.headline);
    expect({ r: shipped.reports, y: shipped.years }).toEqual({ r: fresh.reports, y: fresh.years });
    const cov = (s: DatasetSummary) => s.coverage.map((c) => [c.unit, c.division_code, c.level, c.year, c.status]);
    expect(cov(shipped)).toEqual(cov(fresh));
  });

  it('carries unit_key in its coverage, so one body reads as one row', () => {
    expect(shipped.coverage.map((c) => c.unit_key)).toEqual(fresh.coverage.map((c) => c.unit_key));
    expect(shipped.units).toBe(new Set(fresh.coverage.map((c) => c.unit_key)).size);
  });
});
