import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HEADLINE_TITLE, headlineOption } from '../../src/lib/charts/options';
import { fromRecords } from '../../src/lib/data/columns';
import { fileName, frame, framedSize, SOURCE_LINE, subLine } from '../../src/lib/export/layout';
import { renderChartSvg } from '../../src/lib/export/render';
import { composeSvg } from '../../src/lib/export/svg';

function wellFormed(svg: string): void {
  execFileSync('python3', ['-c', 'import sys, xml.dom.minidom; xml.dom.minidom.parseString(sys.stdin.buffer.read())'], { input: svg });
}

describe('SVG export', () => {
  const summary = JSON.parse(readFileSync('data/summary.json', 'utf8')) as { headline: Record<string, unknown>[] };
  const option = headlineOption(fromRecords(summary.headline));

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
