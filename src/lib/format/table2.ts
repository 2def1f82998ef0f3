/** 表二's rows and columns per template (kept apart: pages that never show 表二 need not load it). */
import type { Template } from './templates';

/** One printed row of 表二: its key stem, label, the 项 it belongs to, and its columns. */
export interface T2Row {
  stem: string;
  label: string;
  /** Other wordings of the row label seen in real reports. */
  aliases: string[];
  item: string;
  cols: { key: string; label: string; money?: 'yuan' | 'wan' }[];
}

const prev3 = [
  { key: 'prev_items', label: '上一年项目数量' },
  { key: 'change', label: '本年增/减' },
  { key: 'decisions', label: '处理决定数量' },
];

export const T2_ROWS: Record<Template, T2Row[]> = {
  '2019': [
    { stem: 'rules', label: '规章', aliases: [], item: '第二十条第（一）项', cols: [
      { key: 'new_made', label: '本年新制作数量' },
      { key: 'new_published', label: '本年新公开数量' },
      { key: 'total_published', label: '对外公开总数量' }] },
    { stem: 'normative', label: '规范性文件', aliases: ['行政规范性文件'], item: '第二十条第（一）项', cols: [
      { key: 'new_made', label: '本年新制作数量' },
      { key: 'new_published', label: '本年新公开数量' },
      { key: 'total_published', label: '对外公开总数量' }] },
    { stem: 'licensing', label: '行政许可', aliases: [], item: '第二十条第（五）项', cols: prev3 },
    { stem: 'other_services', label: '其他对外管理服务事项', aliases: [], item: '第二十条第（五）项', cols: prev3 },
    { stem: 'punishment', label: '行政处罚', aliases: [], item: '第二十条第（六）项', cols: prev3 },
    { stem: 'coercion', label: '行政强制', aliases: [], item: '第二十条第（六）项', cols: prev3 },
    { stem: 'fees', label: '行政事业性收费', aliases: [], item: '第二十条第（八）项', cols: prev3.slice(0, 2) },
    { stem: 'procurement', label: '政府集中采购', aliases: [], item: '第二十条第（九）项', cols: [
      { key: 'items', label: '采购项目数量' },
      { key: 'amount_yuan', label: '采购总金额', money: 'yuan' }] },
  ],
  '2021': [
    { stem: 'rules', label: '规章', aliases: [], item: '第二十条第（一）项', cols: [
      { key: 'issued', label: '本年制发件数' },
      { key: 'repealed', label: '本年废止件数' },
      { key: 'in_force', label: '现行有效件数' }] },
    { stem: 'normative', label: '行政规范性文件', aliases: ['规范性文件'], item: '第二十条第（一）项', cols: [
      { key: 'issued', label: '本年制发件数' },
      { key: 'repealed', label: '本年废止件数' },
      { key: 'in_force', label: '现行有效件数' }] },
    { stem: 'licensing', label: '行政许可', aliases: [], item: '第二十条第（五）项', cols: [{ key: 'decisions', label: '本年处理决定数量' }] },
    { stem: 'punishment', label: '行政处罚', aliases: [], item: '第二十条第（六）项', cols: [{ key: 'decisions', label: '本年处理决定数量' }] },
    { stem: 'coercion', label: '行政强制', aliases: [], item: '第二十条第（六）项', cols: [{ key: 'decisions', label: '本年处理决定数量' }] },
    { stem: 'fees', label: '行政事业性收费', aliases: [], item: '第二十条第（八）项', cols: [
      { key: 'amount_yuan', label: '本年收费金额（单位：万元）', money: 'wan' }] },
  ],
};

/**
 * Whether one row of 表二 prints figures that cannot stand together: a total published below
 * this year's new ones, a decrease larger than last year's items, fewer documents in force
 * than were issued this year (the last holds unless a document is repealed the year it is
 * issued). No rule of the form covers 表二; this only tells two readings of it apart.
 */
export function t2RowImpossible(cell: (col: string) => number | null): boolean {
  const below = (a: string, b: string) => {
    const x = cell(a), y = cell(b);
    return x !== null && y !== null && x < y;
  };
  const items = cell('prev_items'), change = cell('change');
  return below('total_published', 'new_published') || below('in_force', 'issued') || (items !== null && change !== null && items + change < 0);
}
