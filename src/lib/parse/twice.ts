/**
 * A file that prints a standard table twice: two reports saved as one page, or one report
 * whose table was pasted again. Which copy belongs to the report cannot be told from the
 * reading order, so such tables are flagged, and a file with reports of several years is
 * refused: its tables cannot be told apart.
 */
import type { TableId } from '../format';
import { squash } from './normalize';

/** Words each table prints in its own header or rows, and nowhere else. */
const MARKS: Record<TableId, readonly string[]> = {
  t2: ['第二十条第（一）项', '第二十条第（五）项'],
  t3: ['本年新收政府信息公开申请数量', '结转下年度继续办理'],
  t4: ['未经复议直接起诉', '复议后起诉'],
};

function count(text: string, word: string): number {
  let n = 0;
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) n++;
  return n;
}

/** The tables whose every mark is printed at least twice. */
export function tablesPrintedTwice(text: string): TableId[] {
  const t = squash(text);
  return (Object.keys(MARKS) as TableId[]).filter((id) => MARKS[id].every((w) => count(t, w) >= 2));
}

/** The years of the report titles a text holds (……2023年（度）政府信息公开工作年度报告). */
export function titleYears(text: string): number[] {
  const years = new Set<number>();
  for (const m of squash(text).matchAll(/(20\d\d)年度?政府信息公开工作年度报告/g)) years.add(Number(m[1]));
  return [...years].sort();
}
