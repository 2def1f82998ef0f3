/**
 * The dashboard itself on a dataset too large to draw per body: a synthetic province (宁夏, every
 * township, 2019–2025; `npm run data:synthetic -- --site`) built into its own site. The overview
 * sums by city, first from its build-time drawing, then from DuckDB, to the figures worked out
 * here from the province's detail rows; its links lead into the drill-down.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../scripts/static-server';
import { requireBuiltSite, visit, type Visit } from './site';
import { chartOption, foreignRequests } from './views';

type Row = Record<string, any>;
const PROVINCE = '64';
const SITE = 'build-scale';

describe('the dashboard on a province of 1,500 bodies (synthetic)', () => {
  let dir: string;
  let server: StaticServer;
  let detail: Row[];
  const visits: Visit[] = [];
  const go = async (path: string) => {
    const v = await visit(server, undefined, path);
    visits.push(v);
    return v;
  };

  beforeAll(async () => {
    requireBuiltSite();
    dir = mkdtempSync(join(tmpdir(), 'gongkai-scale-site-'));
    const gen = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/data-synthetic.ts', '--province', PROVINCE, '--out', dir, '--site'], { encoding: 'utf8' });
    expect(gen.status, gen.stderr).toBe(0);
    detail = tableFromIPC(readFileSync(join(dir, 'tiers', 'detail', `province=${PROVINCE}.arrow`))).toArray().map((r) => r.toJSON());
    const env = { ...process.env, GONGKAI_DATA: join(dir, 'site'), GONGKAI_TEST_HOOKS: '1', GONGKAI_SITE_OUT: SITE };
    const build = spawnSync('npx', ['vite', 'build'], { encoding: 'utf8', env });
    expect(build.status, build.stderr.slice(-2000)).toBe(0);
    server = await serveStatic(SITE);
  }, 400_000);
  afterAll(async () => {
    for (const v of visits) await v.browser.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(SITE, { recursive: true, force: true });
  });

  /** Received in `year`, summed per city (a body at the province itself: its own row), worked out here. */
  function receivedByCity(year: number): Map<string, number> {
    const out = new Map<string, number>();
    for (const r of detail.filter((x) => x.year === year && x.division_code.length > 2)) {
      out.set(r.division_code.slice(0, 4), (out.get(r.division_code.slice(0, 4)) ?? 0) + r.received);
    }
    return out;
  }

  it('总览 draws the cities, not 1,500 bodies: in its HTML at once, then from DuckDB, with the same figures', async () => {
    const html = readFileSync(join(SITE, 'index.html'), 'utf8');
    expect(html).toContain('银川市');
    expect(html.length).toBeLessThan(200_000);

    const v = await go('/');
    await v.page.waitForSelector('section[data-source="duckdb"]', { timeout: 60_000 });
    await v.page.waitForFunction(() => !!(window as unknown as { __gongkaiCharts?: Record<string, unknown> }).__gongkaiCharts?.headline);
    const want = receivedByCity(2025);
    const o = await chartOption(v.page, 'headline');
    const source = o.dataset[0].source as { label: string[]; value: (number | null)[]; unit_key: string[] };
    const got = new Map(source.unit_key.map((k, i): [string, number | null] => [k, source.value[i]]).filter(([k]) => !k.startsWith('unit:')));
    expect(got).toEqual(want);
    expect(source.label).toContain('银川市');
    // The coverage matrix lists the cities and the province's own bodies, not every body.
    const rows = await v.page.locator('table[data-region-matrix] tbody tr').count();
    expect(rows).toBe(want.size + 1);
    expect(v.consoleErrors).toEqual([]);
    expect(foreignRequests(v)).toEqual([]);
  });

  it('a city on the overview leads to 对比’s drill-down there, which lists its counties', async () => {
    const v = await go('/');
    await v.page.waitForSelector('table[data-region-matrix] a[data-drill="6401"]', { timeout: 60_000 });
    await v.page.click('p.scale a');
    await v.page.waitForSelector(`section.drill[data-drill-place="${PROVINCE}"][data-drill-ready="yes"]`, { timeout: 60_000 });
    await v.page.click('table.regions a[data-drill="6401"]');
    await v.page.waitForSelector('section.drill[data-drill-place="6401"][data-drill-ready="yes"]', { timeout: 60_000 });
    const counties = await v.page.locator('table.regions tbody tr[data-region]').evaluateAll((els) => els.map((e) => e.getAttribute('data-region')));
    expect(counties.length).toBeGreaterThan(0);
    expect(counties.every((c) => c!.startsWith('6401') || c!.startsWith('unit:'))).toBe(true);
    expect(v.consoleErrors).toEqual([]);
  });

  it('对比 opened without a place shows the province’s cities, not one bar for 宁夏 at 全国 — in its HTML and live', async () => {
    const html = readFileSync(join(SITE, 'compare.html'), 'utf8');
    expect(html).toContain('银川市');
    const v = await go('/compare');
    await v.page.waitForSelector(`section.drill[data-drill-place="${PROVINCE}"][data-drill-ready="yes"]`, { timeout: 60_000 });
    const rows = await v.page.locator('table.regions tbody tr[data-region]').evaluateAll((els) => els.map((e) => e.getAttribute('data-region')));
    expect(rows).toContain('6401');
    expect(rows.every((c) => c!.startsWith(PROVINCE) || c!.startsWith('unit:'))).toBe(true);
    // 全国 is on the trail as text: a link there would lead back to this same view.
    expect(await v.page.locator('[data-crumbs] [data-crumb=""]').evaluate((e) => e.tagName)).toBe('SPAN');
    expect(await v.page.locator('[data-crumbs] [aria-current="page"]').textContent()).toBe('宁夏回族自治区');
    expect(v.consoleErrors).toEqual([]);
    expect(foreignRequests(v)).toEqual([]);
  });
});
