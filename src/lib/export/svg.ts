/**
 * The exported SVG: ECharts' own SVG of the chart, framed with title, filters and units, the
 * legend (series names as text, colour swatches) under the chart, and the source line.
 */
import type { ExportMeta, LegendItem } from './layout';
import { FONT, FRAME, LEGEND, frame, legendRows, legendTextOffset, sourceLine, subLine } from './layout';

/** Text made safe for XML: markup escaped and the control characters XML 1.0 forbids dropped. */
export function xmlText(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function text(x: number, y: number, size: number, body: string, extra = ''): string {
  return `<text x="${x}" y="${y}" font-size="${size}" font-family="${FONT}" fill="#1c2430"${extra}>${xmlText(body)}</text>`;
}

/** The legend's rows as SVG, its top at `top`. */
export function legendSvg(legend: readonly LegendItem[], width: number, top: number): string {
  return legendRows(legend, width).map((row, r) => row.map(({ item, x }) => {
    const y = top + r * LEGEND.row;
    const swatch = item.color ? `<rect x="${x}" y="${y + 3}" width="${LEGEND.swatch}" height="${LEGEND.swatch - 4}" rx="2" fill="${xmlText(item.color)}"/>` : '';
    return swatch + text(x + legendTextOffset(item), y + LEGEND.size, LEGEND.size, item.name, ` data-role="${item.color ? 'legend' : 'legend-mark'}"`);
  }).join('')).join('');
}

/** The chart's own SVG with its legend under it (the print page frames it in HTML). */
export function chartWithLegend(chartSvg: string, width: number, height: number, legend: readonly LegendItem[]): string {
  const f = frame({ title: '' }, legend, width);
  const inner = chartSvg.replace(/^\s*<\?xml[^>]*\?>\s*/, '').replace(/^\s*<!DOCTYPE[^>]*>\s*/i, '');
  const total = height + f.legend;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}">` +
    `<rect x="0" y="0" width="${width}" height="${total}" fill="#ffffff"/>${inner}${legendSvg(legend, width, height)}</svg>`;
}

/** Wraps `chartSvg` (a whole <svg> document of width × height) in the export frame. */
export function composeSvg(chartSvg: string, width: number, height: number, meta: ExportMeta, legend: readonly LegendItem[] = []): string {
  const f = frame(meta, legend, width);
  const total = f.header + height + f.legend + f.footer;
  const inner = chartSvg.replace(/^\s*<\?xml[^>]*\?>\s*/, '').replace(/^\s*<!DOCTYPE[^>]*>\s*/i, '');
  const sub = subLine(meta);
  const titleY = FRAME.pad + FRAME.titleSize;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}">`,
    `<rect x="0" y="0" width="${width}" height="${total}" fill="#ffffff"/>`,
    text(FRAME.pad, titleY, FRAME.titleSize, meta.title, ' font-weight="600" data-role="title"'),
    sub ? text(FRAME.pad, titleY + FRAME.subLine + 2, FRAME.subSize, sub, ' fill-opacity="0.8" data-role="subtitle"') : '',
    `<g transform="translate(0 ${f.header})">${inner}</g>`,
    legendSvg(legend, width, f.header + height),
    text(FRAME.pad, f.header + height + f.legend + FRAME.footer - 12, FRAME.footSize, sourceLine(meta), ' fill-opacity="0.7" data-role="source"'),
    '</svg>',
  ].join('');
}
