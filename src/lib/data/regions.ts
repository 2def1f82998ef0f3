/**
 * The SQL both drill-downs share: the reports under one place (a division-code prefix, '' for
 * all), each tagged with the child place one level down it belongs to. A report of a body at
 * the place itself (a province's own government and departments, or a body without a code) has
 * no child place: `region` is NULL there and the views list such bodies on their own.
 */
import { childLength } from '../divisions/path';
import { LEVEL_LABELS } from '../format';
import { quote } from './sql-quote';

export interface PlaceFilter {
  /** A division-code prefix: '' all, 2 a province, 4 a city, 6 a county, 9 a township. */
  prefix: string;
  /** A level of LEVEL_LABELS, or '' for every level. */
  level: string;
}

/** `region` (the child place's code or NULL) and the WHERE of the place and level. */
export function placeParts(f: PlaceFilter): { region: string; where: string } {
  if (f.prefix && !/^\d{2,12}$/.test(f.prefix)) throw new Error(`bad division code: ${f.prefix}`);
  const n = childLength(f.prefix);
  const region = n === null ? 'NULL::VARCHAR'
    : `CASE WHEN length(division_code) > ${f.prefix.length} THEN left(division_code, ${n}) END`;
  const where: string[] = [];
  if (f.prefix) where.push(`starts_with(division_code, ${quote(f.prefix)})`);
  if (f.level && f.level in LEVEL_LABELS) where.push(`level = ${quote(f.level)}`);
  return { region, where: where.length ? `WHERE ${where.join(' AND ')}` : '' };
}
