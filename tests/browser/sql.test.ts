import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { numberText } from '../../src/lib/sql/csv';
import { parseCsv } from '../support/csv';
import { chartSource, siteSuite, type Visit } from './site';
import { expectClean, visitView } from './data-views';

const QUERY = `SELECT report_id, unit, year, apps__new__total AS received, t2__procurement__amount_yuan AS procurement,
  (apps__granted__total + apps__partial__total) / NULLIF(apps__total__total, 0) AS rate
FROM reports ORDER BY report_id`;

const text = (v: unknown) => (v === null ? 'NULL' : typeof v === 'number' ? numberText(v) : String(v));

describe('SQL console in Chromium', () => {
  const suite = siteSuite();

  async function go(path: string): Promise<Visit> {
    const v = await visitView(suite.server, path);
    suite.track(v);
    return v;
  }

  async function runTyped(v: Visit, sql: string) {
    await v.page.fill('[data-sql-input]', sql);
    await v.page.click('[data-run]');
  }

  const table = (v: Visit) => v.page.$$eval('table[data-result]', ([t]) => ({
    head: [...t.querySelectorAll('thead th')].map((th) => th.textContent ?? ''),
    body: [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
  }));

  it('runs a typed query and shows exactly Node DuckDB’s answer, nulls as NULL; the query goes into the URL', async () => {
    const truth = await suite.db.rows(QUERY);
    expect(truth.some((r) => r.procurement === null)).toBe(true);
    const v = await go('/sql');
    await runTyped(v, QUERY);
    await v.page.waitForSelector('table[data-result]');
    const shown = await table(v);
    const cols = Object.keys(truth[0]);
    expect(shown.head).toEqual(cols);
    expect(shown.body).toEqual(truth.map((r) => cols.map((c) => text(r[c]))));
    await v.page.waitForURL(/sql=/);
    expect(new URL(v.page.url()).searchParams.get('sql')).toBe(QUERY);

    // The documented tables: every column of each, and the whole data dictionary.
    await v.page.click('[data-schema] summary');
    for (const t of ['reports', 'cells', 'findings', 'dictionary']) {
      const cols = await suite.db.rows(`SELECT column_name FROM information_schema.columns WHERE table_name = '${t}' AND column_name NOT LIKE '%\\_\\_%' ESCAPE '\\'`);
      const shownCols = await v.page.$$eval(`[data-schema] [data-table-name="${t}"] code`, (cs) => cs.map((c) => c.textContent));
      expect(shownCols, t).toEqual(expect.arrayContaining(cols.map((c) => c.column_name)));
    }
    const dict = await suite.db.rows('SELECT key, row_label, col_label FROM dictionary');
    await v.page.click('[data-dictionary] summary');
    expect(await v.page.locator('[data-dictionary] tbody tr').count()).toBe(dict.length);
    expect(await v.page.textContent('[data-dictionary] tbody')).toContain(String(dict[0].row_label));

    // The link reproduces the result in a fresh browser.
    const w = await go(`/sql?${new URLSearchParams({ sql: QUERY })}`);
    await w.page.waitForSelector('table[data-result]');
    expect(await table(w)).toEqual(shown);
    expect(await w.page.inputValue('[data-sql-input]')).toBe(QUERY);
    expectClean(v);
    expectClean(w);
  });

  it('refuses DROP TABLE and the data stays whole', async () => {
    const v = await go('/sql');
    await runTyped(v, 'DROP TABLE reports');
    await v.page.waitForSelector('[data-refused]');
    expect(await v.page.textContent('[data-refused]')).toMatch(/拒绝执行.*DROP/);
    const refusals: [string, RegExp][] = [['DELETE FROM findings', /DELETE/], ['SELECT 1; DROP TABLE cells', /一次只能运行一条语句/],
      ["COPY reports TO 'x.csv'", /COPY/], ['SET threads = 1', /SET/], ["SELECT * FROM read_csv('https://example.com/a.csv')", /不能读取文件或网址/]];
    for (const [sql, why] of refusals) {
      await runTyped(v, sql);
      await expect.poll(() => v.page.textContent('[data-refused]')).toMatch(why);
      expect(await v.page.locator('table[data-result]').count()).toBe(0);
    }
    const [n] = await suite.db.rows('SELECT count(*) AS n FROM reports');
    const [f] = await suite.db.rows('SELECT count(*) AS n FROM findings');
    await runTyped(v, 'SELECT (SELECT count(*) FROM reports) AS reports, (SELECT count(*) FROM findings) AS findings');
    await v.page.waitForSelector('table[data-result]');
    expect((await table(v)).body).toEqual([[String(n.n), String(f.n)]]);
    expectClean(v);
  });

  it('explains a failing query in Chinese with its SQL', async () => {
    const v = await go('/sql');
    await runTyped(v, 'SELECT no_such_column FROM reports');
    await v.page.waitForSelector('[data-query-error]');
    const msg = await v.page.textContent('[data-query-error]');
    expect(msg).toContain('数据查询出错');
    expect(msg).toContain('SELECT no_such_column FROM reports');
    // DuckDB's own error is no console error of the page.
    expectClean(v);
  });

  it('exports the result as CSV (UTF-8 with BOM) equal to the result, and charts the chosen columns', async () => {
    const truth = await suite.db.rows(QUERY);
    const cols = Object.keys(truth[0]);
    const v = await go(`/sql?${new URLSearchParams({ sql: QUERY, x: 'report_id', y: 'received' })}`);
    await v.page.waitForSelector('table[data-result]');
    const [download] = await Promise.all([v.page.waitForEvent('download'), v.page.click('[data-export-csv]')]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // Read back with the tests' own RFC 4180 reader: empty = NULL, numbers exact, text as is.
    const text = bytes.toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    const [head, ...body] = parseCsv(text.slice(1));
    expect(head).toEqual(cols);
    const numeric = cols.map((c) => truth.some((t) => typeof t[c] === 'number'));
    expect(body.map((r) => r.map((f, j) => (f === '' ? null : numeric[j] ? Number(f) : f))))
      .toEqual(truth.map((r) => cols.map((c) => r[c] ?? null)));

    await v.page.waitForSelector('[data-chart="sql"]');
    expect(await v.page.textContent('.chart .subtitle')).toContain('SELECT report_id, unit, year');
    const src = await chartSource(v.page, 'sql');
    expect(src.x).toEqual(truth.map((r) => r.report_id));
    expect(src.y).toEqual(truth.map((r) => r.received));
    await v.page.selectOption('[data-filter="chart-kind"]', 'line');
    await v.page.waitForURL(/kind=line/);
    expectClean(v);
  });

  // The page's DuckDB hands 64-bit integers over as doubles (castBigIntToDouble); beyond 2^53
  // the console's note tells users to cast to VARCHAR, which stays exact.
  it('shows decimals, integers and text-cast big integers exactly', async () => {
    const v = await go(`/sql?${new URLSearchParams({ sql: 'SELECT 1.250 AS d, 12345678901234567::BIGINT::VARCHAR AS big, NULL AS n, 0.1 + 0.2 AS f, 42::BIGINT AS i, -12.340 AS neg, 123456789012345678.12::DECIMAL(38,2) AS wide' })}`);
    await v.page.waitForSelector('table[data-result]');
    const [row] = (await table(v)).body;
    expect(row[0]).toBe('1.25');
    expect(row[1]).toBe('12345678901234567');
    expect(row[2]).toBe('NULL');
    expect(row[3]).toBe('0.3');
    expect(row[4]).toBe('42');
    expect(row[5]).toBe('-12.34');
    expect(row[6]).toBe('123456789012345678.12');
    expectClean(v);
  });
});
