import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { siteSuite } from './site';
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
