/** Where each standard table stands in the piece stream, found by its headings. */
import type { TableId } from '../format';
import type { Piece } from './pieces';

export type Regions = Partial<Record<TableId, [number, number]>>;

/**
 * The first label that passes `test`, alone or joined with the labels that follow it (a
 * heading wrapped over lines: 申请 / 人情况).
 */
function find(pieces: Piece[], from: number, test: (s: string) => boolean): number {
  for (let i = from; i < pieces.length; i++) {
    const p = pieces[i];
    if (p.kind !== 'label') continue;
    let s = p.text;
    if (test(s)) return i;
    for (let j = i + 1; j < Math.min(pieces.length, i + 3); j++) {
      const q = pieces[j];
      if (q.kind !== 'label') break;
      s += q.text;
      if (test(s)) return i;
    }
  }
  return -1;
}

const T2_START = (s: string) => /第二十条第（一）项|第二十条第一项/.test(s);
const T3_START = (s: string) => /申请人情况|本年新收/.test(s);
/** 表二's section heading, not the introduction's sentence that names it (全年主动公开政府信息 321 条). */
const T2_HEADING = (s: string) => /主动公开政府信息情况|^(?:[（(]?二[)）]?|2)\s*[、.．]\s*主动公开政府信息/.test(s);
const T2_ITEM = (s: string) => /第二十条第（[一二三四五六七八九十]+）项/.test(s);
const T4_START = (s: string) => /行政复议/.test(s);
const END = (s: string) => /存在的主要问题|主要问题及改进|其他需要报告|（一）主要问题|五、/.test(s);

/**
 * 表二 starts at its first 第二十条 heading; a report that leaves those out starts it at the
 * 主动公开 heading that is followed by the table's own row names (not the introduction's
 * list of sections).
 */
function findT2(pieces: Piece[]): number {
  const a = find(pieces, 0, T2_START);
  if (a >= 0) return a;
  for (let i = find(pieces, 0, T2_HEADING); i >= 0; i = find(pieces, i + 1, T2_HEADING)) {
    for (let j = i; j < Math.min(pieces.length, i + 12); j++) {
      const p = pieces[j];
      if (p.kind === 'label' && /规章|规范性文件|行政许可/.test(p.text) && (j > i || /(规章|规范性文件)$/.test(p.text))) return i;
    }
  }
  // Neither printed (a table whose first rows were lost): a later item's heading, its column
  // words, then its own rows (第二十条第（五）项 / 信息内容 … / 行政许可), not a sentence naming them.
  for (let i = find(pieces, 0, T2_ITEM); i >= 0; i = find(pieces, i + 1, T2_ITEM)) {
    let header = false;
    for (let j = i + 1; j < Math.min(pieces.length, i + 12); j++) {
      const p = pieces[j];
      if (p.kind !== 'label') continue;
      if (/信息内容|处理决定数量|项目数量|收费金额/.test(p.text)) header = true;
      else if (header && /行政许可|行政处罚|行政强制|行政事业性收费|政府集中采购/.test(p.text)) return i;
    }
  }
  return -1;
}

function findT4(pieces: Piece[], from: number): number {
  for (let i = find(pieces, from, T4_START); i >= 0; i = find(pieces, i + 1, T4_START)) {
    let values = 0;
    for (let j = i; j < Math.min(pieces.length, i + 40); j++) {
      const p = pieces[j];
      if (p.kind === 'label' && /维持|纠正|审结|尚未/.test(p.text)) return i;
      if (p.kind === 'label' && END(p.text)) break;
      // Columns an OCR tool only numbered (数据1 … 数据15): the row of fifteen figures says it.
      if (p.kind === 'value' && ++values >= 15) return i;
    }
  }
  return -1;
}

/** Words of 表四's own heads (and a note's or a page's lines, which stand in any table). */
const T4_WORDS = /行政复议|行政诉讼|维持|纠正|其他结果|审结|总计|合计|起诉|复议后|未经复议|注|单位|第\s*\d+\s*页|^\d+$/;

/**
 * Where 表四 gives way to a table of another kind before the next section (a table of staff or of
 * fees, under its own sentence and heads): once 表四's row of fifteen figures has come, the first
 * line of words that are none of 表四's own. Before, its figures were read into 表四's cells and
 * the whole table was flagged.
 */
function foreignTableAfter(pieces: Piece[], from: number, to: number): number {
  let values = 0;
  for (let i = from; i < to; i++) {
    const p = pieces[i];
    if (p.kind === 'value') values++;
    else if (values >= 15 && pieces[i - 1]?.line !== p.line && !T4_WORDS.test(p.text)) return i;
  }
  return to;
}

export function findRegions(pieces: Piece[]): Regions {
  const r: Regions = {};
  const a = findT2(pieces);
  const b = find(pieces, Math.max(a, 0), T3_START);
  const bOk = b >= 0 && find(pieces, b, (s) => /本年新收|上年结转|予以公开/.test(s)) >= 0;
  // The introduction names every section too; only a heading followed by the table's own
  // column words starts 表四.
  const c = findT4(pieces, bOk ? b : Math.max(a, 0));
  const d = c >= 0 ? find(pieces, c + 1, END) : -1;
  if (a >= 0) r.t2 = [a, bOk ? b : c >= 0 ? c : pieces.length];
  if (bOk) r.t3 = [b, c >= 0 ? c : pieces.length];
  if (c >= 0) r.t4 = [c, foreignTableAfter(pieces, c, d >= 0 ? d : pieces.length)];
  else if (bOk) {
    // 表四 printed before 表三 (a page that orders its sections so): it ends where the next table starts.
    const early = findT4(pieces, 0);
    if (early >= 0 && early < b) {
      const next = [a, b].filter((x) => x > early);
      r.t4 = [early, Math.min(...next)];
      if (r.t2 && a < early) r.t2 = [a, Math.min(r.t2[1], early)];
    }
  }
  return r;
}

/** A section's own heading opens with its number (三、 · 4．), not a sentence of the introduction. */
const SECTION_NUMBER = /^(?:[一二三四五六七八九十]{1,2}|\d{1,2})\s*[、.．]/;

/** Each table's section heading (二、主动公开政府信息情况 …), as a report heads the section. */
const SECTION_HEADING: Record<TableId, RegExp> = {
  t2: /主动公开政府信息情况/,
  t3: /收到和处理政府信息公开申请情况/,
  t4: /行政复议[、，,]?\s*(?:提起)?行政诉讼情况/,
};

/**
 * Tables without a region whose section heading the document prints: the table is there but its
 * figures could not be found (a layout not recognised, a header printed one character a line),
 * which is not the same as a report that leaves the table out.
 */
export function headedOnly(pieces: Piece[], regions: Regions): TableId[] {
  const headings = pieces.flatMap((p) => (p.kind === 'label' && SECTION_NUMBER.test(p.text) ? [p.text] : []));
  return (['t2', 't3', 't4'] as TableId[]).filter((t) => !regions[t] && headings.some((h) => SECTION_HEADING[t].test(h.slice(0, 30))));
}
