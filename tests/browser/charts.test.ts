/**
 * Charts a reader can use: a tooltip on hover with value, unit and state; legends in exports;
 * the four empty states in their own words; and at 390 px no page scrolls sideways and no two
 * axis labels overlap.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { siteSuite, waitForDuckDB } from './site';
import { waitForChart } from './views';

const ROUTES = ['/', '/applications', '/compare', '/coverage', '/download', '/import', '/national', '/print', '/procurement', '/quality', '/review', '/sql', '/unit'];
const PHONE = { width: 390, height: 844 };

/**
 * Boxes of every visible axis label of every chart on the page, per chart, in the chart's
 * pixels. zrender draws a label as a `text` element (anid `label_…`) whose drawn pieces are
 * `tspan`s in the display list; the tspans carry the boxes.
 */
function axisLabelBoxes(page: Page) {
  return page.evaluate(() => {
    type El = { anid?: string; ignore?: boolean; invisible?: boolean; style?: { text?: string; opacity?: number }; type?: string;
      getBoundingRect(): { x: number; y: number; width: number; height: number }; getComputedTransform(): number[] | null;
      parent?: El };
    const w = window as unknown as { __gongkaiCharts: Record<string, { getZr(): { storage: { getDisplayList(update: boolean): El[] } } }> };
    const shown = (el: El) => !el.ignore && !el.invisible && (el.style?.opacity ?? 1) > 0;
    const out: Record<string, Box[]> = {};
    for (const [name, chart] of Object.entries(w.__gongkaiCharts ?? {})) {
      const list = chart.getZr().storage.getDisplayList(true);
      out[name] = list
        .filter((el) => el.type === 'tspan' && el.parent && /^label_/.test(el.parent.anid ?? '') && shown(el) && shown(el.parent) && el.style?.text)
        .map((el) => {
          const r = el.getBoundingRect();
          const m = el.getComputedTransform() ?? [1, 0, 0, 1, 0, 0];
          // A rotated label is a rotated rectangle: its four corners, not an upright box around it.
          const corners = [[r.x, r.y], [r.x + r.width, r.y], [r.x + r.width, r.y + r.height], [r.x, r.y + r.height]]
            .map(([x, y]) => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]]);
          const xs = corners.map((c) => c[0]);
          const ys = corners.map((c) => c[1]);
          const x = Math.min(...xs), y = Math.min(...ys);
          return { text: el.style?.text ?? '', corners, x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y };
        });
    }
    return out;
  });
}

interface Box { text: string; corners: number[][]; x: number; y: number; w: number; h: number }

/** How far two convex polygons overlap along their axes (separating axis theorem); ≤ 0: apart. */
function depth(a: number[][], b: number[][]): number {
  let least = Infinity;
  for (const poly of [a, b]) {
    for (let i = 0; i < poly.length; i++) {
      const [x1, y1] = poly[i];
      const [x2, y2] = poly[(i + 1) % poly.length];
      const len = Math.hypot(x2 - x1, y2 - y1) || 1;
      const [nx, ny] = [(y1 - y2) / len, (x2 - x1) / len];
      const pa = a.map(([x, y]) => x * nx + y * ny);
      const pb = b.map(([x, y]) => x * nx + y * ny);
      least = Math.min(least, Math.min(Math.max(...pa), Math.max(...pb)) - Math.max(Math.min(...pa), Math.min(...pb)));
    }
  }
  return least;
}

/** Pairs of labels whose drawn (possibly rotated) boxes overlap by more than a pixel. */
function overlaps(boxes: Box[]): string[] {
  const bad: string[] = [];
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => {
    if (depth(a.corners, b.corners) > 1) bad.push(`${a.text} × ${b.text}`);
  }));
  return bad;
}

describe('charts in Chromium', () => {
  const suite = siteSuite();

  it('at 390 px no page scrolls sideways, and no two axis labels of a chart overlap', async () => {
    const wide: string[] = [];
    const crowded: string[] = [];
    for (const route of ROUTES) {
      const v = await suite.go(route, (p) => p.setViewportSize(PHONE));
      // A page whose HTML carries a drawing shows it until the page's own first chart is drawn;
      // until then the page may not even be mounted (no loading text to wait for yet).
      await v.page.waitForFunction(() => !document.getElementById('gk-first'), null, { timeout: 20_000 }).catch(() => {});
      // Settled: the page's data have arrived (no 加载 text) or 20 s passed.
      await v.page.waitForFunction(() => !/加载中|正在加载|正在读取|启动/.test(document.body.innerText), null, { timeout: 20_000 }).catch(() => {});
      await v.page.waitForFunction(() => [...document.querySelectorAll('section[data-ready]')].every((s) => !/^(false|no)$/.test(s.getAttribute('data-ready') ?? '')), null, { timeout: 30_000 }).catch(() => {});
      await v.page.waitForTimeout(800);
      const { sw, iw } = await v.page.evaluate(() => ({ sw: document.documentElement.scrollWidth, iw: window.innerWidth }));
      if (sw > iw) wide.push(`${route} ${sw}px`);
      const charts = Object.entries(await axisLabelBoxes(v.page));
      // The chart pages must show labels to compare at all (a chart still drawing may have none yet).
      const found = charts.reduce((n, [, boxes]) => n + boxes.length, 0);
      if (found < 2 && /^\/(applications|compare|procurement|review)?$/.test(route)) crowded.push(`${route}: only ${found} axis labels found`);
      for (const [chart, boxes] of charts) {
        const bad = overlaps(boxes);
        if (bad.length) crowded.push(`${route} ${chart}: ${bad.slice(0, 3).join('; ')}`);
      }
      await v.browser.close();
    }
    expect(wide).toEqual([]);
    expect(crowded).toEqual([]);
  }, 600_000);

  it('at 1400 px no table of a page is cut: none scrolls sideways', async () => {
    const cut: string[] = [];
    for (const route of ['/', '/applications', '/review', '/procurement', '/compare', '/coverage', '/quality', '/unit',
      `/unit?u=${encodeURIComponent('350128|平潭综合实验区')}&y=2024`]) {
      const v = await suite.go(route, (p) => p.setViewportSize({ width: 1400, height: 900 }));
      await v.page.waitForFunction(() => [...document.querySelectorAll('section[data-ready]')].every((s) => !/^(false|no)$/.test(s.getAttribute('data-ready') ?? '')), null, { timeout: 30_000 });
      // Tables folded in <details> count too: the reader opens them.
      await v.page.$$eval('details', (ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      await v.page.waitForTimeout(300);
      const wide = await v.page.$$eval('.table-scroll', (els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1)
        .map((e) => `${e.querySelector('caption')?.textContent ?? e.querySelector('table')?.getAttribute('data-table') ?? '?'} ${e.scrollWidth}>${e.clientWidth}`));
      for (const w of wide) cut.push(`${route}: ${w}`);
      await v.browser.close();
    }
    expect(cut).toEqual([]);
  }, 400_000);

  it('the 241-option measure menu of 对比 does not widen a phone page', async () => {
    const v = await suite.go('/compare?measure=t2.procurement.amount_yuan', (p) => p.setViewportSize(PHONE));
    await waitForChart(v.page, 'compare-bars');
    const menu = await v.page.$eval('select[data-control="measure"]', (s) => ({ n: (s as HTMLSelectElement).options.length, right: s.getBoundingClientRect().right }));
    expect(menu.n).toBeGreaterThan(200);
    expect(menu.right).toBeLessThanOrEqual(PHONE.width);
    expect(await v.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  }, 180_000);

  it('a hover shows a tooltip with the value, its unit and, for a gap, its state', async () => {
    const v = await suite.go('/');
    await waitForDuckDB(v.page);
    const box = (await v.page.locator('[data-chart="headline"]').boundingBox())!;
    let tip = '';
    for (const fx of [0.2, 0.4, 0.6, 0.8]) {
      await v.page.mouse.move(box.x + box.width * fx, box.y + box.height * 0.5);
      tip = await v.page.evaluate(() => [...document.querySelectorAll('[data-chart="headline"] div')]
        .filter((d) => getComputedStyle(d).position === 'absolute' && getComputedStyle(d).display !== 'none' && /\d/.test((d as HTMLElement).innerText))
        .map((d) => (d as HTMLElement).innerText).join('\n')).catch(() => '');
      if (/件/.test(tip)) break;
      await v.page.waitForTimeout(300);
    }
    expect(tip).toMatch(/\d+ 件/);
    // Every year of the dataset is a series; a body without a report in one of them says so.
    const years = await v.page.$$eval('[data-legend="headline"] li:not([data-mark-key])', (lis) => lis.map((l) => l.textContent!.trim()));
    const lines = tip.split('\n').filter((l) => years.some((y) => l.startsWith(y)));
    expect(lines.length).toBe(years.length);
    for (const l of lines) expect(l).toMatch(/\d+ 件|无此年报|未填报/);
    expect(v.consoleErrors).toEqual([]);
  }, 180_000);

  it('explains in the legend, on screen and in the exported SVG, the marks it draws; a category label shows its full name on hover', async () => {
    const v = await suite.go('/');
    await waitForDuckDB(v.page);
    // 洪泽区 2023 breaks a 勾稽 rule in the shipped data, so its bar carries ※.
    const keys = await v.page.$$eval('[data-legend="headline"] [data-mark-key]', (lis) => lis.map((l) => l.textContent!.trim()));
    expect(keys).toContain('※ 该报告有勾稽不符');
    await v.page.click('[data-export-menu="headline"] summary');
    const [download] = await Promise.all([v.page.waitForEvent('download'), v.page.click('[data-export-menu="headline"] [data-export="svg"]')]);
    const svg = readFileSync((await download.path())!, 'utf8');
    expect([...svg.matchAll(/data-role="legend-mark">([^<]*)</g)].map((m) => m[1])).toEqual(keys);

    // The category labels (the value axis' are numbers); one of them is cut (…).
    const labels = (await axisLabelBoxes(v.page)).headline.filter((b) => !/^[\d,]+$/.test(b.text));
    expect(labels.length).toBeGreaterThan(3);
    const names = await v.page.evaluate(() => {
      const w = window as unknown as { __gongkaiCharts: Record<string, { getOption(): { dataset: { source: { label: string[] } }[] } }> };
      return w.__gongkaiCharts.headline.getOption().dataset[0].source.label;
    });
    const box = (await v.page.locator('[data-chart="headline"]').boundingBox())!;
    const first = labels.find((b) => /…|\.\.\.$/.test(b.text)) ?? labels[0];
    await v.page.mouse.move(box.x + first.x + first.w / 2, box.y + first.y + first.h / 2);
    await v.page.waitForSelector('[data-axis-tip="headline"]', { timeout: 5_000 });
    const tip = (await v.page.textContent('[data-axis-tip="headline"]'))!.trim();
    expect(names).toContain(tip);
    // The drawn label is the name, or its start cut with an ellipsis.
    expect(tip.startsWith(first.text.replace(/(…|\.\.\.)$/, ''))).toBe(true);
    await v.page.mouse.move(box.x + 2, box.y + 2);
    await v.page.waitForSelector('[data-axis-tip="headline"]', { state: 'detached', timeout: 5_000 });
    expect(v.consoleErrors).toEqual([]);
  }, 180_000);

  it('names the four empty states in one vocabulary, each explained once on the page', async () => {
    const v = await suite.go('/applications');
    await waitForChart(v.page, 'applications-rate');
    const note = (await v.page.textContent('[data-note="states"]')) ?? '';
    for (const w of ['无此年报', '未填报', '表格无此项', '无法计算（0 件）']) expect(note.split(w).length - 1, w).toBe(1);
    expect(await v.page.locator('[data-note="states"]').count()).toBe(1);
    // The old words are gone from the page.
    const text = await v.page.evaluate(() => document.body.innerText);
    expect(text).not.toMatch(/未报告|无报告/);
  }, 180_000);

  it('exports an SVG of the outcome composition whose legend names all six outcomes', async () => {
    const v = await suite.go('/applications');
    await waitForChart(v.page, 'applications-composition');
    await v.page.click('[data-export-menu="applications-composition"] summary');
    const [download] = await Promise.all([v.page.waitForEvent('download'),
      v.page.click('[data-export-menu="applications-composition"] [data-export="svg"]')]);
    const svg = readFileSync((await download.path())!, 'utf8');
    const legend = [...svg.matchAll(/data-role="legend">([^<]*)</g)].map((m) => m[1]);
    expect(legend).toEqual(['予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他处理']);
  }, 180_000);
});
