/** Figures stated in prose: the year's total of proactively disclosed items. */
import type { ProactiveTotal } from '../format';

const TOTAL = /(主动公开|主动发布|公开发布|共公布|公布|发布)[^。；，,]{0,14}?政府信息\s*(近|约)?\s*(\d+)\s*(余|多)?\s*(条|件)/;

export function readProactiveTotal(text: string): ProactiveTotal | null {
  // Line breaks fall inside words (政\n府信息) in PDF text; sentences are read without them.
  const joined = text.replace(/[ \t]*\n[ \t]*/g, '');
  const start = Math.max(0, joined.search(/总体情况/));
  const body = joined.slice(start);
  const m = TOTAL.exec(body);
  if (!m || m.index === undefined) return null;
  const from = body.lastIndexOf('。', m.index) + 1;
  const endDot = body.indexOf('。', m.index + m[0].length);
  const to = endDot < 0 ? m.index + m[0].length : endDot + 1;
  const sentence = body.slice(from, to).trim();
  return { value: Number(m[3]), approx: Boolean(m[2] || m[4]), sentence };
}
