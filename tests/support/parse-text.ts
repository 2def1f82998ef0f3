/** A report's text parsed as the app parses an imported file: the report, or the refusal thrown. */
import { isFailure, type ParsedReport } from '../../src/lib/format';
import { parseFile } from '../../src/lib/parse';
import { T2_FORM } from './synthetic-forms';

export async function parsedText(text: string, name = 'report.txt'): Promise<ParsedReport> {
  const r = await parseFile(name, new TextEncoder().encode(text));
  if (isFailure(r)) throw new Error(r.error.message);
  return r;
}

/** A Markdown pipe row: null is an empty cell. */
export const pipe = (cells: (string | number | null)[]) => `| ${cells.map((c) => (c === null ? '' : String(c))).join(' | ')} |`;

/** 表二 of the 2021 form as Markdown pipe rows under its item headings (收费 in 万元, as printed). */
export const markdownT2 = (cells: Record<string, number | null>): string[] => T2_FORM['2021'].flatMap((r) => [
  ...(r.heading ? [r.heading, pipe(['信息内容', ...r.heads!])] : []),
  pipe([r.labels[0], ...r.keys.map((k) => (k.endsWith('_yuan') ? (cells[k] as number) / 10000 : cells[k]))]),
]);
