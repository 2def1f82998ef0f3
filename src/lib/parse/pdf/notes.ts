/**
 * Text a viewer shows over the page that is not in its content: filled-in form fields and
 * free-text annotations (a figure typed onto a PDF afterwards). The reader sees it, so it takes
 * its place among the page's text, each figure of it in doubt: it is not part of the document
 * as issued, and where a field's text sits in its box is only estimated.
 */
import type { RawItem } from './items';

export const ADDED = '这个数是后来加在 PDF 上的表单填写内容或批注，不在文件正文里，位置也只能估计，请核对原件';

interface Annotation {
  subtype?: string;
  fieldType?: string;
  fieldValue?: unknown;
  contentsObj?: { str?: unknown };
  rect?: number[];
  defaultAppearanceData?: { fontSize?: number };
  hidden?: boolean;
  noView?: boolean;
}

/** The width of text at `size`: a Chinese character an em, anything else half of one. */
const widthOf = (s: string, size: number) => [...s].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e7f ? 1 : 0.55), 0) * size;

/** Annotations (pdf.js's getAnnotations) as text items where their text shows. */
export function noteItems(annotations: readonly unknown[]): RawItem[] {
  const out: RawItem[] = [];
  for (const a of annotations as Annotation[]) {
    if (a.hidden || a.noView || !a.rect || a.rect.length !== 4) continue;
    const raw = a.subtype === 'Widget' && a.fieldType === 'Tx' ? a.fieldValue : a.subtype === 'FreeText' ? a.contentsObj?.str : null;
    if (typeof raw !== 'string' || !raw.trim()) continue;
    const str = raw.replace(/\s+/g, ' ').trim();
    const [x1, y1, x2, y2] = a.rect;
    const h = Math.abs(y2 - y1);
    const size = a.defaultAppearanceData?.fontSize || Math.min(12, Math.max(4, h * 0.7));
    const width = widthOf(str, size);
    const left = Math.min(x1, x2), right = Math.max(x1, x2);
    // Centred in its box whatever its alignment: a box typed over a table's cell stands where the
    // cell's figures stand, and a figure placed off them would make a column of its own.
    const x = (left + right - width) / 2;
    const baseline = Math.min(y1, y2) + (h - size) / 2 + 0.15 * size;
    out.push({ str, transform: [size, 0, 0, size, x, baseline], width, height: size });
  }
  return out;
}
