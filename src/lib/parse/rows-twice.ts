/**
 * A row of a table printed twice, its name beside its figures each time (a line pasted again,
 * a page break that repeats a row). Where both print the same figures it is one row; where they
 * differ, which one is the report's cannot be told, and reading the one the alignment happened to
 * take gave a wrong figure without a word (red team 9: the later copy was taken every time).
 */
import { cueMatches, ROW_START } from './naming';
import type { Segment } from './align';
import type { RowSpec } from './layout';
import { squash } from './normalize';

export const ROW_TWICE = '这一行在表中印了两次，两次的数字不同，无法确定哪一次属于这份报告，请核对原表';

/**
 * The row's name as the line prints it, from its last item number on (a group's heading before
 * it, （五）不予处理, may be printed with one copy only). Two halves of a wrapped name beside figures
 * a half row off (1.信访 / 举报投诉类申请) are no two copies of one row: their names differ.
 */
function printedName(lineLabel: string): string {
  const line = squash(lineLabel);
  const starts = [...line.matchAll(ROW_START_ALL)].map((m) => m.index!);
  return starts.length ? line.slice(starts[starts.length - 1]) : line;
}
const ROW_START_ALL = new RegExp(ROW_START.source, 'g');

/** The cells of rows printed twice with different figures, with why. */
export function rowsPrintedTwice(segs: readonly Segment[], rows: readonly RowSpec[]): Map<string, string> {
  // (Each row's prints, by the name they are printed with.)
  const byRow = new Map<number, Map<string, string[]>>();
  for (const s of segs) {
    // (A head over the columns names 总计 beside the empty cells of its row: no row of figures.)
    if (s.furniture || s.sub || !s.values.some((v) => v.raw !== '' || v.bad !== undefined) || !s.lineLabel.trim()) continue;
    const m = cueMatches(s.lineLabel, rows as RowSpec[]);
    if (m.last < 0 || m.any.size !== 1) continue;
    // (Empty layout cells at the row's ends are no figures: a copy may have more or fewer.)
    const printed = s.values.map((v) => (v.bad !== undefined ? `?${v.ref.text ?? ''}` : v.raw)).join('|').replace(/^\|+|\|+$/g, '');
    const names = byRow.get(m.last) ?? new Map<string, string[]>();
    byRow.set(m.last, names);
    const name = printedName(s.lineLabel);
    names.set(name, [...(names.get(name) ?? []), printed]);
  }
  const out = new Map<string, string>();
  for (const [r, names] of byRow) {
    if ([...names.values()].some((prints) => new Set(prints).size > 1)) for (const k of rows[r].keys) out.set(k, ROW_TWICE);
  }
  return out;
}
