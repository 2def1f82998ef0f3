/**
 * Chinese names of division codes, for the filter menus. The division table is large (730 KB),
 * so it is fetched only by the views that filter by place, after their first paint; until
 * then (or if it fails) a menu shows the code.
 */
import type { DivisionTable } from '../divisions';
import type { DivisionNames } from './filter';
import tableUrl from '../../../data/divisions.json?url';

let pending: Promise<DivisionNames> | undefined;

/** A township's name from its county's `streets` entry ("001东华门街道|002景山街道"). */
function streetName(t: Partial<Pick<DivisionTable, 'streets'>>, code: string): string | undefined {
  const tail = code.slice(6);
  return t.streets?.[code.slice(0, 6)]?.split('|').find((s) => s.startsWith(tail))?.slice(tail.length);
}

/** Provinces, cities, counties and (for the drill-down's crumbs) townships. */
export function namesFrom(t: Pick<DivisionTable, 'provinces' | 'cities' | 'areas'> & Partial<Pick<DivisionTable, 'streets'>>): DivisionNames {
  return (code) => {
    const name = code.length === 2 ? t.provinces[code] : code.length === 4 ? t.cities[code] : code.length === 6 ? t.areas[code]
      : code.length === 9 ? streetName(t, code) : undefined;
    // 市辖区 and 省直辖县级行政区划 are the table's placeholders, not names anyone uses.
    return name && name !== '市辖区' && !name.includes('直辖') ? name : null;
  };
}

export function loadDivisionNames(): Promise<DivisionNames> {
  pending ??= fetch(tableUrl)
    .then((r) => {
      if (!r.ok) throw new Error(`行政区划表无法读取（HTTP ${r.status}）`);
      return r.json() as Promise<DivisionTable>;
    })
    .then(namesFrom)
    .catch((err: unknown) => {
      pending = undefined;
      throw err;
    });
  return pending;
}
