/**
 * pdftotext's default mode on a PDF made with Word or WPS (the corpus's 洪泽区 reports): every
 * cell is a text block of its own, blocks set apart by an empty line. The first rows of 表三
 * print label, then figures one per block; further down, pdftotext takes a band of k rows column
 * by column — each column's k figures one block (k lines), seven such blocks —, and prints the
 * labels of those rows later, as one flow, not always in the form's order (a page's footer
 * among them). 表四's figures come one per block among the broken words of its header. Only
 * the order of the figures, without a label to confirm it, could place them: a person cannot
 * be sure, so the parser must only never be wrong.
 */
import { pick, spell } from './synthetic-figures';
import { APPLICANT_HEAD, REVIEW_KEYS, SECTION, T2_FORM, T4_HEAD_CELLS, type FormRow } from './synthetic-forms';
import { label, opening, t3Rows, t4Values, values, type Ctx, type SyntheticDoc, doc } from './synthetic-layouts';

/** Each item a block of its own: an empty line after it. */
const blocks = (items: string[]) => items.flatMap((x) => [x, '']);

/** A band of rows taken column by column: each column's figures one block. */
function band(rows: string[][]): string[] {
  const out: string[] = [];
  for (let col = 0; col < rows[0].length; col++) out.push(...rows.map((r) => r[col]), '');
  return out;
}

/** Labels of a run of rows as one flow, a stretch of them moved (pdftotext's order of blocks). */
function labelFlow(c: Ctx, rows: FormRow[]): string[] {
  const out = rows.flatMap((r) => (r.heading ? [r.heading, label(c, r)] : [label(c, r)]));
  if (out.length > 4 && c.r() < 0.6) {
    const at = 1 + Math.floor(c.r() * (out.length - 3));
    const moved = out.splice(at, 1 + Math.floor(c.r() * 3));
    out.push(...moved);
  }
  if (c.r() < 0.5) out.splice(Math.floor(c.r() * out.length), 0, `-${2 + Math.floor(c.r() * 4)}-`);
  return out;
}

export function wordDefault(c: Ctx): SyntheticDoc {
  const out = opening(c);
  out.push(pick(c.r, SECTION.t2), '');
  for (const x of T2_FORM[c.t.form]) {
    if (x.heading) out.push(...blocks([x.heading, '信息内容', ...x.heads!]));
    out.push(...blocks([label(c, x), ...values(c, x)]));
  }
  out.push(pick(c.r, SECTION.t3), SECTION.t3note, '', ...blocks(APPLICANT_HEAD));
  const rows = t3Rows(c);
  const first = 2 + Math.floor(c.r() * 4);
  for (const x of rows.slice(0, first)) out.push(...blocks([label(c, x), ...values(c, x)]));
  // The rest in bands of 1 to 10 rows, their labels after every band or two.
  let at = first;
  let owed: FormRow[] = [];
  while (at < rows.length) {
    const k = Math.min(rows.length - at, 1 + Math.floor(c.r() * 10));
    const taken = rows.slice(at, at + k);
    out.push(...(k === 1 ? blocks(values(c, taken[0])) : band(taken.map((x) => values(c, x)))));
    owed.push(...taken);
    at += k;
    if (c.r() < 0.5 || at === rows.length) { out.push(...blocks(labelFlow(c, owed))); owed = []; }
  }
  out.push(pick(c.r, SECTION.t4), ...blocks(T4_HEAD_CELLS.slice(0, 2)));
  const heads = T4_HEAD_CELLS.slice(2);
  const figs = t4Values(c);
  // The header's words and the figures in turn, a few of each.
  let h = 0;
  for (let i = 0; i < figs.length; i += 5) {
    const n = 2 + Math.floor(c.r() * 4);
    out.push(...blocks(heads.slice(h, h + n)), ...blocks(figs.slice(i, i + 5)));
    h += n;
  }
  out.push(...blocks(heads.slice(h)));
  return doc(c, 'report.txt', out);
}

/**
 * pdftotext -layout of the same Word table: each cell keeps its column, a label wraps within its
 * column, and a figure wider than its narrow cell wraps under itself (`178` / `8` for 1788,
 * `590` / `69.0` / `1` for 59069.01), on the next line, which may also go on with the label. The
 * wrapped figures cannot be read for sure; the rest can.
 */
export function wordLayout(c: Ctx): SyntheticDoc {
  const fit = pick(c.r, [3, 4]);
  const labelWidth = pick(c.r, [8, 10, 12]);
  const col = fit + 2 + Math.floor(c.r() * 3);
  /** The lines of one table row: the label's chunks at column 0, each figure's chunks in its column. */
  const rowLines = (text: string, cells: string[], from = labelWidth + 2): string[] => {
    const grid: string[][] = [];
    const put = (line: number, at: number, s: string) => {
      while (grid.length <= line) grid.push([]);
      const row = grid[line];
      while (row.length < at) row.push(' ');
      [...s].forEach((ch, i) => (row[at + i] = ch));
    };
    for (let i = 0; i * labelWidth < text.length; i++) put(i, 0, text.slice(i * labelWidth, (i + 1) * labelWidth));
    cells.forEach((x, k) => {
      for (let i = 0; i * fit < x.length; i++) put(i, from + k * col, x.slice(i * fit, (i + 1) * fit));
    });
    return grid.map((r) => r.join('').trimEnd());
  };
  const out = opening(c);
  out.push(pick(c.r, SECTION.t2));
  for (const x of T2_FORM[c.t.form]) {
    if (x.heading) out.push(x.heading, rowLines('信息内容', x.heads!.map((h) => h.slice(0, col - 1))).join('\n'));
    out.push(...rowLines(label(c, x), values(c, x)));
  }
  out.push(pick(c.r, SECTION.t3), ...rowLines(SECTION.t3note, [APPLICANT_HEAD[0]]), ...rowLines('', APPLICANT_HEAD.slice(1).map((h) => h.slice(0, 2))));
  for (const x of t3Rows(c)) out.push(...rowLines(`${x.heading && c.r() < 0.5 ? x.heading : ''}${label(c, x)}`, values(c, x)));
  out.push(pick(c.r, SECTION.t4), ...rowLines('', T4_HEAD_CELLS.slice(2).map((h) => h.slice(0, 2)), 2),
    ...rowLines('', REVIEW_KEYS.map((k) => spell(c.t, k, c.blank())), 2));
  return doc(c, 'report.txt', out);
}
