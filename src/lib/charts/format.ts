/**
 * How numbers read in the UI. A missing value is one of the four states of format/states.ts —
 * never 0. Percentages carry one decimal everywhere; money reads in 万元 / 亿元 as Chinese
 * readers expect, while the stored value (元) is never changed.
 */
import { STATE_WORDS } from '../format/states';

/** A figure the report leaves blank. */
export const NOT_REPORTED = STATE_WORDS.blank;

const count = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat('zh-CN', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const money = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

function missing(v: unknown): boolean {
  return v === null || v === undefined || v === '-' || (typeof v === 'number' && !Number.isFinite(v));
}

export function formatCount(v: unknown): string {
  return missing(v) ? NOT_REPORTED : count.format(Number(v));
}

export function formatRatio(v: unknown): string {
  return missing(v) ? NOT_REPORTED : percent.format(Number(v));
}

/** 亿元 from 1 亿, 万元 from 1 万, else 元: 77,302,800 元 → 7,730.28 万元. */
export function formatYuan(v: unknown): string {
  if (missing(v)) return NOT_REPORTED;
  const n = Number(v);
  const a = Math.abs(n);
  if (a >= 1e8) return `${money.format(n / 1e8)} 亿元`;
  if (a >= 1e4) return `${money.format(n / 1e4)} 万元`;
  return `${count.format(n)} 元`;
}

/** An axis of 元 in the unit its largest value reads best in, and the divisor to get there. */
export function yuanScale(max: number): { unit: string; div: number } {
  return max >= 1e8 ? { unit: '亿元', div: 1e8 } : max >= 1e4 ? { unit: '万元', div: 1e4 } : { unit: '元', div: 1 };
}

/** 洪泽区人民政府 → 洪泽区: the body's seat is implied; charts need the short name. */
export function shortUnit(unit: string): string {
  return unit.replace(/人民政府$/, '');
}

/** Text for an HTML tooltip: a name a user typed into an imported report is text, never markup. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
