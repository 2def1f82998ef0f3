/** The source lines around a cell, to show beside the tables (always as text). */
import type { SourceRef } from '../format';
import type { SourceLine } from '../workspace/model';

export interface ContextLine extends SourceLine {
  /** The line the cell's value was read from. */
  hit: boolean;
}

function sameLine(l: SourceLine, ref: SourceRef): boolean {
  if (ref.table !== undefined) return l.table === ref.table && l.row === ref.row;
  return l.line === ref.line && (ref.page === undefined || l.page === ref.page);
}

/**
 * PDF: the whole page the cell came from (its extracted text). Text, Markdown, HTML: the
 * lines around the cell's line, `around` on each side.
 */
export function sourceContext(lines: readonly SourceLine[], ref: SourceRef | undefined, around = 6): ContextLine[] {
  if (!ref) return [];
  const at = lines.findIndex((l) => sameLine(l, ref));
  if (at < 0) return [];
  if (ref.page !== undefined && ref.table === undefined) {
    return lines.map((l, i) => ({ ...l, hit: i === at || sameLine(l, ref) })).filter((l) => l.page === ref.page);
  }
  return lines.slice(Math.max(0, at - around), at + around + 1).map((l) => ({ ...l, hit: sameLine(l, ref) }));
}

/** A typed number: digits with an optional sign, decimals and thousands separators; '' is 未报告. */
export function parseCellInput(s: string): { value: number | null } | { error: string } {
  const t = s.trim().replace(/[,，\s]/g, '');
  if (t === '' || t === '未报告') return { value: null };
  if (!/^-?\d+(\.\d+)?$/.test(t)) return { error: '请输入数字（可留空表示未报告）。' };
  return { value: Number(t) };
}
