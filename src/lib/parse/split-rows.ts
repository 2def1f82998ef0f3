/**
 * A row whose figures an extractor printed on two lines. pdftotext -layout sets a row's figures
 * on the line whose height they share: where the row's label wraps, some figures land on its first
 * line and the rest on the second (（二）部分公开（区分处理的，只计这一情形， 18 / 不计其他情形）
 * 0 0 0 0 0 18). Neither part fills the row, and the second line's words name no row of their own.
 * The parts are joined in print order; which column each figure of the first part stands in is
 * an inference, so the joined row is never exact: the rules must confirm it.
 */
import type { Segment } from './align';
import { capacity } from './align';
import type { RowSpec } from './layout';
import { cueMatches, LEADING_ITEM, ROW_START } from './naming';

export interface JoinedSegment extends Segment {
  /** Made of two printed segments: the figures' columns are inferred. */
  joined?: true;
}


function oneLine(s: Segment): number | null {
  const l = s.values[0]?.line;
  return l !== undefined && s.values.every((v) => v.line === l && !v.cellular) ? l : null;
}

export function joinSplitRows(segs: Segment[], rows: RowSpec[], glued: boolean): JoinedSegment[] {
  const out: JoinedSegment[] = [];
  for (let j = 0; j < segs.length; j++) {
    const a = segs[j];
    const b = segs[j + 1];
    const la = oneLine(a);
    const lb = b ? oneLine(b) : null;
    if (!b || la === null || lb !== la + 1 || a.furniture || b.furniture) { out.push(a); continue; }
    // The second line's words (if any) continue the first's label, on the figures' line: no new
    // item begins there, and neither part names a row the whole label does not end on.
    if (b.label !== '' && (b.labelLine !== lb || LEADING_ITEM.test(b.label))) { out.push(a); continue; }
    const named = cueMatches(a.label + b.label, rows).last;
    const other = (s: Segment) => [...cueMatches(s.label, rows).any].some((r) => r !== named);
    if (named < 0 || other(a) || other(b)) { out.push(a); continue; }
    const w = rows[named].keys.length;
    const [, hiA] = capacity(a, glued);
    const [, hiB] = capacity(b, glued);
    const n = a.values.length + b.values.length;
    // Each part has fewer figures than the row, both together as many (or digits run together that make as many).
    if (a.values.length >= w || b.values.length >= w || n > w || hiA + hiB < w) { out.push(a); continue; }
    out.push({ label: a.label + b.label, labelLine: b.labelLine, lineLabel: b.lineLabel, values: [...a.values, ...b.values], joined: true });
    j++;
  }
  return out;
}

/** The longest tail a label cell wraps onto the line after its figures (出版 / 物, 大量反 / 复申请). */
const TAIL_MAX = 40;

/**
 * A label that wraps in its cell prints its last characters below the row's figures
 * (`3.要求提供公开出版 5 17 … / 物 / 4.无正当理由大量反 …`), so they open the next row's label,
 * before its item number. Where they complete a row's name begun at the end of the label
 * before (出版 + 物 = 出版物), they are that label's; anywhere else they stay where they are.
 */
export function rejoinLabelTails(segs: Segment[], rows: RowSpec[]): Segment[] {
  const out = [...segs];
  for (let j = 1; j < out.length; j++) {
    const [a, b] = [out[j - 1], out[j]];
    if (a.furniture || b.furniture || !a.label || a.values.length === 0) continue;
    const item = ROW_START.exec(b.label);
    if (!item || item.index === 0 || item.index > TAIL_MAX) continue;
    const tail = b.label.slice(0, item.index);
    // The tail stands on a line of its own, above the line of the next row's figures.
    if (b.lineLabel.startsWith(tail) || /\d/.test(tail)) continue;
    const whole = a.label + tail;
    const spans = rows.some((r) => r.cues.some((c) => {
      const at = whole.lastIndexOf(c);
      return at >= 0 && at < a.label.length && at + c.length > a.label.length;
    }));
    // Or the tail names the very row the label above ends on, and no other.
    const own = cueMatches(a.label, rows).last;
    const names = cueMatches(tail, rows).any;
    const same = own >= 0 && names.size === 1 && names.has(own);
    if (!spans && !same) continue;
    out[j - 1] = { ...a, label: whole };
    out[j] = { ...b, label: b.label.slice(tail.length) };
  }
  return out;
}
