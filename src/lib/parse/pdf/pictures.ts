/**
 * A figure printed as a picture (a cell pasted in as an image, a scanned stamp of a number): the
 * text layer has nothing there, and the cell would read as blank. A picture the size of a line
 * of the page's text stands in its place as a cell that cannot be read, so that the cell is
 * flagged, not taken for blank. Larger pictures (a seal, a logo, a chart) are no cell.
 */
import type { RawItem } from './items';
import type { Rect } from './paint';
import { UNSURE_MARK } from '../document';

export const PICTURE = '这一格印的是图片，不是文字，图片里的数字无法读取，请核对原文件';

export function pictureItems(pictures: readonly Rect[], usual: number): RawItem[] {
  if (!(usual > 0)) return [];
  return pictures.flatMap((r) => {
    const w = r.x2 - r.x1, h = r.y2 - r.y1;
    if (h < 0.6 * usual || h > 3 * usual || w < 0.4 * usual || w > 12 * usual) return [];
    const size = Math.min(h, usual);
    return [{ str: UNSURE_MARK, transform: [size, 0, 0, size, r.x1 + (w - size / 2) / 2, r.y1 + (h - size) / 2], width: size / 2, height: size }];
  });
}
