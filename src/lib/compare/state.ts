/**
 * The URL parameters of each comparison view, with their defaults (left out of links). Kept
 * apart from the views so the bench and the tests name the same parameters.
 */
export const COMPARE_SPEC = {
  units: [] as string[],
  years: [] as string[],
  measure: 'received',
  chart: 'bars',
  /** The year of the bar chart and the ranking; 0 = the latest year shown. */
  year: 0,
  /** The ranking lists this many bodies at its top and bottom and summarizes the rest. */
  top: 10,
  q: '',
  level: '',
  province: '',
  city: '',
  county: '',
  /** A township's 9-digit code, set by the drill-down (the menus stop at the county). */
  town: '',
};
export type CompareParams = typeof COMPARE_SPEC;

/** The focused views (申请, 复议诉讼, 采购与收费): bodies, years, filters, and the ranking year. */
export const FOCUS_SPEC = {
  units: [] as string[],
  years: [] as string[],
  year: 0,
  q: '',
  level: '',
  province: '',
  city: '',
  county: '',
  /** A township's 9-digit code, set by the drill-down (the menus stop at the county). */
  town: '',
};
export type FocusParams = typeof FOCUS_SPEC;

/**
 * The measure each focused view's place summary sums (its headline figure), and how many places
 * a long summary shows at its top and bottom. The views, the build's prerendered answers and the
 * summaries drawn into the pages' HTML all read them here.
 */
export const FOCUS_DRILL = { applications: 'received', review: 'review_correction_rate', procurement: 'procurement_items' } as const;
export const FOCUS_TOP = 10;

export const CHART_TYPES = [
  { id: 'bars', label: '柱状图（单一年度，各单位）' },
  { id: 'lines', label: '折线图（历年，每单位一条线）' },
  { id: 'composition', label: '办理结果构成（100% 堆叠）' },
  { id: 'multiples', label: '小多图（每单位一图，坐标相同）' },
] as const;

export const MARK_REDRAW_START = 'gongkai:compare-filter';
export const MEASURE_REDRAW = 'gongkai:compare-redraw';

/** Years from the URL (strings) as numbers among those the dataset has; none ticked = all. */
export function chosenYears(param: readonly string[], all: readonly number[]): number[] {
  const picked = all.filter((y) => param.includes(String(y)));
  return picked.length ? picked : [...all];
}

/**
 * The year to rank and to draw bars for: the one asked for if shown; else the shown year in
 * which most of the bodies reported (the latest of equals), so a first look compares many.
 */
export function focusYear(asked: number, shown: readonly number[], units: readonly { years: number[] }[] = []): number {
  if (shown.includes(asked)) return asked;
  let best = shown.at(-1) ?? asked;
  let most = -1;
  for (const y of shown) {
    const n = units.filter((u) => u.years.includes(y)).length;
    if (n >= most) { most = n; best = y; }
  }
  return best;
}
