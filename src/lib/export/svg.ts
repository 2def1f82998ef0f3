/** The exported SVG: ECharts' own SVG of the chart, framed with title, filters, units and source. */
import type { ExportMeta } from './layout';
import { FONT, FRAME, frame, sourceLine, subLine } from './layout';
import { xmlText } from './xml';

function text(x: number, y: number, size: number, body: string, extra = ''): string {
  return `<text x="${x}" y="${y}" font-size="${size}" font-family="${FONT}" fill="#1c2430"${extra}>${xmlText(body)}</text>`;
}

/** Wraps `chartSvg` (a whole <svg> document of width × height) in the export frame. */
export function composeSvg(chartSvg: string, width: number, height: number, meta: ExportMeta): string {
  const f = frame(meta);
  const total = f.header + height + f.footer;
  const inner = chartSvg.replace(/^\s*<\?xml[^>]*\?>\s*/, '').replace(/^\s*<!DOCTYPE[^>]*>\s*/i, '');
  const sub = subLine(meta);
  const titleY = FRAME.pad + FRAME.titleSize;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}">`,
    `<rect x="0" y="0" width="${width}" height="${total}" fill="#ffffff"/>`,
    text(FRAME.pad, titleY, FRAME.titleSize, meta.title, ' font-weight="600" data-role="title"'),
    sub ? text(FRAME.pad, titleY + FRAME.subLine + 2, FRAME.subSize, sub, ' fill-opacity="0.8" data-role="subtitle"') : '',
    `<g transform="translate(0 ${f.header})">${inner}</g>`,
    text(FRAME.pad, f.header + height + FRAME.footer - 12, FRAME.footSize, sourceLine(meta), ' fill-opacity="0.7" data-role="source"'),
    '</svg>',
  ].join('');
}
