/**
 * How a document prints its figures: run into label text or other digits, or set apart by
 * spaces — what decides which readings a row short of figures admits.
 */
import type { TableId } from '../format';
import type { Piece } from './pieces';
import { LEADING_ZERO } from './numbers';

/** Pieces glued to label text mean the source ran its cells together. */
export function isGlued(pieces: Piece[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) { const p = pieces[i]; if (p.kind === 'value' && p.glued) return true; }
  return false;
}

/**
 * Whether a document that runs digits together somewhere still sets most rows' figures apart by
 * spaces (pdftotext -raw: 行政强制 192 0 4, but 服务事项775第二十条): there a row short of figures
 * more likely left blank cells out than ran its digits together, and both are readings.
 */
export function spacesFigures(pieces: Piece[], regions: Partial<Record<TableId, [number, number]>>): boolean {
  let apart = 0, together = 0;
  for (const [a, b] of Object.values(regions)) {
    for (let i = a; i < b; i++) {
      const p = pieces[i];
      // (00 or 05 stands apart from its neighbours and runs two digits together: it tells neither.)
      if (p.kind !== 'value' || p.raw === '' || p.cellular || (p.raw.length === 2 && LEADING_ZERO.test(p.raw))) continue;
      if (p.glued || p.raw.replace('.', '').length >= 5) together++;
      else apart++;
    }
  }
  return apart > 2 * together;
}
