import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDuckDB, type NodeDuckDB } from '../support/node-duckdb';
import { requireData } from '../support/dataset';
import { SUPERSEDE_SQL, SUPERSEDED_SQL, USER_TABLES, userLayerSql } from '../../src/lib/data/tables';
import { headlineSql } from '../../src/lib/data/overview';

/** The browser's layering of user rows over the shipped tables, run on the same DuckDB engine. */
describe('user rows over the shipped tables', () => {
  let db: NodeDuckDB;
  let shipped: Record<string, unknown>[];

  beforeAll(async () => {
    requireData();
    db = await openNodeDuckDB();
    shipped = await db.rows('SELECT report_id, unit_key, year, apps__new__total FROM reports ORDER BY report_id');
    await db.conn.run(SUPERSEDED_SQL);
    for (const t of USER_TABLES) await db.conn.run(userLayerSql(t));
  });
  afterAll(() => db?.close());

  it('shows the shipped rows unchanged while the workspace is empty', async () => {
    expect(await db.rows('SELECT report_id, unit_key, year, apps__new__total FROM reports ORDER BY report_id')).toEqual(shipped);
    expect((await db.rows(`SELECT DISTINCT origin FROM cells`)).map((r) => r.origin)).toEqual(['shipped']);
  });

  it('a user version of a shipped unit and year replaces it in reports, cells and findings; a new one is added', async () => {
    const target = shipped[0];
    const id = String(target.report_id);
    // A user version of the first report with one corrected figure, and a copy for a year the dataset lacks.
    await db.conn.run(`INSERT INTO reports_user BY NAME SELECT * REPLACE ('user-a' AS report_id, 'user' AS origin, 4321 AS apps__new__total)
      FROM reports_base WHERE report_id = '${id}'`);
    await db.conn.run(`INSERT INTO reports_user BY NAME SELECT * REPLACE ('user-b' AS report_id, 'user' AS origin, 2099 AS year)
      FROM reports_base WHERE report_id = '${id}'`);
    await db.conn.run(`INSERT INTO cells_user BY NAME SELECT * REPLACE ('user-a' AS report_id, 'user' AS origin) FROM cells_base WHERE report_id = '${id}'`);
    await db.conn.run(SUPERSEDE_SQL);

    const rows = await db.rows('SELECT report_id, origin, year, apps__new__total FROM reports ORDER BY report_id');
    expect(rows).toHaveLength(shipped.length + 1);
    expect(rows.find((r) => r.report_id === id)).toBeUndefined();
    expect(rows.find((r) => r.report_id === 'user-a')).toEqual({ report_id: 'user-a', origin: 'user', year: target.year, apps__new__total: 4321 });
    expect(rows.find((r) => r.report_id === 'user-b')?.year).toBe(2099);
    const cellIds = (await db.rows('SELECT DISTINCT report_id FROM cells')).map((r) => r.report_id);
    expect(cellIds).not.toContain(id);
    expect(cellIds).toContain('user-a');
    expect((await db.rows(`SELECT count(*)::INTEGER AS n FROM findings WHERE report_id = '${id}'`))[0].n).toBe(0);
    // A view's own SQL runs unchanged over the joined rows.
    const headline = await db.rows(headlineSql());
    expect(headline.find((r) => r.report_id === 'user-a')?.received).toBe(4321);

    // Emptying the workspace brings the shipped report back.
    for (const t of USER_TABLES) await db.conn.run(`DELETE FROM ${t}_user`);
    await db.conn.run(SUPERSEDE_SQL);
    expect(await db.rows('SELECT report_id, unit_key, year, apps__new__total FROM reports ORDER BY report_id')).toEqual(shipped);
  });
});
