/**
 * The pages a shared link or the menu opens, for bench:app: each chart page opened cold by its
 * own URL (a fresh profile per run), and a reader moving through the menu once the site is up.
 * A chart counts as drawn once ECharts has painted into it (non-blank canvas pixels), timed in
 * the page itself.
 */
import { benchBrowser } from './bench-browser';
import { freshBrowser } from '../tests/support/browser';
import { MARKS } from '../src/lib/data/marks';

export const DEEP_LINKS = ['compare', 'applications', 'review', 'procurement'];
export const MENU_WALK = ['/compare', '/applications', '/review', '/procurement', '/'];

// Plain JavaScript in strings: tsx would wrap named helpers inside page.evaluate in a __name()
// the page does not have.
const DRAWN_IN_PAGE = `(el) => {
  const c = el.querySelector('canvas');
  if (!c || !c.width) return false;
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  for (let i = 3; i < d.length; i += 64) if (d[i] !== 0) return true;
  return false;
}`;

/** Clicks the menu entry and resolves with the ms until a chart of the new page is drawn. */
const CLICK_AND_TIME = `(href) => new Promise((done, fail) => {
  const drawn = ${DRAWN_IN_PAGE};
  for (const el of document.querySelectorAll('[_echarts_instance_]')) el.setAttribute('data-bench-old', '');
  const link = [...document.querySelectorAll('header nav a')].find((a) => new URL(a.href).pathname.replace(/\\/$/, '') === new URL(href, location.href).pathname.replace(/\\/$/, ''));
  if (!link) return fail(new Error('no menu entry for ' + href));
  const t0 = performance.now();
  const limit = t0 + 20000;
  link.click();
  const tick = () => {
    const fresh = [...document.querySelectorAll('[_echarts_instance_]:not([data-bench-old])')];
    if (fresh.some(drawn)) done(performance.now() - t0);
    else if (performance.now() > limit) fail(new Error('no chart drawn after opening ' + href));
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})`;

/**
 * One cold visit of a page by its URL: ms from navigation start to its first paint (which shows
 * the chart drawn at build time, when the page's HTML has one for this URL), to the build's
 * drawing of the URL's state painted (null when the build drew none for it) and to its first
 * ECharts chart.
 */
export async function deepLink(base: string, path: string): Promise<{ paint: number; chart: number; drawing: number | null }> {
  const browser = await benchBrowser();
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(new URL(path, base).href);
    await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, MARKS.firstChart, { timeout: 60_000 });
    return await page.evaluate(([m, s]) => ({
      paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      chart: performance.getEntriesByName(m)[0].startTime,
      drawing: performance.getEntriesByName(s)[0]?.startTime ?? null,
    }), [MARKS.firstChart, MARKS.staticChart]);
  } finally {
    await browser.close();
  }
}

/** Links with URL state (a place, a measure): the default view drawn at build time does not apply, the state's drawing may. */
export const STATE_LINKS = ['review?province=32', 'compare?measure=granted'];

/**
 * The overview opened, DuckDB up (a reader who has looked at it), then each menu entry of
 * MENU_WALK clicked in turn: ms from the click to the new page's chart, per step.
 */
export async function menuWalk(base: string): Promise<{ to: string; ms: number }[]> {
  const browser = await freshBrowser();
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(base);
    await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, MARKS.duckdbChart, { timeout: 60_000 });
    const steps: { to: string; ms: number }[] = [];
    for (const to of MENU_WALK) {
      steps.push({ to, ms: (await page.evaluate(`(${CLICK_AND_TIME})(${JSON.stringify(to)})`)) as number });
      await page.waitForTimeout(300);
    }
    return steps;
  } finally {
    await browser.close();
  }
}
