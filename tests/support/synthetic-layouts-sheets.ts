/**
 * Spreadsheet exports of a report's tables (session 14's red team F): Excel's CSV, and a
 * range copied from Excel as tab-separated text. Every row of a block has the block's columns;
 * a merged label cell leaves its other columns empty, a blank cell is an empty field or a
 * mark, figures keep Excel's spellings (2,293 quoted in CSV, full-width ３，３８０ unquoted).
 */
import { APPLICANT_HEAD, REVIEW_KEYS, SECTION, T4_HEAD_CELLS, type FormRow } from './synthetic-forms';
import { pick, respell, spell } from './synthetic-figures';
import { doc, label, opening, t2Blocks, t3Rows, type Ctx, type SyntheticDoc } from './synthetic-layouts';

/** Where 表三's labels stand among its three label columns, as Excel's merged cells leave them. */
function t3Labels(c: Ctx, x: FormRow): string[] {
  const l = label(c, x);
  if (x.heading?.startsWith('（')) return ['', x.heading, l];
  if (x.heading) return [x.heading, l, ''];
  if (/^\d/.test(l)) return ['', '', l];
  if (l.startsWith('（') || l.startsWith('(')) return ['', l, ''];
  return [l, '', ''];
}

export function spreadsheet(c: Ctx): SyntheticDoc {
  const csv = c.r() < 0.5;
  // A blank is an empty field in most exports; some reports type a mark.
  const emptyBlanks = c.r() < 0.7;
  const cell = (k: string) => respell(spell(c.t, k, emptyBlanks ? '' : c.blank()), c.r);
  const quote = (f: string) => (csv && /[",\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
  const row = (fields: string[], width: number) =>
    [...fields, ...Array<string>(Math.max(0, width - fields.length)).fill('')].map(quote).join(csv ? ',' : '\t');
  const out = opening(c);
  out.push('', pick(c.r, SECTION.t2));
  const w2 = 4;
  for (const block of t2Blocks(c)) {
    out.push(row([block[0].heading!], w2), row(['信息内容', ...block[0].heads!], w2));
    for (const x of block) out.push(row([label(c, x), ...x.keys.map(cell)], w2));
  }
  out.push('', pick(c.r, SECTION.t3), '');
  const w3 = 10;
  out.push(row([SECTION.t3note, '', '', APPLICANT_HEAD[0]], w3), row(['', '', '', APPLICANT_HEAD[1], APPLICANT_HEAD[2], '', '', '', '', '总计'], w3),
    row(['', '', '', '', ...APPLICANT_HEAD.slice(3, 8)], w3));
  for (const x of t3Rows(c)) out.push(row([...t3Labels(c, x), ...x.keys.map(cell)], w3));
  out.push('', pick(c.r, SECTION.t4), '');
  const w4 = 15;
  out.push(row([T4_HEAD_CELLS[0], '', '', '', '', T4_HEAD_CELLS[1]], w4),
    row([...T4_HEAD_CELLS.slice(2, 8), '', '', '', '', T4_HEAD_CELLS[8]], w4),
    row(['', '', '', '', '', ...T4_HEAD_CELLS.slice(9)], w4), row(REVIEW_KEYS.map(cell), w4), '');
  const d = doc(c, csv ? 'report.csv' : 'report.txt', out);
  return d;
}
