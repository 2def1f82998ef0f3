/**
 * Where the pen of a page's text stands, as pdf.js's canvas moves it: the text matrix, the pen in
 * it, and the text-state operators that move it. paint.ts places each glyph with it.
 */
import type { Ops } from './paint';

type Matrix = number[];

/** The text state pdf.js's canvas keeps: the text matrix, the pen in it, and what moves the pen. */
export interface Text {
  tm: Matrix;
  x: number;
  y: number;
  lineX: number;
  lineY: number;
  leading: number;
  size: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  rise: number;
}

export const newText = (): Text => ({ tm: [1, 0, 0, 1, 0, 0], x: 0, y: 0, lineX: 0, lineY: 0, leading: 0, size: 0, charSpacing: 0, wordSpacing: 0, hScale: 1, rise: 0 });
export const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
export const num = (v: unknown, d = 0) => (typeof v === 'number' && Number.isFinite(v) ? v : d);

function moveText(t: Text, x: number, y: number) {
  t.x = t.lineX += x;
  t.y = t.lineY += y;
}

/** The text-state operators: how each moves the pen (as pdf.js's canvas does). */
export function textOp(fn: number, args: unknown[], t: Text, OPS: Ops): boolean {
  if (fn === OPS.beginText) Object.assign(t, { tm: [1, 0, 0, 1, 0, 0], x: 0, y: 0, lineX: 0, lineY: 0 });
  else if (fn === OPS.setTextMatrix) {
    const m = (Array.isArray(args[0]) || ArrayBuffer.isView(args[0]) ? args[0] : args) as ArrayLike<number>;
    Object.assign(t, { tm: Array.from({ length: 6 }, (_, i) => num(m[i])), x: 0, y: 0, lineX: 0, lineY: 0 });
  } else if (fn === OPS.moveText) moveText(t, num(args[0]), num(args[1]));
  else if (fn === OPS.setLeadingMoveText) {
    t.leading = num(args[1]);
    moveText(t, num(args[0]), num(args[1]));
  } else if (fn === OPS.nextLine) moveText(t, 0, t.leading);
  else if (fn === OPS.setLeading) t.leading = -num(args[0]);
  else if (fn === OPS.setFont) t.size = Math.abs(num(args[1]));
  else if (fn === OPS.setCharSpacing) t.charSpacing = num(args[0]);
  else if (fn === OPS.setWordSpacing) t.wordSpacing = num(args[0]);
  else if (fn === OPS.setHScale) t.hScale = num(args[0], 100) / 100;
  else if (fn === OPS.setTextRise) t.rise = num(args[0]);
  else return false;
  return true;
}
