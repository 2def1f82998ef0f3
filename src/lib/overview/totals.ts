/** The overview's four totals in words: the page's boxes and the build's static copy say the same. */
import { LEVEL_LABELS, type Level } from '../format/templates';
import type { Overview } from './model';

export interface Total {
  key: 'units' | 'reports' | 'years' | 'levels';
  label: string;
  text: string;
}

export function totals(data: Overview): Total[] {
  const levels = (Object.keys(LEVEL_LABELS) as Level[])
    .filter((l) => data.levels[l])
    .map((l) => `${LEVEL_LABELS[l]} ${data.levels[l]}`)
    .join('，');
  const years = data.years.length ? `${data.years[0]}–${data.years[data.years.length - 1]}（${data.years.length} 个年度）` : '无';
  return [
    { key: 'units', label: '单位', text: String(data.units) },
    { key: 'reports', label: '年报', text: String(data.reports) },
    { key: 'years', label: '年度', text: years },
    { key: 'levels', label: '层级', text: levels || '无' },
  ];
}
