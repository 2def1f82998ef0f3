/** The shape of one parsed report: what the parser returns and the data build stores. */
import type { Level, TableId, Template } from './templates';

export type CellValue = number | null;

/** Where a value was read: page and line of a text/PDF, or row and column of an HTML table. */
export interface SourceRef {
  page?: number;
  line?: number;
  /** 1-based row/column of an HTML table (after rowspan/colspan are laid out). */
  table?: number;
  row?: number;
  col?: number;
  /** The characters the number was read from (a digit run, never prose). */
  text: string;
}

export interface Finding {
  /** Rule number of the spec (1–5 within a report, 6–7 across years). */
  rule: number;
  table: TableId;
  /** The row and column named in the report's own labels. */
  row: string;
  col: string;
  /** Keys whose values the rule compares; the first is the printed cell. */
  keys: string[];
  expected: number;
  printed: number;
  /** 表三 · （七）总计 · 自然人: 应为 26，印为 20 */
  message: string;
}

export interface ProactiveTotal {
  value: number;
  approx: boolean;
  sentence: string;
}

export interface Division {
  name: string | null;
  code: string | null;
}

export interface ParsedReport {
  file: string;
  unit: string | null;
  division: Division;
  level: Level | null;
  year: number | null;
  template: Template | null;
  /** Every canonical key of the template; null = not reported. */
  cells: Record<string, CellValue>;
  /** Keys whose value the parser is not sure of, with the reason (Chinese). */
  uncertain: Record<string, string>;
  findings: Finding[];
  proactive_total: ProactiveTotal | null;
  sources: Record<string, SourceRef>;
  /** Tables the input does not contain (a truncated report). */
  missing: TableId[];
  /** Other things a reader should know (Chinese). */
  notes: string[];
  /** The kind of input the report was read from. */
  input: InputKind;
}

export type InputKind = 'text' | 'markdown' | 'csv' | 'html' | 'pdf' | 'docx';

export type ErrorCode =
  | 'empty'
  | 'binary'
  | 'unsupported'
  | 'not_a_report'
  | 'too_old'
  | 'scanned_pdf'
  | 'encrypted_pdf'
  | 'broken_file'
  /** The file itself could not be read (gone, moved, no permission): nothing of it was parsed. */
  | 'unreadable'
  /** An error of Gongkai's own while reading the file: a bug, not the file's fault. */
  | 'internal_error'
  | 'no_tables'
  /** Over a size, page or time limit of src/lib/parse/limits.ts. */
  | 'too_large'
  /** Reports of several years in one file, their tables printed one after another. */
  | 'two_reports';

export interface ParseFailure {
  file: string;
  error: { code: ErrorCode; message: string };
}

export type ParseOutcome = ParsedReport | ParseFailure;

export function isFailure(o: ParseOutcome): o is ParseFailure {
  return 'error' in o;
}

export class ReportError extends Error {
  constructor(public code: ErrorCode, message: string) {
    super(message);
  }
}
