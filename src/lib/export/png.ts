/** The exported PNG: the chart's own 2× bitmap drawn into a canvas under the frame's text. */
import type { ExportMeta, LegendItem } from './layout';
import { FONT, FRAME, LEGEND, frame, legendRows, legendTextOffset, sourceLine, subLine } from './layout';

function loadImage(url: string): Promise<HTMLImageElement> {
  const img = new Image();
  img.src = url;
  return img.decode().then(() => img);
}

/**
 * `chartUrl` is the chart at `ratio` × its `width` × `height` CSS pixels. The result is the
 * framed picture at the same ratio: (width) × (header + height + footer), times `ratio`.
 */
export async function composePng(chartUrl: string, width: number, height: number, meta: ExportMeta, ratio = 2, legend: readonly LegendItem[] = []): Promise<Blob> {
  const f = frame(meta, legend, width);
  const total = f.header + height + f.legend + f.footer;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(total * ratio);
  const g = canvas.getContext('2d');
  if (!g) throw new Error('浏览器无法创建画布，不能导出图片');
  g.scale(ratio, ratio);
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, width, total);
  const room = width - 2 * FRAME.pad;
  g.textBaseline = 'alphabetic';
  g.fillStyle = '#1c2430';
  g.font = `600 ${FRAME.titleSize}px ${FONT}`;
  const titleY = FRAME.pad + FRAME.titleSize;
  // maxWidth squeezes an over-long line instead of letting it run off the picture.
  g.fillText(meta.title, FRAME.pad, titleY, room);
  const sub = subLine(meta);
  g.font = `${FRAME.subSize}px ${FONT}`;
  g.fillStyle = '#4a5361';
  if (sub) g.fillText(sub, FRAME.pad, titleY + FRAME.subLine + 2, room);
  g.drawImage(await loadImage(chartUrl), 0, f.header, width, height);
  g.font = `${LEGEND.size}px ${FONT}`;
  legendRows(legend, width).forEach((row, r) => row.forEach(({ item, x }) => {
    const y = f.header + height + r * LEGEND.row;
    if (item.color) {
      g.fillStyle = item.color;
      g.fillRect(x, y + 3, LEGEND.swatch, LEGEND.swatch - 4);
    }
    g.fillStyle = '#1c2430';
    g.fillText(item.name, x + legendTextOffset(item), y + LEGEND.size);
  }));
  g.font = `${FRAME.footSize}px ${FONT}`;
  g.fillStyle = '#5f6875';
  g.fillText(sourceLine(meta), FRAME.pad, f.header + height + f.legend + FRAME.footer - 12, room);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('浏览器未能生成 PNG 图片'))), 'image/png'),
  );
}
