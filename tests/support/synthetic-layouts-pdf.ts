/**
 * pdftotext -layout of a PDF whose tables have narrow figure columns (a Chromium or Word print on
 * A4): each page starts with a form feed; where a row's label wraps, the row's figures are split
 * over the label's two lines (`（二）部分公开（区分处理的， 18` / `不计其他情形） 0 0 0 0 0 18`), as
 * the extractor puts each figure on the line whose height it shares; and in the narrow columns a
 * 0 runs into the figure after it (`0 005`, `0 02`). A person reads every cell: a count never
 * starts with 0, so `005` is 0, 0, 5.
 */
import { APPLICANT_HEAD, REVIEW_KEYS, SECTION, T2_FORM, T4_HEAD_CELLS, type FormRow } from './synthetic-forms';
import { pick, spell } from './synthetic-figures';
import { doc, label, opening, t3Rows, values, type Ctx, type SyntheticDoc } from './synthetic-layouts';

const gap = (c: Ctx) => ' '.repeat(1 + Math.floor(c.r() * 5));

/** Figures as the extractor sets them: in the last columns a lone 0 may touch the next figure. */
function narrow(c: Ctx, cells: string[], columns: number): string {
  let s = cells[0] ?? '';
  for (let i = 1; i < cells.length; i++) {
    const touch = i > cells.length - columns && cells[i - 1] === '0' && /^\d/.test(cells[i]) && c.r() < 0.6;
    s += (touch ? '' : gap(c)) + cells[i];
  }
  return s;
}

/** A row's lines: the label, wrapped or not, with its figures on one line or split over two. */
function rowLines(c: Ctx, text: string, cells: string[], columns: number, splitBlanks: boolean): string[] {
  const indent = ' '.repeat(Math.floor(c.r() * 12));
  // (Which column a figure on the label's line stands in is read from the order: where the row
  // also has blanks, a 0 and a blank could trade places unseen, and even a person cannot tell.)
  const blanks = cells.some((x) => !/^\d/.test(x));
  if (text.length < 8 || c.r() >= 0.3 || (blanks && !splitBlanks)) return [`${indent}${text}${gap(c)}   ${narrow(c, cells, columns)}`];
  // The label's second line holds its last few characters (a continuation, naming no row).
  const at = text.length - 3 - Math.floor(c.r() * 3);
  const k = 1 + Math.floor(c.r() * Math.min(3, cells.length - 1));
  return [`${indent}${text.slice(0, at)}${gap(c)}${cells.slice(0, k).join(gap(c))}`,
    `${indent}${text.slice(at)}${gap(c)}   ${narrow(c, cells.slice(k), columns)}`];
}

export function narrowColumns(c: Ctx, splitBlanks = false): SyntheticDoc {
  const out = opening(c);
  out.push(pick(c.r, SECTION.t2));
  for (const x of T2_FORM[c.t.form]) {
    if (x.heading) out.push(`   ${x.heading}`, `信息内容 ${x.heads!.join('  ')}`);
    out.push(`${label(c, x)}${gap(c)}${values(c, x).join(gap(c))}`);
  }
  out.push(pick(c.r, SECTION.t3), `${SECTION.t3note}        ${APPLICANT_HEAD[0]}`,
    `        ${APPLICANT_HEAD.slice(1, 3).join('  ')} 总`, `  ${APPLICANT_HEAD.slice(3, 8).join('   ')}   计`);
  const rows = t3Rows(c);
  const page = 3 + Math.floor(c.r() * (rows.length - 4));
  rows.forEach((x: FormRow, i) => {
    const text = `${x.heading && c.r() < 0.5 ? `${x.heading} ` : ''}${label(c, x)}`;
    const lines = rowLines(c, text, values(c, x), 3, splitBlanks);
    // A page break: the next page's first line starts with a form feed.
    if (i === page) lines[0] = `\f${lines[0]}`;
    out.push(...lines);
  });
  out.push('', pick(c.r, SECTION.t4), T4_HEAD_CELLS.slice(0, 2).join('        '), T4_HEAD_CELLS.slice(2).join(' '),
    narrow(c, REVIEW_KEYS.map((k) => spell(c.t, k, c.blank())), 15), '');
  return doc(c, 'report.txt', out);
}
