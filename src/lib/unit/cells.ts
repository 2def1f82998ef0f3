/**
 * One report's cells as the profile shows them: the value (null = 未报告), the parser's doubt,
 * where it was read, and the change against the unit's previous report.
 */
import { formatCount, formatYuan, NOT_REPORTED } from '../charts/format';
import { KEY_INFO } from '../format';

import type { CellRow } from '../dataset/rows';

/** A row of the `cells` table (the shape the data build writes). */
export type CellRecord = CellRow;

/** report_id → key → cell. */
export type CellIndex = Map<string, Map<string, CellRecord>>;

export function indexCells(records: readonly CellRecord[]): CellIndex {
  const out: CellIndex = new Map();
  for (const c of records) {
    let m = out.get(c.report_id);
    if (!m) out.set(c.report_id, (m = new Map()));
    m.set(c.key, c);
  }
  return out;
}

export function formatValue(key: string, v: number | null | undefined): string {
  if (v === null || v === undefined) return NOT_REPORTED;
  return KEY_INFO.get(key)?.unit === '元' ? formatYuan(v) : formatCount(v);
}

/** 来源：x.pdf 第 3 页第 12 行，原文“26” — or 表 1 第 3 行第 2 列 for an HTML table. */
export function sourceText(c: CellRecord | undefined, sourceFile: string): string {
  if (!c) return `来源：${sourceFile}（此格不在原表中）`;
  const at: string[] = [];
  if (c.page !== null) at.push(`第 ${c.page} 页`);
  if (c.line !== null) at.push(`第 ${c.line} 行`);
  if (c.tbl !== null) at.push(`表 ${c.tbl} `);
  if (c.row !== null) at.push(`第 ${c.row} 行`);
  if (c.col !== null) at.push(`第 ${c.col} 列`);
  const where = at.length ? at.join('') : '位置未记录';
  const text = c.text !== null && c.text !== '' ? `，原文“${c.text}”` : c.value === null ? '，原表此格为空' : '';
  return `来源：${sourceFile} ${where}${text}`;
}

/** The change from the previous report; null when either side is not reported. */
export function delta(now: number | null | undefined, before: number | null | undefined): number | null {
  if (now === null || now === undefined || before === null || before === undefined) return null;
  return now - before;
}

export function formatDelta(d: number | null): string {
  if (d === null) return '';
  if (d === 0) return '±0';
  return d > 0 ? `+${formatCount(d)}` : `−${formatCount(-d)}`;
}

/** The report of the latest year before `year` (the previous year when the unit reported it). */
export function previousReport<R extends { year: number }>(reports: readonly R[], year: number): R | null {
  let best: R | null = null;
  for (const r of reports) if (r.year < year && (!best || r.year > best.year)) best = r;
  return best;
}
