/**
 * What a drawn figure rests on, in words and marks shared by labels, tooltips and the legend
 * note: a ratio's n when it is small, ※ for a report that breaks a 勾稽 rule, 导入 for a
 * figure the user imported. Also the tooltip formatter every chart uses.
 */
import type { CellNote } from '../compare/pivot';
import { escapeHtml } from './format';

/** Below this many cases a rate is shown with its n: 1 of 2 is not "50 %" to a reader. */
export const SMALL_N = 10;
export const FINDING_MARK = '※';
export const USER_MARK = '导入';

/** What each mark means, in the legend of a chart that draws it. */
export const MARK_KEYS = {
  n: `n=… 比率的分母（不足 ${SMALL_N} 件时标出）`,
  finding: `${FINDING_MARK} 该报告有勾稽不符`,
  user: `${USER_MARK} 我的报告（在本浏览器导入）`,
} as const;

/** The legend keys of the marks that `markText` draws for these notes, in MARK_KEYS order. */
export function marksUsed(notes: Iterable<CellNote | undefined>, ratio: boolean): string[] {
  let n = false, finding = false, user = false;
  for (const note of notes) {
    if (!note) continue;
    n ||= ratio && note.n !== null && note.n > 0 && note.n < SMALL_N;
    finding ||= note.findings > 0;
    user ||= note.user;
  }
  const keys: string[] = [];
  if (n) keys.push(MARK_KEYS.n);
  if (finding) keys.push(MARK_KEYS.finding);
  if (user) keys.push(MARK_KEYS.user);
  return keys;
}

/** The short mark drawn beside a point or bar ('' for none). */
export function markText(note: CellNote | undefined, ratio: boolean): string {
  if (!note) return '';
  const parts: string[] = [];
  if (ratio && note.n !== null && note.n > 0 && note.n < SMALL_N) parts.push(`n=${note.n}`);
  if (note.findings > 0) parts.push(FINDING_MARK);
  if (note.user) parts.push(USER_MARK);
  return parts.join(' ');
}

/** The same, spelled out for a tooltip. */
export function noteText(note: CellNote | undefined, ratio: boolean): string {
  if (!note) return '';
  const parts: string[] = [];
  if (ratio && note.n !== null && note.n > 0) parts.push(`n = ${note.n} 件`);
  if (note.findings > 0) parts.push(`${FINDING_MARK} 该报告有 ${note.findings} 处勾稽不符`);
  if (note.user) parts.push('我的报告（导入）');
  return parts.join('；');
}

export interface TipCell {
  series: string;
  /** The value with its unit, or the words of its state. */
  text: string;
  note?: string;
}

interface AxisParam { seriesIndex?: number; dataIndex?: number; marker?: unknown; axisValueLabel?: string; name?: string }

/**
 * An ECharts tooltip (trigger 'axis') whose lines come from `cell`, so a gap reads as its state
 * and a value with its unit. Everything but ECharts' colour marker is escaped.
 */
export function axisTooltip(cell: (series: number, index: number) => TipCell | null): Record<string, unknown> {
  return {
    trigger: 'axis',
    confine: true,
    axisPointer: { type: 'shadow' },
    formatter: (raw: AxisParam | AxisParam[]) => {
      const ps = Array.isArray(raw) ? raw : [raw];
      const head = escapeHtml(String(ps[0]?.axisValueLabel ?? ps[0]?.name ?? ''));
      const lines = ps.map((p) => {
        const c = cell(p.seriesIndex ?? 0, p.dataIndex ?? 0);
        if (!c) return '';
        const note = c.note ? `<br><span style="color:#666;font-size:12px">${escapeHtml(c.note)}</span>` : '';
        return `${typeof p.marker === 'string' ? p.marker : ''}${escapeHtml(c.series)}：<b>${escapeHtml(c.text)}</b>${note}`;
      });
      return [`<b>${head}</b>`, ...lines.filter(Boolean)].join('<br>');
    },
  };
}
