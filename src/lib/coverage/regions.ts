/**
 * Coverage by place: for each child place of the current one (and the bodies at the place
 * itself, as one 本级 row) and each year, how many of the bodies known there reported. The
 * denominator is the bodies the dataset knows in that place — any that has a report of any
 * year — not every body that exists: the dataset cannot know of a body that never reported.
 * A place-year without a report has no row (无此年报, as the page words it), never a share of 0 written as data.
 */
import { column, type Columnar } from '../data/columns';
import { placeParts, type PlaceFilter } from '../data/regions';

export function regionCoverageSql(f: PlaceFilter): string {
  const { region, where } = placeParts(f);
  // '' stands for 本级 inside the query so the join matches it; it leaves as NULL.
  return `WITH r AS (SELECT coalesce(${region}, '') AS region, unit_key, year::INTEGER AS year, n_findings FROM reports ${where}),
    k AS (SELECT region, count(DISTINCT unit_key)::INTEGER AS known FROM r GROUP BY region)
    SELECT nullif(region, '') AS region, known, year, count(DISTINCT unit_key)::INTEGER AS reported,
      count(*) FILTER (WHERE n_findings > 0)::INTEGER AS with_findings
    FROM r JOIN k USING (region) GROUP BY region, known, year ORDER BY region = '', region, year`;
}

export interface CoverageCell {
  reported: number;
  withFindings: number;
}

export interface RegionCoverage {
  /** The child place's code; null for the bodies at the current place itself (本级). */
  code: string | null;
  known: number;
  byYear: Map<number, CoverageCell>;
}

export function regionCoverage(t: Columnar): RegionCoverage[] {
  const [region, known, year, reported, withFindings] = ['region', 'known', 'year', 'reported', 'with_findings'].map((n) => column(t, n));
  const out = new Map<string | null, RegionCoverage>();
  region.forEach((c, i) => {
    const code = c === null || c === undefined ? null : String(c);
    const row = out.get(code) ?? { code, known: Number(known[i]), byYear: new Map() };
    row.byYear.set(Number(year[i]), { reported: Number(reported[i]), withFindings: Number(withFindings[i]) });
    out.set(code, row);
  });
  return [...out.values()];
}

/** The share reported, or null when nobody reported that year (无此年报, not 0 %). */
export function share(row: RegionCoverage, year: number): number | null {
  const c = row.byYear.get(year);
  return c && row.known ? c.reported / row.known : null;
}
