/** What the console documents: the tables' columns and the data dictionary (key → Chinese label). */
import { DATA_TABLES } from '../data/tables';
import { quote } from '../data/sql-quote';

export const TABLE_NOTES: Record<(typeof DATA_TABLES)[number], string> = {
  reports: '每份年报一行：身份列（单位、年度、区划、格式、来源文件……），再加每个口径键一列（列名为键把“.”换成“__”，如 apps__new__total；含义见下方数据字典）。',
  cells: '每个单元格一行：key、value（空 = 未报告）、uncertain 与 reason（存疑及原因）、来源位置 page / line / tbl / row / col 与原文 text。',
  findings: '每处勾稽问题一行：rule（规则 1–7）、tbl、row_label、col_label、expected（应为）、printed（印为）、message。',
  dictionary: '数据字典：每个口径键一行，key、column_name（reports 表中的列名）、表格、行标签、列标签、适用格式、单位。',
};

export function schemaSql(): string {
  const names = DATA_TABLES.map(quote).join(', ');
  return `SELECT table_name, column_name, data_type FROM information_schema.columns
    WHERE table_name IN (${names}) ORDER BY table_name, ordinal_position`;
}

export function dictionarySql(): string {
  return `SELECT key, column_name, tbl, row_label, col_label, templates, unit FROM dictionary ORDER BY tbl, key`;
}

export const EXAMPLES: { label: string; sql: string }[] = [
  {
    label: '哪些年报不符合勾稽关系',
    sql: `SELECT r.unit AS 单位, r.year AS 年度, f.rule AS 规则, f.message AS 问题
FROM findings f JOIN reports r ON r.report_id = f.report_id
ORDER BY r.unit, r.year, f.rule`,
  },
  {
    label: '各单位各年度收到申请数',
    sql: `SELECT unit AS 单位, year AS 年度, apps__new__total AS 收到申请
FROM reports
ORDER BY unit, year`,
  },
  {
    label: '存疑的数字及原因',
    sql: `SELECT c.report_id, d.row_label, d.col_label, c.reason
FROM cells c JOIN dictionary d ON d.key = c.key
WHERE c.uncertain`,
  },
];
