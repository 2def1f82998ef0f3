/**
 * What the download page offers: the shipped tables, what each column means, and CSV made in
 * the browser from the same tables DuckDB loads (so CSV and Parquet hold the same rows).
 */
import type { Table } from 'apache-arrow';
import type { TableName } from '../data/tables';
import { column } from '../data/columns';
import type { ChartTable } from '../charts/table';

export interface ColumnDoc {
  name: string;
  type: string;
  label: string;
}

export interface TableDoc {
  table: TableName;
  title: string;
  row: string;
  columns: ColumnDoc[];
}

const c = (name: string, type: string, label: string): ColumnDoc => ({ name, type, label });

export const TABLE_DOCS: TableDoc[] = [
  {
    table: 'reports', title: '年度报告', row: '每份报告一行',
    columns: [
      c('report_id', '文本', '报告编号（每份年报唯一）'),
      c('unit', '文本', '单位名称（按报告标题原文）'),
      c('unit_key', '文本', '单位标识：同一机关不同标题写法归为一个'),
      c('unit_pinyin', '文本', '单位名称的拼音（音节以空格分隔；多音字另有读法时以“|”隔开），供按拼音查找'),
      c('unit_initials', '文本', '单位名称的拼音首字母（如 chzrmzf），供按首字母查找'),
      c('division_code', '文本', '行政区划代码'),
      c('division_name', '文本', '行政区划名称'),
      c('province_code / city_code / county_code', '文本', '省、市、县级区划代码前缀（2/4/6 位）'),
      c('level', '文本', '层级：province 省、city 市、county 县、township 乡镇、department 部门'),
      c('year', '整数', '报告年度'),
      c('template', '文本', '表格模板：2019 版或 2021 版'),
      c('source_file', '文本', '原始文件名'),
      c('input_kind', '文本', '原始文件类型（text、markdown、html、pdf）'),
      c('proactive_total', '数值', '“总体情况”中所述主动公开总数'),
      c('proactive_approx', '布尔', '该总数是否为约数'),
      c('n_findings', '整数', '未通过的勾稽关系条数'),
      c('n_uncertain', '整数', '无法确定、已标记的单元格数'),
      c('t2__… / apps__… / review__… 等', '数值', '各表各格的数字，每个键一列（列名 = 键名中的“.”换成“__”，含义见下方数据字典）；空白 = 未填报，不是 0'),
    ],
  },
  {
    table: 'cells', title: '单元格', row: '每个读取到的单元格一行',
    columns: [
      c('report_id', '文本', '报告编号'),
      c('key', '文本', '单元格键（见数据字典）'),
      c('value', '数值', '数字；空白 = 未填报'),
      c('uncertain', '布尔', '是否无法确定（已标记）'),
      c('reason', '文本', '标记原因'),
      c('page / line', '整数', '在原文中的页码、行号'),
      c('tbl / row / col', '整数', '在原文表格中的表序、行、列'),
      c('text', '文本', '原文中读到的数字文本'),
    ],
  },
  {
    table: 'findings', title: '勾稽问题', row: '每条未通过的勾稽关系一行',
    columns: [
      c('report_id', '文本', '报告编号'),
      c('rule', '整数', '规则编号（1–7）'),
      c('tbl', '文本', '所在表（t2 表二、t3 表三、t4 表四）'),
      c('row_label / col_label', '文本', '行、列名称'),
      c('expected', '数值', '按勾稽关系应为的数'),
      c('printed', '数值', '报告中印出的数'),
      c('message', '文本', '中文说明'),
    ],
  },
  {
    table: 'dictionary', title: '数据字典', row: '每个单元格键一行',
    columns: [
      c('key', '文本', '单元格键（如 apps.new.total）'),
      c('column_name', '文本', 'reports 表中的列名（如 apps__new__total）'),
      c('tbl', '文本', '所在表'),
      c('row_label / col_label', '文本', '表格中的行、列名称'),
      c('templates', '文本', '含有该格的模板（2019、2021）'),
      c('unit', '文本', '计量单位'),
    ],
  },
];

/** An Arrow result as a header row and rows, nulls kept as null (empty in CSV, never 0). */
export function arrowTable(t: Table): ChartTable {
  const names = t.schema.fields.map((f) => f.name);
  const cols = names.map((n) => column(t, n));
  return { columns: names, rows: Array.from({ length: t.numRows }, (_, i) => cols.map((col) => col[i])) };
}

/** The shipped rows of a table, as DuckDB-WASM holds them, without the app's own origin column. */
export async function datasetCsv(table: TableName): Promise<string> {
  const [{ getQueryService }, { toCsv }] = await Promise.all([import('../data/service'), import('./csv')]);
  const svc = await getQueryService([table]);
  const t = await svc.query(`SELECT * EXCLUDE (origin) FROM ${table} WHERE origin = 'shipped'`);
  return toCsv(arrowTable(t));
}
