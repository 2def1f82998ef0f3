/**
 * Everything the 对比 page draws for one state, as plain data: the chart option, the table
 * behind it and its labels. The page only renders what this returns.
 */
import type { EChartsCoreOption } from 'echarts/core';
import { barsOption, compositionOption, shares, linesOption, multiplesOption, partsTable, pivotTable, MULTIPLE_COLUMNS, MULTIPLE_HEIGHT, type MeasureLook } from '../charts/compare';
import type { ChartTable } from '../charts/table';
import type { Columnar } from '../data/columns';
import type { CatalogMeasure } from './catalog';
import { pivot, type Pivot, type UnitInfo } from './pivot';
import { parts, reportRows } from './reports';
import { OUTCOMES } from './sql';

export interface Drawn {
  name: string;
  label: string;
  option: EChartsCoreOption;
  data: ChartTable;
  units: string;
  height: number;
  /** The figures are ratios (0–1), shown as percentages. */
  percent: boolean;
}

const SHARE: MeasureLook = { label: '占比', format: 'ratio', unit: '%' };

export function look(m: CatalogMeasure): MeasureLook {
  return { label: m.label, format: m.format, unit: m.unit };
}

export function compareChart(kind: string, m: CatalogMeasure, result: Columnar, outcomes: Columnar | null,
  units: readonly UnitInfo[], years: readonly number[], year: number): Drawn | null {
  if (kind === 'composition') {
    if (!outcomes) return null;
    const rows = reportRows(outcomes, OUTCOMES.map((o) => o.id), units, years);
    const counts = parts(rows, OUTCOMES);
    const label = '办理结果构成（各类结果占六类之和的比例）';
    return {
      name: 'compare-composition', label, units: '%', percent: true,
      option: compositionOption(label, rows.categories, counts, rows),
      data: partsTable('单位 · 年度', rows.categories, shares(counts), SHARE, rows),
      height: Math.max(360, 40 + rows.categories.length * 8),
    };
  }
  const p: Pivot = pivot(result, units, years, m.templates);
  const common = { units: m.unit, percent: m.format === 'ratio' };
  if (kind === 'lines') {
    const label = `${m.title}：历年变化`;
    return { ...common, name: 'compare-lines', label, option: linesOption(label, p, look(m)), data: pivotTable(p, look(m)), height: 420 };
  }
  if (kind === 'multiples') {
    const label = `${m.title}：各单位历年（坐标相同）`;
    const rowsN = Math.max(1, Math.ceil(p.units.length / MULTIPLE_COLUMNS));
    return { ...common, name: 'compare-multiples', label, option: multiplesOption(label, p, look(m)), data: pivotTable(p, look(m)),
      height: rowsN * MULTIPLE_HEIGHT + 20 };
  }
  const label = `${m.title}：${year} 年各单位`;
  return { ...common, name: 'compare-bars', label, option: barsOption(label, p, year, look(m)), data: pivotTable(p, look(m), [year]), height: 420 };
}
