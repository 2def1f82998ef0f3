/**
 * A file that prints a standard table twice: two reports saved as one page, or one report
 * whose table was pasted again. Which copy belongs to the report cannot be told from the
 * reading order, so such tables are flagged — unless the copies are the same line for line (a
 * page that prints its tables and again as an appendix) — and a file with reports of several
 * years is refused: its tables cannot be told apart.
 */
import { APP_ROWS, REVIEW_BLOCK_LABELS, T2_ROWS, type TableId } from '../format';
import type { Piece } from './pieces';
import { squash } from './normalize';
import { lineText, type Line } from './document';
import { readValue } from './numbers';

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

/** Lines of 表四 after its last heading that may hold its fifteen figures. */
const T4_LINES = 8;

/** The lines of each copy of table `t`: from its first mark to its last (表四: to its fifteenth figure). */
function copies(lines: readonly Line[], t: TableId): [number, number][] | null {
  const texts = lines.map(lineText);
  const at = (re: RegExp) => texts.flatMap((x, i) => (re.test(x) ? [i] : []));
  const firsts = at(MARKS[t][0]);
  const lasts = at(MARKS[t][MARKS[t].length - 1]);
  if (firsts.length !== 2 || lasts.length !== 2) return null;
  const ends = t !== 't4' ? lasts : lasts.map((from) => {
    let figures = 0;
    for (let i = from; i < Math.min(lines.length, from + T4_LINES); i++) {
      figures += lines[i].tokens.filter((x) => readValue(x.text) !== null).length;
      if (figures >= 15) return i;
    }
    return -1;
  });
  const spans: [number, number][] = [[firsts[0], ends[0]], [firsts[1], ends[1]]];
  return spans.every(([a, b]) => b >= a) && spans[0][1] < spans[1][0] ? spans : null;
}

/** Table `t`, printed twice, the same line for line in both copies: either copy reads as the other. */
export function sameCopies(lines: readonly Line[], t: TableId): boolean {
  const c = copies(lines, t);
  if (!c) return false;
  const [[a1, b1], [a2, b2]] = c;
  if (b1 - a1 !== b2 - a2) return false;
  for (let i = 0; i <= b1 - a1; i++) if (squash(lineText(lines[a1 + i])) !== squash(lineText(lines[a2 + i]))) return false;
  return true;
}
