/**
 * The frame every exported picture gets (PNG and SVG alike): title, the filters and units
 * under it, the chart, and the source line at the foot. Sizes are CSS pixels; fixed line
 * heights keep the picture's size predictable (long text is squeezed, never wrapped).
 */
export const SOURCE_LINE = '数据来源：各单位政府信息公开工作年度报告';
export const FONT = "'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif";

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

/** Heights of the header above the chart and the footer below it. */
export function frame(meta: ExportMeta): { header: number; footer: number } {
  const header = FRAME.pad + FRAME.titleLine + (subLine(meta) ? FRAME.subLine : 0) + FRAME.gap;
  return { header, footer: FRAME.footer };
}

/** Outer size of the exported picture, in CSS pixels, for a chart of width × height. */
export function framedSize(meta: ExportMeta, width: number, height: number): { width: number; height: number } {
  const f = frame(meta);
  return { width, height: f.header + height + f.footer };
}

/** A file name from the chart's title: characters file systems refuse become _. */
export function fileName(title: string, ext: string): string {
  const base = title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/\s+/g, ' ').trim().slice(0, 80);
  return `${base || '图表'}.${ext}`;
}
