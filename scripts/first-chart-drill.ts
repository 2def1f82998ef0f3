/**
 * The first chart of 对比, 申请, 复议诉讼 and 采购与收费 — the place summary (按地区汇总) of the
 * page's headline measure, at 全国 (or the one place a dataset lies in), in the year the page picks by default — drawn at build time
 * from the build's prerendered answers with the page's own functions (compare/drill-view.ts),
 * so a shared link shows true bars before any script has run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC, type Table } from 'apache-arrow';
import { CATALOG, findMeasure, type CatalogMeasure } from '../src/lib/compare/catalog';
import { drillView, type DrillView } from '../src/lib/compare/drill-view';
import { NO_FILTER, chosenUnits, placeOf, placeParams, type DivisionNames } from '../src/lib/compare/filter';
import { allYears } from '../src/lib/compare/load';
import { namesFrom } from '../src/lib/compare/names';
import { pivot, unitsFrom, valuedYears, type UnitInfo } from '../src/lib/compare/pivot';
import { regionMeasureSql, soleChild } from '../src/lib/compare/regions';
import { measureSql, unitsSql } from '../src/lib/compare/sql';
import { COMPARE_SPEC, FOCUS_DRILL, FOCUS_SPEC, FOCUS_TOP, chosenYears, focusYear } from '../src/lib/compare/state';
import type { DivisionTable } from '../src/lib/divisions';
import { validPrefix } from '../src/lib/divisions/path';
import { NAV } from '../src/lib/nav';
import { ANSWERS_DIR, answerKey } from '../src/lib/prerender/key';
import { staticFigure, staticFrame } from './static-page';

/** Each page's place summary: the measure its RegionDrill sums and how many rows a long list shows. */
export const DRILL_PAGES = [
  { path: 'compare', measure: COMPARE_SPEC.measure, top: COMPARE_SPEC.top, rankByMeasure: true },
  ...(['applications', 'review', 'procurement'] as const).map((path) => ({ path, measure: FOCUS_DRILL[path], top: FOCUS_TOP, rankByMeasure: false })),
];

type Answers = (sql: string) => Table | null;

/** The build's prerendered answer to `sql`, or null when the build has none. */
export function answersIn(buildDir: string): Answers {
  return (sql) => {
    const file = join(buildDir, 'data', ANSWERS_DIR, `${answerKey(sql.trim())}.arrow`);
    return existsSync(file) ? tableFromIPC(readFileSync(file)) : null;
  };
}

type DrillPage = { path: string; measure: string; top: number; rankByMeasure: boolean };

/** What every drawing of a build shares: the bodies and the place names. */
export interface DrillContext { units: UnitInfo[]; years: number[]; names: DivisionNames }

export function drillContext(answers: Answers, divisions: DivisionTable): DrillContext | null {
  const unitsTable = answers(unitsSql());
  const units = unitsTable ? unitsFrom(unitsTable) : [];
  return units.length ? { units, years: allYears(units), names: namesFrom(divisions) } : null;
}

/**
 * The page's place summary in one URL state (a measure, a place; everything else at its default),
 * computed as the page does (RegionDrill with the page's year), or null when an answer is missing.
 */
export function drillFigure(page: DrillPage, ctx: DrillContext, answers: Answers, state: { measure?: string; place?: string } = {}): DrillView | null {
  const measure: CatalogMeasure | undefined = findMeasure(state.measure ?? page.measure);
  if (!measure) return null;
  const filter = { ...NO_FILTER, ...placeParams(state.place ?? '') };
  // As the page's RegionDrill does: a place with one child place goes on to that place.
  let place = placeOf(filter);
  let regions = answers(regionMeasureSql(measure, { prefix: place, level: '' }));
  for (let child = regions && soleChild(regions); child; child = regions && soleChild(regions)) {
    place = child;
    regions = answers(regionMeasureSql(measure, { prefix: place, level: '' }));
  }
  if (!regions) return null;
  const chosen = chosenUnits(ctx.units, filter, []);
  const shown = chosenYears(FOCUS_SPEC.years, ctx.years);
  // 对比 ranks in the years its measure has figures (采购 only in 2019–2020), as the page does.
  let rankYears = shown;
  if (page.rankByMeasure) {
    const values = answers(measureSql(measure.sql, null, measure.base));
    if (!values) return null;
    const valued = valuedYears(pivot(values, chosen, shown, measure.templates));
    if (valued.length) rankYears = valued;
  }
  const year = focusYear(0, rankYears, chosen);
  const view = drillView(regions, { measure, place, years: ctx.years, year, names: ctx.names, top: page.top });
  return view.ranked.length ? view : null;
}

/** The static block of one page in its default state, or null when the build lacks an answer it needs. */
export function staticDrill(page: DrillPage, answers: Answers, divisions: DivisionTable): string | null {
  const ctx = drillContext(answers, divisions);
  const view = ctx && drillFigure(page, ctx, answers);
  if (!view) return null;
  const heading = NAV.find((n) => n.href === `/${page.path}`)?.label ?? page.path;
  return staticFrame(heading, staticFigure(view.option, view.title, '', view.height, `${page.path}-regions`));
}

/** Most URL states drawn per page (places first, then 对比's common measures). */
export const STATE_FIGURES_MAX = 160;

/**
 * The URL states a shared link carries most, each as the query its link has (params sorted, the
 * defaults left out, as the page writes them): every page at a place that has bodies —
 * provinces, then cities, then counties — and 对比 on another of its common measures.
 */
export function drillStates(page: DrillPage, ctx: DrillContext): { query: string; measure?: string; place?: string }[] {
  const out: { query: string; measure?: string; place?: string }[] = [];
  for (const pick of [(u: UnitInfo) => u.province_code, (u: UnitInfo) => u.city_code, (u: UnitInfo) => u.county_code]) {
    const codes = [...new Set(ctx.units.map(pick).filter((c): c is string => !!c && validPrefix(c) === c))].sort();
    for (const place of codes) out.push({ query: stateQuery(placeParams(place)), place });
  }
  if (page.rankByMeasure) {
    // The catalog's first group, 常用指标: every cell of the form as well would put ~250 states in the
    // page's inline table (45 KB), and the HTML's size held the first paint back.
    for (const m of CATALOG[0].measures) if (m.id !== page.measure) out.push({ query: stateQuery({ measure: m.id }), measure: m.id });
  }
  return out.slice(0, STATE_FIGURES_MAX);
}

/** A URL state as a query: non-empty params, sorted by name (the guard in static-page.ts reads a link's the same way). */
export function stateQuery(params: Record<string, string>): string {
  return Object.entries(params).filter(([, v]) => v !== '').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
}
