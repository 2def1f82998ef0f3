/**
 * The browser tiers of a large dataset, as SQL over its `reports` table: rollups by province,
 * city and county × year for the national and provincial views, and one detail partition per
 * province, loaded only when the user drills in. Counts are INTEGER (Arrow Int32): the figures
 * of a region fit, and narrow integers halve the bytes of doubles before compression.
 */
/** The columns of a rollup (one row per region and year) and of a province's detail partition. */
export const ROLLUP_COLUMNS = ['code', 'year', 'reports', 'units', 'received', 'handled', 'granted', 'partial', 'review_total', 'review_corrected', 'review_pending', 'findings'] as const;
export const DETAIL_COLUMNS = ['report_id', 'unit_key', 'unit', 'division_code', 'level', 'year', 'received', 'handled', 'granted', 'partial', 'review_total', 'review_corrected', 'findings'] as const;

export const TIER_LEVELS = [
  { name: 'province', digits: 2 },
  { name: 'city', digits: 4 },
  { name: 'county', digits: 6 },
] as const;

const SUMS = `count(*)::INTEGER AS reports, count(DISTINCT unit_key)::INTEGER AS units,
    sum(apps__new__total)::INTEGER AS received, sum(apps__total__total)::INTEGER AS handled,
    sum(apps__granted__total)::INTEGER AS granted, sum(apps__partial__total)::INTEGER AS partial,
    sum("review__total")::INTEGER AS review_total, sum("review__corrected")::INTEGER AS review_corrected,
    sum("review__pending")::INTEGER AS review_pending, sum(n_findings)::INTEGER AS findings`;

/** One row per region of the level and year: reports, units that reported, summed figures. */
export function rollupSql(digits: number): string {
  return `SELECT left(division_code, ${digits}) AS code, year::INTEGER AS year, ${SUMS}
    FROM reports WHERE length(division_code) >= ${digits} GROUP BY ALL ORDER BY code, year`;
}

/** Units per region that reported in any year: the denominator of a coverage share. */
export function unitsPerRegionSql(digits: number): string {
  return `SELECT left(division_code, ${digits}) AS code, count(DISTINCT unit_key)::INTEGER AS units
    FROM reports WHERE length(division_code) >= ${digits} GROUP BY ALL ORDER BY code`;
}

/** A province's reports with the figures its views draw, for drill-down, peers and rankings. */
export function detailSql(province: string): string {
  return `SELECT report_id, unit_key, unit, division_code, level, year::INTEGER AS year,
    apps__new__total::INTEGER AS received, apps__total__total::INTEGER AS handled,
    apps__granted__total::INTEGER AS granted, apps__partial__total::INTEGER AS partial,
    "review__total"::INTEGER AS review_total, "review__corrected"::INTEGER AS review_corrected,
    n_findings::INTEGER AS findings
    FROM reports WHERE province_code = '${province.replace(/\D/g, '')}' ORDER BY division_code, year`;
}
