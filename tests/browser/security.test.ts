/**
 * The site does only what the reader asked (issue 9), tried as an attacker would in Chromium
 * over the built site: SQL console bypasses, links carrying a query, a query that never ends,
 * and the CSP on every page. A listener on 127.0.0.2 stands for "any other host": it must
 * receive nothing, and the page must request nothing off its origin.
 */
import { createServer, type Server } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteSuite, visit, type Visit } from './site';
import { SITE_DIR } from '../../scripts/site-build';
import { expectClean, visitView } from './data-views';

// 10^15 rows: hours of work on any machine, so only a cancel or the time limit can end it
// (a two-way cross join of 4·10^10 rows ended in ~4 s on a fast run, before a 5 s limit).
const LONG = 'SELECT count(*) AS n FROM range(100000) a, range(100000) b, range(100000) c';

function attacks(L: string): string[] {
  return [
    // The bypasses.
    `SELECT $$'$$ AS a; CREATE TABLE pwned AS SELECT 42 AS x; SELECT 1 --'`,
    `SELECT $$'$$ AS a; DELETE FROM reports_base; SELECT 1 --'`,
    `SELECT $tag$'$tag$ AS a; SET autoload_known_extensions=true; SELECT 1 --'`,
    `SELECT * FROM "${L}/quoted.csv"`,
    `SELECT * FROM read_csv('${L}/fn.csv')`,
    `SELECT * FROM '${L}/string.csv'`,
    // More: comments, nested dollar quotes, file readers, engine statements.
    `/* ; */ SELECT 1 -- ;\n; DELETE FROM cells_base`,
    `SELECT $a$ $b$ ' $b$ $a$ AS a; DROP TABLE findings_base; SELECT 1 --'`,
    `SELECT * FROM read_parquet('${L}/x.parquet')`,
    `SELECT * FROM read_json_auto('${L}/x.json')`,
    `SELECT * FROM glob('${L}/*')`,
    `SELECT * FROM glob('/*')`,
    `ATTACH '${L}/x.db' AS x`,
    `ATTACH ':memory:' AS scratch`,
    `COPY (SELECT 1) TO '${L}/copy.csv'`,
    `SELECT $$'$$ AS a; COPY (SELECT 1) TO '${L}/copy.csv'; SELECT 1 --'`,
    `EXPORT DATABASE '${L}/dump'`,
    'INSTALL httpfs',
    'LOAD httpfs',
    'CALL checkpoint()',
    'SET enable_external_access = true',
    'SET autoload_known_extensions = true',
    'RESET lock_configuration',
    'PRAGMA enable_profiling',
    'DELETE FROM reports_user',
    'INSERT INTO reports_base SELECT * FROM reports_base',
    'CREATE TABLE pwned AS SELECT 1',
    'DROP VIEW reports',
    'PIVOT (SELECT year, unit FROM reports) ON year USING count(*)',
    `WITH t AS (SELECT 1) SELECT * FROM t; INSTALL httpfs; --`,
  ];
}

/** Everything an attack could change, read through the console itself. */
const STATE_SQL = `SELECT
  (SELECT count(*) FROM reports)::INTEGER AS reports, (SELECT count(*) FROM cells)::INTEGER AS cells,
  (SELECT count(*) FROM findings)::INTEGER AS findings, (SELECT count(*) FROM reports_base)::INTEGER AS reports_base,
  (SELECT count(*) FROM cells_base)::INTEGER AS cells_base, (SELECT count(*) FROM findings_base)::INTEGER AS findings_base,
  (SELECT count(*) FROM reports_user)::INTEGER AS reports_user,
  (SELECT string_agg(table_name, ',' ORDER BY table_name) FROM duckdb_tables()) AS tables,
  (SELECT string_agg(database_name, ',' ORDER BY database_name) FROM duckdb_databases()) AS databases,
  current_setting('enable_external_access') AS external, current_setting('autoload_known_extensions') AS autoload,
  current_setting('autoinstall_known_extensions') AS autoinstall, current_setting('lock_configuration') AS locked`;

async function runAndWait(v: Visit, sql: string): Promise<void> {
  await v.page.fill('[data-sql-input]', sql);
  await v.page.click('[data-run]');
  await v.page.waitForFunction(() => !document.querySelector('[data-run]')?.hasAttribute('disabled')
    && !!document.querySelector('[data-refused], [data-query-error], table[data-result], [data-stopped]'), null, { timeout: 45_000 });
}

async function resultRow(v: Visit): Promise<Record<string, string>> {
  return v.page.$eval('table[data-result]', (t) => {
    const head = [...t.querySelectorAll('thead th')].map((th) => th.textContent ?? '');
    const cells = [...t.querySelectorAll('tbody tr:first-child td')].map((td) => td.textContent ?? '');
    return Object.fromEntries(head.map((h, i) => [h, cells[i]]));
  });
}

describe('security in Chromium', () => {
  const suite = siteSuite();
  const leaks: string[] = [];
  let leak: Server;
  let L = '';
  beforeAll(async () => {
    leak = createServer((req, res) => {
      leaks.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'text/csv', 'access-control-allow-origin': '*' }).end('a\n1\n');
    });
    await new Promise<void>((ok) => leak.listen(0, '127.0.0.2', ok));
    const addr = leak.address();
    L = `http://127.0.0.2:${typeof addr === 'object' && addr ? addr.port : 0}`;
  });
  afterAll(() => new Promise<void>((ok) => leak.close(() => ok())));

  async function go(path: string): Promise<Visit> {
    return suite.track(await visitView(suite.server, path));
  }

  it('refuses every attack in Chinese; no table, row or setting changes; nothing leaves the page', async () => {
    const v = await go('/sql');
    await runAndWait(v, STATE_SQL);
    const before = await resultRow(v);
    const [truth] = await suite.db.rows('SELECT (SELECT count(*) FROM reports)::INTEGER AS r, (SELECT count(*) FROM cells)::INTEGER AS c, (SELECT count(*) FROM findings)::INTEGER AS f');
    expect([before.reports, before.cells, before.findings]).toEqual([String(truth.r), String(truth.c), String(truth.f)]);
    expect([before.external, before.autoload, before.autoinstall, before.locked]).toEqual(['false', 'false', 'false', 'true']);

    for (const sql of attacks(L)) {
      await runAndWait(v, sql);
      expect(await v.page.locator('table[data-result]').count(), sql).toBe(0);
      expect(await v.page.textContent('[data-refused]'), sql).toMatch(/^(拒绝执行|一次只能运行一条语句)/);
    }
    await runAndWait(v, STATE_SQL);
    expect(await resultRow(v)).toEqual(before);
    expect(leaks).toEqual([]);
    expectClean(v);
  }, 300_000);

  it('a /sql?sql= link fills the box and runs nothing until the reader clicks 运行', async () => {
    for (const sql of [`SELECT * FROM read_csv('${L}/link.csv')`, LONG]) {
      const v = await go(`/sql?${new URLSearchParams({ sql })}`);
      expect(await v.page.inputValue('[data-sql-input]')).toBe(sql);
      await v.page.waitForSelector('[data-link-pending]');
      // Whatever the page would do by itself it has had the time to start.
      await v.page.waitForTimeout(1500);
      expect(await v.page.locator('[data-cancel], [data-refused], [data-query-error], table[data-result], [data-stopped]').count()).toBe(0);
      expect(await v.page.isEnabled('[data-run]')).toBe(true);
      expect(leaks).toEqual([]);
      expectClean(v);
    }
  }, 180_000);

  it('cancels a long query on request, and the console works after', async () => {
    const v = await go('/sql');
    await v.page.fill('[data-sql-input]', LONG);
    await v.page.click('[data-run]');
    await v.page.click('[data-cancel]');
    await v.page.waitForSelector('[data-stopped]');
    expect(await v.page.textContent('[data-stopped]')).toMatch(/查询已取消/);
    await runAndWait(v, 'SELECT 42 AS x');
    expect((await resultRow(v)).x).toBe('42');
    expectClean(v);
  }, 180_000);

  it('stops a running query at its time limit, and the console works after', async () => {
    const v = await go('/sql');
    await v.page.selectOption('[data-filter="limit"]', '5');
    await v.page.fill('[data-sql-input]', LONG);
    const started = Date.now();
    await v.page.click('[data-run]');
    await v.page.waitForSelector('[data-stopped]', { timeout: 25_000 });
    const took = Date.now() - started;
    expect(await v.page.textContent('[data-stopped]')).toMatch(/超过 5 秒的时间上限，已停止/);
    // Stopped by the limit, not before it.
    expect(took).toBeGreaterThanOrEqual(5_000);
    await runAndWait(v, 'SELECT 7 AS y');
    expect((await resultRow(v)).y).toBe('7');
    expectClean(v);
  }, 180_000);

  it('has the CSP in force on every page (meta and header), with no violation or console error', async () => {
    const pages = readdirSync(SITE_DIR.test).filter((f) => f.endsWith('.html')).map((f) => (f === 'index.html' ? '/' : `/${f.replace(/\.html$/, '')}`));
    expect(pages).toEqual(expect.arrayContaining(['/', '/sql', '/import', '/compare', '/unit']));
    for (const path of pages) {
      const v = suite.track(await visit(suite.server, async (p) => {
        await p.addInitScript(() => {
          (window as unknown as { __violations: string[] }).__violations = [];
          document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __violations: string[] }).__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
        });
      }, path));
      const res = await v.page.reload({ waitUntil: 'networkidle' });
      expect(res?.headers()['content-security-policy'], path).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
      expect(res?.headers()['x-content-type-options'], path).toBe('nosniff');
      expect(res?.headers()['referrer-policy'], path).toBe('no-referrer');
      expect(await v.page.locator('meta[http-equiv="content-security-policy"]').count(), path).toBe(1);
      // In force: injected code and a request to another host are both blocked.
      const violations = await v.page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
      expect(violations, path).toEqual([]);
      // In force: an injected inline script does not run, a request to another host is blocked.
      const probe = await v.page.evaluate(async (url) => {
        const s = document.createElement('script');
        s.textContent = 'window.__injected = true';
        document.head.append(s);
        const fetched = await fetch(url).then(() => true, () => false);
        return { injected: (window as unknown as { __injected?: boolean }).__injected ?? false, fetched };
      }, `${L}/probe`);
      expect(probe, path).toEqual({ injected: false, fetched: false });
      // The two refusals just provoked are the only console errors.
      expect(v.consoleErrors.filter((e) => !/Content Security Policy|Failed to fetch|127\.0\.0\.2/.test(e)), path).toEqual([]);
      await v.browser.close();
    }
    expect(leaks).toEqual([]);
  }, 400_000);

  it('keeps the import worker parsing a PDF under the CSP', async () => {
    const v = suite.track(await visit(suite.server, async (p) => {
      await p.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation ${e.violatedDirective} ${e.blockedURI}`)));
    }, '/import'));
    await v.page.waitForSelector('section[data-engine="ready"]', { timeout: 120_000 });
    const name = 'huaian-hongze-2024.pdf';
    await v.page.setInputFiles('input[name="reports"]', [{ name, mimeType: 'application/pdf', buffer: readFileSync(resolve('..', 'shared', 'corpus', 'reports', name)) }]);
    await v.page.waitForSelector(`.batch li[data-file="${name}"][data-status]:not([data-status="queued"]):not([data-status="parsing"])`, { timeout: 45_000 });
    expect(await v.page.getAttribute(`.batch li[data-file="${name}"]`, 'data-status')).not.toBe('failed');
    await v.page.waitForSelector('section.review');
    expect(leaks).toEqual([]);
    expectClean(v);
  }, 240_000);
});
