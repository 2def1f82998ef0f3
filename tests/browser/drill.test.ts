/**
 * The drill-down (issue 11, UI for 44 k units) on the shipped dataset: 对比 from the provinces
 * down to one body (by links and by a bar), back up by the trail and by the back button, the
 * place always in the URL; 覆盖's share of known bodies that reported, place × year. Expected
 * figures are written by hand from data/reports.parquet (see tests/data/regions.test.ts).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { siteSuite } from './site';
import { foreignRequests } from './views';

const params = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);

/** Until the summary of `place` is drawn from its own answer. */
async function drilled(page: Page, place: string): Promise<void> {
  await page.waitForSelector(`section.drill[data-drill-place="${place}"][data-drill-ready="yes"]`, { timeout: 45_000 });
}

const rowKeys = (page: Page) => page.locator('table.regions tbody tr[data-region]').evaluateAll((els) => els.map((e) => e.getAttribute('data-region')));
const cell = (page: Page, key: string, field: string) => page.textContent(`table.regions tr[data-region="${key}"] td[data-field="${field}"]`);
const trail = (page: Page) => page.locator('nav[data-crumbs] [data-crumb], nav[data-crumbs] [data-crumb-unit]').allTextContents();

describe('drill-down in Chromium', () => {
  const suite = siteSuite();

  it('对比: provinces summed, down to a township’s body, back by the trail and by the back button', async () => {
    const v = await suite.go('compare?year=2024');
    await drilled(v.page, '');
    expect(await rowKeys(v.page)).toEqual(expect.arrayContaining(['23', '31', '32', '35']));
    // 江苏 2024: 淮安市 3,119 + 洪泽区 95; 2023: 洪泽区 21 + 沭阳县发改局 26. 黑龙江 has no 2024 report.
    expect(await cell(v.page, '32', 'value')).toBe('3,214');
    expect(await cell(v.page, '32', 'previous')).toBe('47');
    expect(await cell(v.page, '32', 'counts')).toBe('2 / 2');
    expect(await cell(v.page, '23', 'value')).toBe('无此年报');
    expect(await trail(v.page)).toEqual(['全国']);

    // 黑龙江 holds one city, one county, one township: its link goes on to 柴河镇's bodies at once.
    await v.page.click('a[data-drill="23"]');
    await drilled(v.page, '231083104');
    expect(params(v.page)).toEqual({ year: '2024', province: '23' });
    expect(await trail(v.page)).toEqual(['全国', '黑龙江省', '牡丹江市', '海林市', '柴河镇']);
    // The steps passed through are text: a link there would lead back to this same view.
    expect(await v.page.locator('nav[data-crumbs] a[data-crumb]').allTextContents()).toEqual(['全国']);
    const body = '231083104|柴河镇人民政府';
    expect(await rowKeys(v.page)).toEqual([`unit:${body}`]);
    await v.page.click(`a[data-drill="unit:${body}"]`);
    await v.page.waitForSelector(`[data-crumb-unit="${body}"]`);
    expect(params(v.page).units).toBe(body);
    expect(await trail(v.page)).toEqual(['全国', '黑龙江省', '牡丹江市', '海林市', '柴河镇', '柴河镇人民政府']);
    // The ranking below now holds that body alone.
    await expect.poll(() => v.page.locator('table.rank tbody tr[data-unit-key]').evaluateAll((els) => els.map((e) => e.getAttribute('data-unit-key')))).toEqual([body]);

    // A deep link to a lower place of 黑龙江 opens there and goes on the same way.
    await v.page.goto(new URL('compare?year=2024&province=23&city=2310', v.page.url()).href);
    await drilled(v.page, '231083104');
    expect(await trail(v.page)).toEqual(['全国', '黑龙江省', '牡丹江市', '海林市', '柴河镇']);
    expect(await v.page.locator('nav[data-crumbs] a[data-crumb]').allTextContents()).toEqual(['全国', '黑龙江省']);

    // Up by the trail: 全国, the place and the body dropped from the URL.
    await v.page.click('nav[data-crumbs] a[data-crumb=""]');
    await drilled(v.page, '');
    expect(params(v.page)).toEqual({ year: '2024' });
    expect(await trail(v.page)).toEqual(['全国']);

    // The back button returns to the deep link, then to the body, then to 黑龙江 without it.
    await v.page.goBack();
    await drilled(v.page, '231083104');
    expect(params(v.page)).toEqual({ year: '2024', province: '23', city: '2310' });
    await v.page.goBack();
    await v.page.waitForSelector(`[data-crumb-unit="${body}"]`);
    expect(params(v.page)).toMatchObject({ province: '23', units: body });
    await v.page.goBack();
    await drilled(v.page, '231083104');
    expect(params(v.page).units).toBeUndefined();
    expect(await v.page.locator('[data-crumb-unit]').count()).toBe(0);
    expect(v.consoleErrors).toEqual([]);
    expect(foreignRequests(v)).toEqual([]);
  });

  it('对比: a deep link opens at its place; a bar goes a level down; ratios are recomputed from the sums', async () => {
    const v = await suite.go('compare?year=2024&province=32&measure=disclosure_rate');
    await drilled(v.page, '32');
    expect(await trail(v.page)).toEqual(['全国', '江苏省']);
    // 淮安市 2024: (1,362 + 454 + 50 + 9) ÷ (3,050 + 95) = 59.6 %, not the mean of 59.5 % and 62.1 %.
    expect(await cell(v.page, '3208', 'value')).toBe('59.6%');
    expect(await cell(v.page, '3213', 'value')).toBe('无此年报');
    // Click 淮安市's bar where ECharts drew it.
    const at = await v.page.evaluate(() => {
      const w = window as unknown as { __gongkaiCharts: Record<string, any> };
      const chart = w.__gongkaiCharts['compare-regions'];
      const labels = chart.getOption().dataset[0].source.unit_key as string[];
      const i = labels.indexOf('3208');
      const [x, y] = chart.convertToPixel({ xAxisIndex: 0, yAxisIndex: 0 }, [i, 0.3]);
      const box = chart.getDom().getBoundingClientRect();
      return { x: box.left + x, y: box.top + y };
    });
    await v.page.mouse.click(at.x, at.y);
    await drilled(v.page, '3208');
    expect(params(v.page)).toMatchObject({ province: '32', city: '3208', measure: 'disclosure_rate' });
    expect(await rowKeys(v.page)).toEqual(expect.arrayContaining(['320813', 'unit:3208|人民政府']));
    expect(await cell(v.page, '320813', 'value')).toBe('62.1%');
    await v.page.goBack();
    await drilled(v.page, '32');
    expect(params(v.page).city).toBeUndefined();
    expect(v.consoleErrors).toEqual([]);
  });

  it('覆盖: the share of known bodies that reported, by province, then by city, and the bodies themselves', async () => {
    const v = await suite.go('coverage');
    await v.page.waitForSelector('table[data-region-matrix] tr[data-region="32"]', { timeout: 45_000 });
    const share = (code: string, year: number) => v.page.textContent(`table[data-region-matrix] tr[data-region="${code}"] td[data-year="${year}"]`);
    // 江苏: 3 bodies known; 2 of them reported in 2023, none in 2019.
    expect((await share('32', 2023))!.trim()).toBe('66.7%（2/3）');
    expect((await share('32', 2019))!.trim()).toBe('无此年报');
    expect((await share('35', 2025))!.trim()).toBe('100.0%（1/1）');
    expect(await v.page.textContent('.coverage-legend')).toContain('数据集中该地区的单位数');
    await v.page.click('table[data-region-matrix] a[data-drill="32"]');
    await v.page.waitForSelector('table[data-region-matrix] tr[data-region="3208"]', { timeout: 45_000 });
    expect(params(v.page)).toEqual({ div: '32' });
    expect((await share('3208', 2023))!.trim()).toBe('50.0%（1/2）');
    expect((await share('3213', 2024))!.trim()).toBe('无此年报');
    // The bodies of 江苏 themselves, below.
    await expect.poll(() => v.page.locator('td[data-unit-key]').evaluateAll((els) => new Set(els.map((e) => e.getAttribute('data-unit-key'))).size)).toBe(3);
    await v.page.goBack();
    await v.page.waitForSelector('table[data-region-matrix] tr[data-region="35"]', { timeout: 45_000 });
    expect(params(v.page)).toEqual({});
    expect(v.consoleErrors).toEqual([]);
    expect(foreignRequests(v)).toEqual([]);
  });

  it('a drill link and 覆盖 draw from the build’s answers while DuckDB cannot start', async () => {
    const block = async (page: Page): Promise<void> => { await page.route(/\.wasm$/, (route) => route.abort()); };
    const v = await suite.go('compare?year=2024&province=32&city=3208', block);
    await drilled(v.page, '3208');
    expect(await cell(v.page, 'unit:3208|人民政府', 'value')).toBe('3,119');
    const c = await suite.go('coverage?div=3208', block);
    await c.page.waitForSelector('table[data-region-matrix] tr[data-region="320813"]', { timeout: 45_000 });
    expect((await c.page.textContent('table[data-region-matrix] tr[data-region="320813"] td[data-year="2024"]'))!.trim()).toBe('100.0%（1/1）');
  });
});
