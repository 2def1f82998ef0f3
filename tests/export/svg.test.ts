import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromRecords } from '../../src/lib/data/columns';
import { HEADLINE_TITLE, headGrid, headRows, headlineOption } from '../../src/lib/overview/chart';
import { fileName, frame, framedSize, SOURCE_LINE, subLine } from '../../src/lib/export/layout';
import { renderChartSvg } from '../../src/lib/export/render';
import { composeSvg } from '../../src/lib/export/svg';

function wellFormed(svg: string): void {
  execFileSync('python3', ['-c', 'import sys, xml.dom.minidom; xml.dom.minidom.parseString(sys.stdin.buffer.read())'], { input: svg });
}

describe('SVG export', { timeout: 60_000 }, () => {
  const summary = JSON.parse(readFileSync('data/summary.json', 'utf8')) as { headline: Record<string, unknown>[] };
  const option = headlineOption(headGrid(headRows(fromRecords(summary.headline))), 'received');

  it('frames ECharts’ own SVG of the chart with title, filters, units and the source line', () => {
    const meta = { title: HEADLINE_TITLE, subtitle: '全部单位 · 全部年度', units: '件' };
    const chart = renderChartSvg(option, 800, 420);
    expect(chart).toMatch(/^<svg[^>]*width="800"[^>]*height="420"/);
    const svg = composeSvg(chart, 800, 420, meta);
    wellFormed(svg);
    const { height } = framedSize(meta, 800, 420);
    expect(height).toBe(frame(meta).header + 420 + frame(meta).footer);
    expect(svg).toMatch(new RegExp(`^<svg xmlns="http://www.w3.org/2000/svg" width="800" height="${height}"`));
    expect(svg).toContain(`data-role="title">${HEADLINE_TITLE}</text>`);
    expect(svg).toContain('data-role="subtitle">全部单位 · 全部年度　·　单位：件</text>');
    expect(svg).toContain(`data-role="source">${SOURCE_LINE}</text>`);
    // The chart itself is inside, shifted below the header: its bars are paths.
    expect(svg).toContain(`<g transform="translate(0 ${frame(meta).header})"><svg`);
    expect((svg.match(/<path/g) ?? []).length).toBeGreaterThan(summary.headline.length);
    // Category labels are text, so the unit names stay searchable and selectable.
    expect(svg).toContain('平潭综合实验区');
  });

  it('draws the legend under the chart as text, and the picture grows with it', () => {
    const meta = { title: 't' };
    const legend = ['予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他处理', '直接起诉·结果纠正', '复议后起诉·其他结果']
      .map((name, i) => ({ name, color: ['#111111', '#222222', '#333333', '#444444', '#555555', '#666666', '#777777', '#888888'][i] }));
    const chart = renderChartSvg(option, 360, 300);
    const svg = composeSvg(chart, 360, 300, meta, legend);
    wellFormed(svg);
    const texts = [...svg.matchAll(/data-role="legend">([^<]*)</g)].map((m) => m[1]);
    expect(texts).toEqual(legend.map((l) => l.name));
    for (const l of legend) expect(svg).toContain(`fill="${l.color}"`);
    // 8 names do not fit one row of a 360 px picture: the legend wraps, and the height grows by its rows.
    const without = framedSize(meta, 360, 300).height;
    const withLegend = framedSize(meta, 360, 300, legend).height;
    expect(withLegend - without).toBeGreaterThanOrEqual(3 * 20);
    expect(svg).toMatch(new RegExp(`^<svg xmlns="http://www.w3.org/2000/svg" width="360" height="${withLegend}"`));
  });

  it('writes the keys of the marks after the series, as text without a swatch', () => {
    const legend = [{ name: '2024', color: '#123456' }, { name: '※ 该报告有勾稽不符' }, { name: '导入 我的报告（在本浏览器导入）' }];
    const svg = composeSvg(renderChartSvg(option, 600, 300), 600, 300, { title: 't' }, legend);
    wellFormed(svg);
    expect([...svg.matchAll(/data-role="legend">([^<]*)</g)].map((m) => m[1])).toEqual(['2024']);
    expect([...svg.matchAll(/data-role="legend-mark">([^<]*)</g)].map((m) => m[1])).toEqual(['※ 该报告有勾稽不符', '导入 我的报告（在本浏览器导入）']);
    // One swatch: the series'.
    expect(svg.match(/<rect x="\d+(\.\d+)?" y="\d+(\.\d+)?" width="12"/g)).toHaveLength(1);
  });

  it('escapes markup in titles and leaves the subtitle line out when there is none', () => {
    const svg = composeSvg(renderChartSvg(option, 400, 300), 400, 300, { title: 'A<B & "C"', source: '来源：<测试>' });
    wellFormed(svg);
    expect(svg).toContain('A&lt;B &amp; &quot;C&quot;');
    expect(svg).toContain('来源：&lt;测试&gt;');
    expect(svg).not.toContain('data-role="subtitle"');
    expect(subLine({ title: 'x' })).toBe('');
    expect(framedSize({ title: 'x' }, 400, 300).height).toBeLessThan(framedSize({ title: 'x', units: '件' }, 400, 300).height);
  });

  it('makes file names from the title', () => {
    expect(fileName('各单位:收到申请/公开率', 'png')).toBe('各单位_收到申请_公开率.png');
    expect(fileName('  ', 'csv')).toBe('图表.csv');
  });
});
