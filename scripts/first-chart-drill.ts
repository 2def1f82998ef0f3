/**
 * The first chart of 对比, 申请, 复议诉讼 and 采购与收费 — the place summary (按地区汇总) of the
 * page's headline measure, at 全国 (or the one place a dataset lies in), in the year the page picks by default — drawn at build time
 * from the build's prerendered answers with the page's own functions (compare/drill-view.ts),
 * so a shared link shows true bars before any script has run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC, type Table } from 'apache-arrow';
import { findMeasure, type CatalogMeasure } from '../src/lib/compare/catalog';
import { drillView } from '../src/lib/compare/drill-view';
import { NO_FILTER, chosenUnits } from '../src/lib/compare/filter';
import { allYears } from '../src/lib/compare/load';
import { namesFrom } from '../src/lib/compare/names';
import { pivot, unitsFrom, valuedYears } from '../src/lib/compare/pivot';
import { regionMeasureSql, soleChild } from '../src/lib/compare/regions';
import { measureSql, unitsSql } from '../src/lib/compare/sql';
import { COMPARE_SPEC, FOCUS_DRILL, FOCUS_SPEC, FOCUS_TOP, chosenYears, focusYear } from '../src/lib/compare/state';
import type { DivisionTable } from '../src/lib/divisions';
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

/** The static block of one page, or null when the build lacks an answer it needs. */
export function staticDrill(page: { path: string; measure: string; top: number; rankByMeasure: boolean }, answers: Answers, divisions: DivisionTable): string | null {
  const measure: CatalogMeasure | undefined = findMeasure(page.measure);
  const unitsTable = answers(unitsSql());
  if (!measure) return null;
  // As the page's RegionDrill does: a place with one child place goes on to that place.
  let place = '';
  let regions = answers(regionMeasureSql(measure, { prefix: place, level: '' }));
  for (let child = regions && soleChild(regions); child; child = regions && soleChild(regions)) {
    place = child;
    regions = answers(regionMeasureSql(measure, { prefix: place, level: '' }));
  }
  if (!unitsTable || !regions) return null;
  const units = unitsFrom(unitsTable);
  if (!units.length) return null;
  const years = allYears(units);
  const chosen = chosenUnits(units, NO_FILTER, []);
  const shown = chosenYears(FOCUS_SPEC.years, years);
  // 对比 ranks in the years its measure has figures (采购 only in 2019–2020), as the page does.
  let rankYears = shown;
  if (page.rankByMeasure) {
    const values = answers(measureSql(measure.sql, null, measure.base));
    if (!values) return null;
    const valued = valuedYears(pivot(values, chosen, shown, measure.templates));
    if (valued.length) rankYears = valued;
  }
  const year = focusYear(0, rankYears, chosen);
  const view = drillView(regions, { measure, place, years, year, names: namesFrom(divisions), top: page.top });
  if (!view.ranked.length) return null;
  const heading = NAV.find((n) => n.href === `/${page.path}`)?.label ?? page.path;
  return staticFrame(heading, staticFigure(view.option, view.title, '', view.height, `${page.path}-regions`));
}
