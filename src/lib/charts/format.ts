/** How numbers read in the UI. A missing value is 未报告 — never 0, never blank. */
export const NOT_REPORTED = '未报告';
/** A ratio has no value when its denominator is 0 or not reported: shown empty, never 0%. */
export const NO_RATIO = '—';

const count = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 1 });

function missing(v: unknown): boolean {
  return v === null || v === undefined || v === '-' || (typeof v === 'number' && !Number.isFinite(v));
}

export function formatCount(v: unknown): string {
  return missing(v) ? NOT_REPORTED : count.format(Number(v));
}

export function formatRatio(v: unknown): string {
  return missing(v) ? NO_RATIO : percent.format(Number(v));
}

export function formatYuan(v: unknown): string {
  return missing(v) ? NOT_REPORTED : `${count.format(Number(v))} 元`;
}

/** 洪泽区人民政府 → 洪泽区: the body's seat is implied; charts need the short name. */
export function shortUnit(unit: string): string {
  return unit.replace(/人民政府$/, '');
}
