/** Column names and types of the shipped tables, shared by the data build and the docs. */
import { ALL_KEYS, keyColumn } from '../format';
import type { ColumnType } from './arrow';

export const REPORT_COLUMNS: [string, ColumnType][] = [
  ['report_id', 'VARCHAR'], ['unit', 'VARCHAR'], ['unit_key', 'VARCHAR'],
  ['unit_pinyin', 'VARCHAR'], ['unit_initials', 'VARCHAR'], ['division_code', 'VARCHAR'], ['division_name', 'VARCHAR'],
  ['province_code', 'VARCHAR'], ['city_code', 'VARCHAR'], ['county_code', 'VARCHAR'], ['level', 'VARCHAR'],
  ['year', 'INTEGER'], ['template', 'VARCHAR'], ['source_file', 'VARCHAR'], ['input_kind', 'VARCHAR'],
  ['proactive_total', 'DOUBLE'], ['proactive_approx', 'BOOLEAN'], ['n_findings', 'INTEGER'], ['n_uncertain', 'INTEGER'],
  ...ALL_KEYS.map((k): [string, ColumnType] => [keyColumn(k), 'DOUBLE']),
];

export const CELL_COLUMNS: [string, ColumnType][] = [
  ['report_id', 'VARCHAR'], ['key', 'VARCHAR'], ['value', 'DOUBLE'], ['uncertain', 'BOOLEAN'], ['reason', 'VARCHAR'],
  ['page', 'INTEGER'], ['line', 'INTEGER'], ['tbl', 'INTEGER'], ['row', 'INTEGER'], ['col', 'INTEGER'], ['text', 'VARCHAR'],
];

export const FINDING_COLUMNS: [string, ColumnType][] = [
  ['report_id', 'VARCHAR'], ['rule', 'INTEGER'], ['tbl', 'VARCHAR'], ['row_label', 'VARCHAR'], ['col_label', 'VARCHAR'],
  ['expected', 'DOUBLE'], ['printed', 'DOUBLE'], ['message', 'VARCHAR'],
];

export const DICTIONARY_COLUMNS: [string, ColumnType][] = [
  ['key', 'VARCHAR'], ['column_name', 'VARCHAR'], ['tbl', 'VARCHAR'], ['row_label', 'VARCHAR'], ['col_label', 'VARCHAR'],
  ['templates', 'VARCHAR'], ['unit', 'VARCHAR'],
];
