/**
 * Reading one printed value: integers, negative changes, decimals, 元/万元 amounts, and the
 * marks that mean "not reported". Money stays exact: 万元 → 元 is a decimal shift on the
 * digits, never a float multiplication.
 */

export type ValueToken =
  | { kind: 'number'; value: number; raw: string; unit?: 'yuan' | 'wan' }
  | { kind: 'blank'; raw: string };

const BLANK = /^(|\/|—+|-|–|无|空|\\)$/;
/** Words that count (件, 宗, 个 …): a count printed with one is that count. */
export const COUNTED = '件|宗|个|项|条|次|人|起|份|家';
const NUMBER = new RegExp(`^\\+?(-?\\d+(?:\\.\\d+)?)(万元|元|${COUNTED})?$`);

/** Separators inside a number only group its thousands: 2,293 · 2，293 · 2 293. */
const GROUPED = new RegExp(`^-?\\d{1,3}(?:[\\s,，]\\d{3})+(?:\\.\\d+)?\\s*(万元|元|${COUNTED})?$`);
/** GROUPED by single spaces alone (1 025): in a cell one figure, in loose text maybe several. */
export const SPACE_GROUPED = /^-?\d{1,3}(?: \d{3})+(?:\.\d+)?$/;

/** An integer part that starts with 0 and goes on with digits (00, 05): no form prints a count so. */
export const LEADING_ZERO = /^-?0\d/;

/** A character no value, blank mark or separator is written with: such a token is a label. */
const NOT_VALUE = new RegExp(`[^\\d\\s.+\\-,，/\\\\—–（）()万元无空${COUNTED.replaceAll('|', '')}]`);

/** A whole token read as a value, or null when it is not one. */
export function readValue(text: string): ValueToken | null {
  // Labels and whole paragraphs end here, before any copy of them is made.
  if (NOT_VALUE.test(text)) return null;
  let t = text.trim();
  // Only text ending in a bracket can be a bracketed figure (the regex alone scans every label).
  if (t.endsWith('）') || t.endsWith(')')) t = t.replace(/[（(]([^）)]*)[）)]$/, '$1').trim();
  const sep = /\d[\s,，]+\d/.test(t);
  // Anything else between digits (3,5 · 0 3592…) is several numbers, not one.
  if (sep && !GROUPED.test(t)) return null;
  t = t.replace(/[\s,，]/g, '');
  if (BLANK.test(t)) return { kind: 'blank', raw: text };
  const m = NUMBER.exec(t);
  if (!m) return null;
  const unit = m[2] === '万元' ? 'wan' : m[2] === '元' ? 'yuan' : undefined;
  return { kind: 'number', value: Number(m[1]), raw: m[1], unit };
}

/** Shifts a decimal string by `places` digits to the left of the point, exactly. */
export function shiftDecimal(raw: string, places: number): number {
  const neg = raw.startsWith('-');
  const [int, frac = ''] = raw.replace('-', '').split('.');
  const digits = int + frac.padEnd(places, '0');
  const point = int.length + places;
  const s = `${digits.slice(0, point)}.${digits.slice(point)}`;
  const v = Number(s);
  return neg ? -v : v;
}

export function wanToYuan(raw: string): number {
  return shiftDecimal(raw, 4);
}
