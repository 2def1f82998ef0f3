/**
 * The place summary (按地区汇总) from its answer: ranking, the rows a long list shows, the title
 * and the bar chart. One function for the page's RegionDrill and for the build, which draws a
 * page's default summary into its HTML (scripts/first-chart.ts): both show the same bars.
 */
import type { EChartsCoreOption } from 'echarts/core';
import { barsOption } from '../charts/compare';
import { shortUnit } from '../charts/format';
import type { Columnar } from '../data/columns';
import type { CatalogMeasure } from './catalog';
import { look } from './compareCharts';
import { childNoun, crumbs, drillRows, pickRows } from './drill';
import type { DivisionNames } from './filter';
import { ranking, type RankRow } from './pivot';
import { regionPivot } from './regions';
import type { RankSummary } from './topn';

export interface DrillInput {
  measure: CatalogMeasure;
  /** The current place, a division-code prefix ('' = everywhere). */
  place: string;
  years: readonly number[];
  year: number;
  names: DivisionNames;
  /** How many rows a long list shows at its top and at its bottom. */
  top: number;
}

export interface DrillView {
  ranked: RankRow[];
  summary: RankSummary;
  /** The rows listed (and drawn as bars): the top and bottom ones, then those without a figure. */
  listed: RankRow[];
  /** Per row: that year's reports and how many of them have the figure. */
  counts: Map<string, { units: number; valued: number } | undefined>;
  /** What the places one level down are called (省份, 城市, …, 单位). */
  noun: string;
  title: string;
  option: EChartsCoreOption;
  /** The chart's height (px): more rows, a taller chart. */
  height: number;
}

export function drillView(answer: Columnar, d: DrillInput): DrillView {
  const model = regionPivot(answer, d.years, (code, _k, title) => (code ? d.names(code) ?? code : shortUnit(title)));
  const ranked = ranking(model.pivot, d.year);
  const summary = drillRows(ranked, d.top);
  const listed = [...summary.top, ...summary.bottom].map((p) => p.row).concat(summary.missingRows);
  const noun = childNoun(d.place);
  const here = crumbs(d.place, d.names).at(-1)!.label;
  const title = `${d.measure.title}：${d.year} 年${here}各${noun === '单位' ? '单位' : `${noun}及本级单位`}`;
  return {
    ranked,
    summary,
    listed,
    counts: new Map(model.rows.map((r) => [r.key, r.counts.get(d.year)])),
    noun,
    title,
    option: barsOption(title, pickRows(model.pivot, listed.map((r) => r.key)), d.year, look(d.measure)),
    height: Math.max(300, 200 + listed.length * 6),
  };
}
