/**
 * A file that prints a standard table twice: two reports saved as one page, or one report
 * whose table was pasted again. Which copy belongs to the report cannot be told from the
 * reading order, so such tables are flagged, and a file with reports of several years is
 * refused: its tables cannot be told apart.
 */
import { APP_ROWS, REVIEW_BLOCK_LABELS, T2_ROWS, type TableId } from '../format';
import type { Piece } from './pieces';
import { squash } from './normalize';

const rowLabel = (row: string) => APP_ROWS.find((r) => r.row === row)!.label.replace(/^[一二三四]、/, '');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What each table prints once, as its own labels: 表二's first two items, 表三's first and last
 * rows (at a label's start or after its numbering — a narrative's "1件结转下年度继续办理" is not
 * one), 表四's two suit headings.
 */
const MARKS: Record<TableId, readonly RegExp[]> = {
  t2: [...new Set(T2_ROWS['2021'].map((r) => r.item))].slice(0, 2).map((w) => new RegExp(escape(w))),
  t3: [rowLabel('new'), rowLabel('carried_forward')].map((w) => new RegExp(`(?:^|[一二三四]、)${escape(w)}`)),
  t4: (['suit_direct', 'suit_after_review'] as const).map((b) => new RegExp(escape(REVIEW_BLOCK_LABELS[b].split('·')[1]))),
};

/** 表四's headings followed by its figures (five or more before the headings come again). */
function reviewCopies(pieces: readonly Piece[]): number {
  const last = MARKS.t4[MARKS.t4.length - 1];
  let copies = 0;
  let figures = -1;
  for (const p of pieces) {
    if (p.kind === 'label' && last.test(p.text)) {
      if (figures >= 5) copies++;
      figures = 0;
    } else if (p.kind === 'value' && figures >= 0) figures++;
  }
  return copies + (figures >= 5 ? 1 : 0);
}

/**
 * The tables whose every mark stands in two labels. 表四's headings also repeat after a page
 * break, so a copy of 表四 is its headings with its figures after them.
 */
export function tablesPrintedTwice(pieces: readonly Piece[]): TableId[] {
  const labels = pieces.filter((p) => p.kind === 'label').map((p) => p.text);
  const twice = (t: TableId) => MARKS[t].every((re) => labels.filter((l) => re.test(l)).length >= 2);
  const out = (['t2', 't3'] as TableId[]).filter(twice);
  return twice('t4') && reviewCopies(pieces) >= 2 ? [...out, 't4'] : out;
}

/** The years of the report titles a text holds (……2023年（度）政府信息公开工作年度报告). */
export function titleYears(text: string): number[] {
  const years = new Set<number>();
  for (const m of squash(text).matchAll(/(20\d\d)年度?政府信息公开工作年度报告/g)) years.add(Number(m[1]));
  return [...years].sort();
}
