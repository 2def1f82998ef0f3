import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chartSource, siteSuite } from './site';
import { MARKS } from '../../src/lib/data/marks';

const PHONE = { width: 390, height: 800 };
/** No script loads: what the HTML alone shows, as on a slow link before the scripts arrive. */
async function noScripts(p: Page): Promise<void> {
  await p.route(/\.js(\?.*)?$/, (r) => r.abort());
}

describe('the overview before its scripts run', () => {
  const suite = siteSuite();

  it('shows the headline chart drawn at build time, with every body, every year and the totals', async () => {
    const v = await suite.go('/', noScripts);
    const svg = v.page.locator('#gk-first [data-static-chart="headline"] svg');
    await svg.waitFor({ state: 'visible' });
    const labels = await svg.locator('text').allTextContents();
    const bodies = await suite.db.rows('SELECT arg_max(unit, year) AS unit FROM reports GROUP BY unit_key');
    for (const b of bodies) {
      const name = String(b.unit).replace(/人民政府$/, '');
      expect(labels.some((l) => l.startsWith(name.slice(0, 4))), name).toBe(true);
    }
    // The value axis reaches the largest number of applications received.
    const [{ top }] = await suite.db.rows('SELECT max(apps__new__total)::DOUBLE AS top FROM reports');
    const ticks = labels.map((l) => Number(l.replace(/,/g, ''))).filter((n) => Number.isFinite(n));
    expect(Math.max(...ticks)).toBeGreaterThanOrEqual(Number(top));
    const years = (await suite.db.rows('SELECT DISTINCT year FROM reports ORDER BY year')).map((r) => String(r.year));
    expect(await v.page.locator('#gk-first figcaption li:not(.mark)').allTextContents()).toEqual(years);
    const [tot] = await suite.db.rows('SELECT count(DISTINCT unit_key)::INTEGER AS units, count(*)::INTEGER AS reports FROM reports');
    const totals = await v.page.locator('#gk-first dd').allTextContents();
    expect(totals.slice(0, 2)).toEqual([String(tot.units), String(tot.reports)]);
  });

  it('fits a phone screen', async () => {
    const v = await suite.go('/', async (p) => {
      await p.setViewportSize(PHONE);
      await noScripts(p);
    });
    await v.page.locator('#gk-first .phone svg').waitFor({ state: 'visible' });
    expect(await v.page.locator('#gk-first .wide').isVisible()).toBe(false);
    expect(await v.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });

  it('gives way to the page once its own chart is drawn, and covers nothing after', async () => {
    const v = await suite.go('/');
    await v.page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, MARKS.firstChart, { timeout: 45_000 });
    await v.page.waitForFunction(() => document.getElementById('gk-first') === null, null, { timeout: 5_000 });
    await v.page.click('header nav a[href$="compare"]');
    await v.page.waitForSelector('section[data-ready="yes"]', { timeout: 45_000 });
    expect(v.consoleErrors).toEqual([]);
  });
});

/** The pages whose first chart is their place summary (按地区汇总), and its measure's words. */
const DRILL_PAGES = [
  { path: '/compare', chart: 'compare-regions', live: 'compare-regions', measure: '收到申请' },
  { path: '/applications', chart: 'applications-regions', live: 'focus-regions', measure: '收到申请' },
  { path: '/review', chart: 'review-regions', live: 'focus-regions', measure: '复议纠错率' },
  { path: '/procurement', chart: 'procurement-regions', live: 'focus-regions', measure: '采购' },
];

/** A script the page's policy refused (the aborted script files log errors of their own). */
const refused = (e: string) => /Content Security Policy|inline script/i.test(e);

describe('a chart page opened by its link', () => {
  const suite = siteSuite();

  /**
   * The live page at `path` draws its place summary with the drawing's title word for word (same
   * measure, same year, same place) and bars the drawing has, then retires the drawing.
   */
  async function sameAsLive(path: string, chart: string, title: string, drawnLabels: string[]): Promise<void> {
    const live = await suite.go(path);
    await live.page.waitForSelector('section.drill[data-drill-ready="yes"]', { timeout: 45_000 });
    const caption = (await live.page.locator('table.regions caption').textContent()) ?? '';
    expect(caption.startsWith(title), `${caption} | ${title}`).toBe(true);
    const categories = ((await chartSource(live.page, chart)).label ?? []).map((l) => String(l).split('\n')[0]);
    expect(categories.length).toBeGreaterThan(0);
    for (const c of categories) expect(drawnLabels.some((l) => l.startsWith(c)), c).toBe(true);
    await live.page.waitForFunction(() => document.getElementById('gk-first') === null, null, { timeout: 10_000 });
    expect(live.consoleErrors).toEqual([]);
  }

  for (const p of DRILL_PAGES) {
    it(`${p.path} shows its place summary before any script, the same bars the page then draws`, async () => {
      const before = await suite.go(p.path, noScripts);
      const svg = before.page.locator(`#gk-first [data-static-chart="${p.chart}"] svg`);
      await svg.waitFor({ state: 'visible' });
      const title = (await before.page.locator('#gk-first figcaption .title').textContent()) ?? '';
      expect(title).toContain(p.measure);
      const drawnLabels = await svg.locator('text').allTextContents();

      await sameAsLive(p.path, p.live, title, drawnLabels);
    });
  }

  /** The labels of a drawing shown as an image: its SVG file, fetched from the site. */
  async function imageLabels(page: Page, img: string): Promise<string[]> {
    const src = await page.locator(img).getAttribute('src');
    expect(src).toBeTruthy();
    const svg = await page.evaluate((u) => fetch(u).then((r) => r.text()), src!);
    return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1].replace(/&amp;/g, '&'));
  }

  // A place (params in either order, as a hand-written link may put them) or another measure.
  const DRAWN_STATES = [
    { path: '/review?province=32', live: 'focus-regions', words: ['复议纠错率', '江苏'] },
    { path: '/applications?city=3501&province=35', live: 'focus-regions', words: ['收到申请', '平潭'] },
    { path: '/compare?measure=granted', live: 'compare-regions', words: ['予以公开'] },
  ];
  for (const st of DRAWN_STATES) {
    it(`${st.path}: shows the build's drawing of that state before any script, the bars the page then draws`, async () => {
      const before = await suite.go(st.path, noScripts);
      const img = `#gk-first .wide img`;
      await before.page.locator(img).waitFor({ state: 'visible' });
      // Painted, not a broken image.
      expect(await before.page.locator(img).evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBeGreaterThan(300);
      const title = (await before.page.locator('#gk-first figcaption .title').textContent()) ?? '';
      for (const w of st.words) expect(title, title).toContain(w);
      const drawnLabels = await imageLabels(before.page, img);
      expect(before.consoleErrors.filter(refused)).toEqual([]);

      await sameAsLive(st.path, st.live, title, drawnLabels);
    });
  }

  it('with a URL state on a phone, shows the phone drawing of that state, and the page does not scroll sideways', async () => {
    const v = await suite.go('/review?province=32', async (p) => {
      await p.setViewportSize(PHONE);
      await noScripts(p);
    });
    const img = v.page.locator('#gk-first .phone img');
    await img.waitFor({ state: 'visible' });
    expect(await img.evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBeGreaterThan(300);
    expect(await v.page.locator('#gk-first .wide').isVisible()).toBe(false);
    expect(await v.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });

  it('with a URL state the build did not draw, never shows a drawing of another view', async () => {
    const odd = ['/applications?units=x', '/review?province=35&level=county', '/review?province=35&x=%3C%2Fscript%3E', '/compare?measure=no_such_measure'];
    for (const path of odd) {
      const v = await suite.go(path, noScripts);
      await v.page.waitForLoadState('domcontentloaded');
      // Scripts from files are refused here: the page's own inline guard removed the block.
      expect(await v.page.locator('#gk-first').count(), path).toBe(0);
      expect(v.consoleErrors.filter(refused), path).toEqual([]);
    }
    // Without URL state the guard leaves the block in place, and the policy lets the guard run.
    const plain = await suite.go('/review', noScripts);
    await plain.page.waitForLoadState('domcontentloaded');
    expect(await plain.page.locator('#gk-first').count()).toBe(1);
    expect(await plain.page.locator('#gk-first img').count()).toBe(0);
    expect(plain.consoleErrors.filter(refused)).toEqual([]);
  });

  it('with state in its URL, asks at once for every module the view needs and for the answers index; without, for neither', async () => {
    const asked = async (path: string) => {
      const urls: string[] = [];
      const v = await suite.go(path, async (p) => {
        p.on('request', (r) => urls.push(new URL(r.url()).pathname));
        await noScripts(p);
      });
      await v.page.waitForLoadState('load');
      // A fetch preload may be issued after the load event (Chromium schedules it at low
      // priority): wait for it, up to a few seconds, rather than judge at the load event.
      const index = () => urls.includes('/data/answers/index.json');
      for (let t = 0; t < 40 && !index(); t++) await v.page.waitForTimeout(100);
      return { js: new Set(urls.filter((u) => u.endsWith('.js'))), index: index() };
    };
    // No script file runs here: what is asked for was asked by the HTML and its inline scripts.
    const withState = await asked('/review?province=35');
    const plain = await asked('/review');
    expect(withState.index).toBe(true);
    expect(plain.index).toBe(false);
    // Kit's own start (its inline script imports two entry files) and nothing else without state;
    // with state, the page's modules and the query service's (the page imports it once mounted).
    expect(plain.js.size).toBeLessThanOrEqual(2);
    expect(withState.js.size).toBeGreaterThan(10);
    const live = await suite.go('/review?province=35');
    await live.page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, MARKS.firstChart, { timeout: 30_000 });
    const { loaded, workers, bootFirst } = await live.page.evaluate(([chart, boot]) => {
      const drawn = performance.getEntriesByName(chart)[0].startTime;
      const before = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.startTime < drawn && new URL(e.name).pathname.endsWith('.js'));
      const booted = performance.getEntriesByName(boot)[0]?.startTime;
      return {
        // A worker's script is fetched for the worker, not the page (its initiator is "other").
        loaded: before.filter((e) => e.initiatorType !== 'other').map((e) => new URL(e.name).pathname),
        workers: before.filter((e) => e.initiatorType === 'other').map((e) => new URL(e.name).pathname),
        bootFirst: booted !== undefined && booted < drawn,
      };
    }, [MARKS.firstChart, MARKS.duckdbBoot]);
    expect(loaded.length).toBeGreaterThan(10);
    // Every module the page loaded until its first chart was among those asked for at once.
    for (const u of loaded) expect(withState.js.has(u), u).toBe(true);
    // Under the build's drawing, DuckDB's worker starts at once, not after the page's own chart.
    expect(bootFirst).toBe(true);
    expect(workers.some((u) => u.includes('duckdb-boot'))).toBe(true);
  });

  it('once DuckDB is up, has fetched the code of the menu\'s views: the first move to 对比 fetches no script', async () => {
    const v = await suite.go('/');
    await v.page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, MARKS.engineUp, { timeout: 30_000 });
    // The idle preload has run once no script has been asked for in 2 s (at most 20 s).
    const js = () => v.requests.filter((u) => new URL(u).pathname.endsWith('.js')).length;
    for (let n = -1, t = Date.now(); n !== js() && Date.now() - t < 20_000;) {
      n = js();
      await v.page.waitForTimeout(2000);
    }
    const before = v.requests.length;
    await v.page.click('header nav a[href="/compare"]');
    await v.page.waitForSelector('section[data-ready="yes"]', { timeout: 30_000 });
    const scripts = v.requests.slice(before).filter((u) => new URL(u).pathname.endsWith('.js'));
    expect(scripts).toEqual([]);
  });
});
