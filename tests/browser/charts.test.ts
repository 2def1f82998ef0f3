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

const ROUTES = ['/', '/applications', '/compare', '/coverage', '/download', '/import', '/print', '/procurement', '/quality', '/review', '/sql', '/unit'];
const PHONE = { width: 390, height: 844 };

/** Boxes of every visible axis label of every chart on the page, per chart, in page pixels. */
function axisLabelBoxes(page: Page) {
  return page.evaluate(() => {
    type El = { anid?: string; ignore?: boolean; invisible?: boolean; style?: { text?: string; opacity?: number }; type?: string;
      getBoundingRect(): { clone(): { applyTransform(m: unknown): void; x: number; y: number; width: number; height: number } }; getComputedTransform(): unknown;
      parent?: El; __zr?: unknown };
    const w = window as unknown as { __gongkaiCharts: Record<string, { getZr(): { storage: { getDisplayList(update: boolean): El[] } } }> };
    const out: Record<string, { text: string; x: number; y: number; w: number; h: number }[]> = {};
    for (const [name, chart] of Object.entries(w.__gongkaiCharts ?? {})) {
      const list = chart.getZr().storage.getDisplayList(true);
      out[name] = list
        .filter((el) => el.type === 'text' && !el.ignore && !el.invisible && (el.style?.opacity ?? 1) > 0 && /^label_/.test(el.anid ?? ''))
        .map((el) => {
          const r = el.getBoundingRect().clone();
          r.applyTransform(el.getComputedTransform());
          return { text: el.style?.text ?? '', x: r.x, y: r.y, w: r.width, h: r.height };
        });
    }
    return out;
  });
}

function overlaps(boxes: { text: string; x: number; y: number; w: number; h: number }[]): string[] {
  const bad: string[] = [];
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => {
    const ix = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
    const iy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
    if (ix > 1 && iy > 1) bad.push(`${a.text} × ${b.text}`);
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
      // Settled: the page's data have arrived (no 加载 text) or 20 s passed.
      await v.page.waitForFunction(() => !/加载中|正在加载|正在读取|启动/.test(document.body.innerText), null, { timeout: 20_000 }).catch(() => {});
      await v.page.waitForTimeout(800);
      const { sw, iw } = await v.page.evaluate(() => ({ sw: document.documentElement.scrollWidth, iw: window.innerWidth }));
      if (sw > iw) wide.push(`${route} ${sw}px`);
      for (const [chart, boxes] of Object.entries(await axisLabelBoxes(v.page))) {
        const bad = overlaps(boxes);
        if (bad.length) crowded.push(`${route} ${chart}: ${bad.slice(0, 3).join('; ')}`);
      }
      await v.browser.close();
    }
    expect(wide).toEqual([]);
    expect(crowded).toEqual([]);
  }, 600_000);

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
    const years = await v.page.$$eval('[data-legend="headline"] li', (lis) => lis.map((l) => l.textContent!.trim()));
    const lines = tip.split('\n').filter((l) => years.some((y) => l.startsWith(y)));
    expect(lines.length).toBe(years.length);
    for (const l of lines) expect(l).toMatch(/\d+ 件|无此年报|未填报/);
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
