/**
 * Which years each body reported 政府集中采购, in words. The item exists only in the 2019
 * template, so a later year is not "未填报" but "表格无此项": the sentence keeps them apart.
 */
import { shortUnit } from '../charts/format';
import { column, type Columnar } from '../data/columns';
import { keyColumn, type Template } from '../format';
import type { UnitInfo } from './pivot';

export interface ProcurementYears {
  key: string;
  label: string;
  reported: number[];
  /** 2019-template reports that leave both procurement cells blank. */
  blank: number[];
  /** Reports of the 2021 template, which has no procurement item. */
  noItem: number[];
}

export function procurementYears(t: Columnar, units: readonly UnitInfo[]): ProcurementYears[] {
  const keys = column(t, 'unit_key');
  const years = column(t, 'year');
  const tpl = column(t, 'template');
  const items = column(t, keyColumn('t2.procurement.items'));
  const amount = column(t, keyColumn('t2.procurement.amount_yuan'));
  return units
    .map((u) => {
      const out: ProcurementYears = { key: u.key, label: shortUnit(u.unit), reported: [], blank: [], noItem: [] };
      keys.forEach((k, i) => {
        if (k !== u.key) return;
        const y = Number(years[i]);
        if ((tpl[i] as Template) !== '2019') out.noItem.push(y);
        else if (typeof items[i] === 'number' || typeof amount[i] === 'number') out.reported.push(y);
        else out.blank.push(y);
      });
      return out;
    })
    .filter((p) => p.reported.length + p.blank.length + p.noItem.length > 0);
}

function yearsText(ys: readonly number[]): string {
  return `${ys.join('、')} 年`;
}

export function procurementSentence(p: ProcurementYears): string {
  const parts: string[] = [];
  parts.push(p.reported.length ? `${yearsText(p.reported)}报告了政府集中采购` : '没有报告政府集中采购的年度');
  if (p.blank.length) parts.push(`${yearsText(p.blank)}的报告未填写（未填报）`);
  if (p.noItem.length) parts.push(`${yearsText(p.noItem)}的报告用 2021 年版表格，没有这一项`);
  return `${p.label}：${parts.join('；')}。`;
}
