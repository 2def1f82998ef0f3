/**
 * What a row's printed label establishes: which rows a label names, whether it names the rows
 * its figures were placed on, and where the labels of a table say its figures moved.
 */
import type { RowSpec } from './layout';
import type { Segment } from './align';

export interface CueMatch { last: number; any: ReadonlySet<number> }

/** Labels recur across a form's tables and across reports: their matches are kept per row set. */
const cueMemo = new WeakMap<RowSpec[], Map<string, CueMatch>>();
const CUE_MEMO_SIZE = 4096;

/** The row whose cue appears last in the label, and every row named anywhere in it. */
export function cueMatches(label: string, rows: RowSpec[]): CueMatch {
  let memo = cueMemo.get(rows);
  if (!memo) { memo = new Map(); cueMemo.set(rows, memo); }
  let m = memo.get(label);
  if (m) return m;
  let last = -1;
  let lastPos = -1;
  const any = new Set<number>();
  rows.forEach((r, i) => {
    for (const c of r.cues) {
      const pos = label.lastIndexOf(c);
      if (pos < 0) continue;
      any.add(i);
      const end = pos + c.length;
      if (end > lastPos || (end === lastPos && c.length > 0)) { lastPos = end; last = i; }
    }
  });
  m = { last, any };
  if (memo.size >= CUE_MEMO_SIZE) memo.clear();
  memo.set(label, m);
  return m;
}

/**
 * Does the segment's own label name the rows it is placed on — the one row, or several
 * rows in their printed order (labels printed apart from their numbers)?
 */
export function labelNames(label: string, rows: RowSpec[], placed: number[], filled: { has(row: number): boolean }): boolean {
  if (rows.length === 1) return true;
  const cm = cueMatches(label, rows);
  // A label that also names a row no other numbers went to (labels printed apart from their
  // numbers, a row lost) does not tell which of its rows the numbers are.
  if ([...cm.any].some((i) => !placed.includes(i) && !filled.has(i))) return false;
  if (placed.length === 1) return cm.last === placed[0] && !nextItemAfter(label, rows[placed[0]].cues);
  let at = -1;
  for (const i of placed) {
    const pos = Math.min(...rows[i].cues.map((c) => label.indexOf(c, at + 1)).filter((x) => x >= 0));
    if (!Number.isFinite(pos)) return false;
    at = pos;
  }
  return true;
}

/**
 * A table row whose label cell and figures stand on one line (a PDF or HTML row) is named by
 * that cell, whatever label-only rows were printed above it — provided those rows come before
 * it in the form (rows printed blank), not after (labels printed apart from their figures).
 */
export function namedOnItsLine(seg: Segment, rows: RowSpec[], placed: number[], filled: { has(row: number): boolean }): boolean {
  const first = seg.values[0];
  if (!first?.cellular || seg.labelLine !== first.line || !seg.lineLabel || seg.lineLabel === seg.label) return false;
  if (!labelNames(seg.lineLabel, rows, placed, filled)) return false;
  const above = cueMatches(seg.label.slice(0, seg.label.length - seg.lineLabel.length), rows).any;
  return [...above].every((i) => i < Math.min(...placed));
}

/** An item's number inside a label, not at its start: 4. · 5、 · （六）. */
const INNER_ITEM = /(?:^|[^\d.．])(\d{1,2}[.．、](?!\d)|[（(][一二三四五六七八九十]{1,3}[）)])/g;

/**
 * An item's number as a row label starts with it: 2. · 3、 · （一） · 二、 (the one spelling of it;
 * `layout.ts` strips it off the form's labels). A digit's number must not follow a digit or a point.
 */
export const ITEM_NUMBER = '\\d{1,2}[.．、](?!\\d)|[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,2}、';
export const ROW_START = new RegExp(`(?<![\\d.．])(?:${ITEM_NUMBER})`);

/** A Chinese character (the unified ideographs and extension A, where rare place names print). */
export const CJK = /[\u3400-\u9fff]/;

/**
 * A line or label that opens with an item number, in any spelling a text dump gives it: 1. · 1 . ·
 * 1) · （二） · (2) · 四、 · 四. The loose counterpart of ITEM_NUMBER, for telling a row's own start.
 */
export const LEADING_ITEM = /^\s*(?:[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|[一二三四五六七八九十\d]{1,2}\s*[)）、.．](?!\d))/;

const CN_DIGITS = '一二三四五六七八九';

/** The number an item number stands for (2. · 二、 · （十二） → 2, 2, 12), or null if none. */
export function itemValue(item: string): number | null {
  const arabic = /\d{1,2}/.exec(item);
  if (arabic) return Number(arabic[0]);
  const cn = /[一二三四五六七八九十]{1,3}/.exec(item)?.[0];
  if (!cn) return null;
  const ten = cn.indexOf('十');
  if (ten < 0) return cn.length === 1 ? CN_DIGITS.indexOf(cn) + 1 : null;
  const tens = ten === 0 ? 1 : CN_DIGITS.indexOf(cn[0]) + 1;
  const ones = ten === cn.length - 1 ? 0 : CN_DIGITS.indexOf(cn[ten + 1]) + 1;
  return tens > 0 && ones >= 0 ? tens * 10 + ones : null;
}

/**
 * The label goes on to another item after the row's name (（五）开出版物不予处理4.无正当理由: a
 * wrapped label's last half on the line of the next row's first): the figures beside it may
 * be that item's, so the name does not establish the row.
 */
function nextItemAfter(label: string, cues: readonly string[]): boolean {
  const named = Math.max(...cues.map((c) => label.lastIndexOf(c)));
  if (named < 0) return false;
  for (const m of label.matchAll(INNER_ITEM)) {
    const at = m.index + m[0].length - m[1].length;
    if (at > named) return true;
  }
  return false;
}

/**
 * The rows a placement fills for certain: those its label names, or all of them where the label
 * names no row (labels printed apart, or none). Rows it fills against or beside its label are
 * filled by order only: their own names, printed elsewhere beside other figures, stay open.
 */
export function rowsClaimed(label: string, rows: RowSpec[], placed: number[]): number[] {
  const { any } = cueMatches(label, rows);
  return any.size === 0 ? placed : placed.filter((i) => any.has(i));
}

/** The label names rows, none of them among those the segment was placed on. */
export function labelContradicts(label: string, rows: RowSpec[], placed: number[]): boolean {
  const { any } = cueMatches(label, rows);
  return any.size > 0 && !placed.some((i) => any.has(i));
}

/** Rows named by the labels of the segments that carry figures go backwards somewhere. */
export function outOfOrder(segs: Segment[], rows: RowSpec[]): boolean {
  let prev = -1;
  for (const s of segs) {
    if (!s.values.some((v) => v.raw !== '')) continue;
    const i = cueMatches(s.label, rows).last;
    if (i < 0) continue;
    if (i < prev) return true;
    prev = i;
  }
  return false;
}

/**
 * The first row from which a label beside figures no longer names its row (the table's length
 * when none). A borderless table set tight is printed by text extractors with its labels half a row
 * off their figures: `（二）部分公开（区分处 127 44 …` where 127 is 予以公开's, whose label stood
 * one line higher beside 上年结转's figures. The signs: a row (with cells, not a heading) whose
 * label stands on lines without figures, right above a line whose words beside its figures name
 * another row, and which no figures fill; and below it a line of figures too many — figures
 * left over (`leftover`), or beside label words that name no row (a wrapped label's tail). A row
 * printed blank has the first sign without the second.
 */
export function shiftFrom(segs: Segment[], rows: RowSpec[], filled: ReadonlySet<number>, leftover: boolean): number {
  let from = rows.length;
  // A line of figures too many in some segment after j (one pass from the end): figures beside
  // words that name no row, or more figures than a row has cells (the last row's spilled line).
  const widest = Math.max(...rows.map((r) => r.keys.length));
  const extraAfter = new Array<boolean>(segs.length + 1).fill(false);
  for (let j = segs.length - 1; j >= 0; j--) {
    const x = segs[j];
    const figures = x.furniture ? 0 : x.values.filter((v) => v.raw !== '' && !v.pad).length;
    extraAfter[j] = extraAfter[j + 1] || (figures > 0 && cueMatches(x.label, rows).any.size === 0) || figures > widest;
  }
  for (let j = 0; j < segs.length; j++) {
    const s = segs[j];
    // (A PDF or HTML row keeps a label cell and its figures on one line by their geometry.)
    if (!s.values.length || s.values[0].cellular || s.labelLine !== s.values[0].line) continue;
    const tail = tailBefore(s.lineLabel, rows);
    if (tail >= 0) from = Math.min(from, tail);
    if (s.label === s.lineLabel) continue;
    // The words beside the figures name another row, or begin one with its item number (3.危及“三,
    // its name cut by the wrap). Before the first figures, the words above are the header's.
    let beside = cueMatches(s.lineLabel, rows).last;
    if (beside < 0 && j > 0 && ROW_START.test(s.lineLabel)) beside = rows.length;
    if (beside < 0) continue;
    // (A name the wrap cut, 二、上年结 / 转政府信息…, begins beside the figures above: joined again.)
    const cutName = j > 0 && segs[j - 1].values.length > 0 ? segs[j - 1].lineLabel : '';
    const aboveText = cutName + s.label.slice(0, s.label.length - s.lineLabel.length);
    // A row's whole label above (its first words too, not a wrapped label's tail); rows named
    // further down the form are a header's words (其他, 总计).
    const bare = [...cueMatches(aboveText, rows).any].filter((i) => i < beside && !filled.has(i) && !rows[i].optional
      && aboveText.includes(rows[i].head ?? ''));
    if (bare.length === 0) continue;
    if (leftover || extraAfter[j + 1]) from = Math.min(from, ...bare);
  }
  return from;
}

/**
 * The row whose label's end stands before another row's item number on a line of figures
 * (`情形） 1.属于国家秘密 11 5 …`: 部分公开's last words): rows set so tight that one row's text
 * runs into the next's line, so the figures may be either's. -1 when none. Two characters
 * may also end a group heading (（三）不予 / 公开 5.属于…): those are no row's.
 */
const HEADING_ENDS = ['公开', '提供', '处理', '结果'];

function tailBefore(lineLabel: string, rows: RowSpec[]): number {
  const m = ROW_START.exec(lineLabel);
  if (!m) return -1;
  const before = lineLabel.slice(0, m.index).replace(/\s/g, '');
  if (before.length < 2 || HEADING_ENDS.includes(before)) return -1;
  return rows.findIndex((r) => !r.optional && r.label !== undefined && r.label.endsWith(before));
}
