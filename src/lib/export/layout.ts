/**
 * The frame every exported picture gets (PNG and SVG alike): title, the filters and units
 * under it, the chart, and the source line at the foot. Sizes are CSS pixels; fixed line
 * heights keep the picture's size predictable (long text is squeezed, never wrapped).
 */
export const SOURCE_LINE = '数据来源：各单位政府信息公开工作年度报告';
export { FONT } from '../charts/echarts';

export interface ExportMeta {
  title: string;
  /** The filters behind the chart, in words. */
  subtitle?: string;
  /** Units of measure (件, 元, %). */
  units?: string;
  /** Defaults to SOURCE_LINE. */
  source?: string;
}

export const FRAME = { pad: 16, titleLine: 28, subLine: 20, gap: 8, footer: 32, titleSize: 18, subSize: 13, footSize: 12 };

/** The line under the title: filters and units, whichever are given. */
export function subLine(meta: ExportMeta): string {
  const parts = [meta.subtitle?.trim(), meta.units?.trim() ? `单位：${meta.units.trim()}` : ''].filter(Boolean);
  return parts.join('　·　');
}

export function sourceLine(meta: ExportMeta): string {
  return meta.source?.trim() || SOURCE_LINE;
}

/** A legend entry of an exported picture: a series name and its colour, or a mark's key (no colour). */
export interface LegendItem {
  name: string;
  color?: string;
}

/** Where an item's text starts, from its x: after the swatch, if it has one. */
export function legendTextOffset(item: LegendItem): number {
  return item.color ? LEGEND.swatch + LEGEND.gap : 0;
}

export const LEGEND = { size: 12, row: 20, swatch: 12, gap: 5, itemGap: 18 };

/** Width of a line of text at `size` px: CJK characters are square, others about half. */
export function textWidth(s: string, size: number): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\uffff]/.test(ch) ? size : size * 0.6;
  return w;
}

/** The legend laid out in rows that fit `width`, each item at its x. */
export function legendRows(items: readonly LegendItem[], width: number): { item: LegendItem; x: number }[][] {
  const rows: { item: LegendItem; x: number }[][] = [];
  let row: { item: LegendItem; x: number }[] = [];
  let x = FRAME.pad;
  for (const item of items) {
    const w = legendTextOffset(item) + textWidth(item.name, LEGEND.size);
    if (row.length && x + w > width - FRAME.pad) { rows.push(row); row = []; x = FRAME.pad; }
    row.push({ item, x });
    x += w + LEGEND.itemGap;
  }
  if (row.length) rows.push(row);
  return rows;
}

/** Heights of the header above the chart, the legend under it and the footer below that. */
export function frame(meta: ExportMeta, legend: readonly LegendItem[] = [], width = 0): { header: number; legend: number; footer: number } {
  const header = FRAME.pad + FRAME.titleLine + (subLine(meta) ? FRAME.subLine : 0) + FRAME.gap;
  const rows = legend.length ? legendRows(legend, width).length : 0;
  return { header, legend: rows * LEGEND.row + (rows ? FRAME.gap : 0), footer: FRAME.footer };
}

/** Outer size of the exported picture, in CSS pixels, for a chart of width × height. */
export function framedSize(meta: ExportMeta, width: number, height: number, legend: readonly LegendItem[] = []): { width: number; height: number } {
  const f = frame(meta, legend, width);
  return { width, height: f.header + height + f.legend + f.footer };
}

/** A file name from the chart's title: characters file systems refuse become _. */
export function fileName(title: string, ext: string): string {
  const base = title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/\s+/g, ' ').trim().slice(0, 80);
  return `${base || '图表'}.${ext}`;
}
