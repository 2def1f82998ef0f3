/**
 * pdftotext's default mode on a ruled table, as government PDFs give it: no label shares a line
 * with its row's figures. Each row's figures come before its label (or inside a wrapped label),
 * split over several lines, narrow cells run together (`0 006` is four cells); after a page
 * break the first column of a run of rows may come first, the rest of those rows after (or all
 * the run's labels first, its figures after); 表四's
 * figures may run past the next section's heading, and a few of them may stand inside 表三. Only the order of the figures, checked by the
 * table's rules and against where the labels stand, can place them.
 */
import { pick } from './synthetic-figures';
import { APPLICANT_HEAD, SECTION, T2_FORM, T4_HEAD_CELLS, type FormRow } from './synthetic-forms';
import { label, opening, t3Rows, t4Values, values, type Ctx, type SyntheticDoc } from './synthetic-layouts';

const DIGITS = /^\d+$/;
const MARK = /^[—－／/]+$/;

/**
 * A run of figures as such a page prints it: some alone on a line, the rest on one line, a zero
 * or a blank mark touching the figure or mark after it (`006`, `—0`, `——`).
 */
function figureLines(c: Ctx, figs: string[]): string[] {
  const alone = Math.floor(c.r() * Math.min(5, figs.length));
  const rest = figs.slice(alone);
  let joined = '';
  rest.forEach((f, i) => {
    if (i === 0) { joined = f; return; }
    const prev = rest[i - 1];
    const touch = (prev === '0' && DIGITS.test(f) && c.r() < 0.4) || (MARK.test(prev) && (DIGITS.test(f) || MARK.test(f)) && c.r() < 0.4);
    joined += (touch ? '' : ' ') + f;
  });
  return [...figs.slice(0, alone), ...(joined ? [joined] : [])];
}

/** A long label broken where its cell wrapped. */
function wrapped(c: Ctx, text: string): [string, string] | null {
  if (text.length < 8 || c.r() >= 0.35) return null;
  const at = 3 + Math.floor(c.r() * (text.length - 6));
  return [text.slice(0, at), text.slice(at)];
}

/** One row: its figures, then its label; a wrapped label's first line before them (maybe with the first figure). */
function row(c: Ctx, r: FormRow, figs: string[]): string[] {
  const out: string[] = [];
  if (r.heading && c.r() < 0.6) out.push(r.heading);
  const text = label(c, r);
  const w = wrapped(c, text);
  if (!w) return [...out, ...figureLines(c, figs), text];
  if (c.r() < 0.4) return [...out, `${w[0]} ${figs[0]}`, ...figureLines(c, figs.slice(1)), w[1]];
  return [...out, w[0], ...figureLines(c, figs), w[1]];
}

/**
 * With `t2Too`, 表二 prints its figures before its labels as well (no rule can then place them);
 * with `t4Past`, 表四's figures may run past the next section's heading, as Chromium's PDFs come out
 * (two figures or more there: a lone one could be the page's number); with `t4Lent`, a few of them
 * stand before 表三's last row.
 */
export function figuresFirst(c: Ctx, { t2Too = false, t4Past = false, t4Lent = false, tailMoved = false } = {}): SyntheticDoc {
  const out = opening(c);
  out.push(pick(c.r, SECTION.t2));
  for (const r of T2_FORM[c.t.form]) {
    if (r.heading) out.push(r.heading, '信息内容', ...r.heads!);
    if (t2Too) out.push(...row(c, { ...r, heading: undefined }, values(c, r)));
    else out.push([label(c, r), ...values(c, r)].join(' '));
  }
  out.push(pick(c.r, SECTION.t3), SECTION.t3note, ...APPLICANT_HEAD);
  const rows = t3Rows(c);
  const figs = rows.map((r) => values(c, r));
  // After a page break, a run of rows may print its first column ahead of the rest, or all
  // its labels ahead of its figures (an item number left behind where its label was split).
  let p = c.r() < 0.5 ? 2 + Math.floor(c.r() * (rows.length - 4)) : -1;
  let q = p < 0 ? -1 : Math.min(rows.length - 1, p + 1 + Math.floor(c.r() * 8));
  let labelsFirst = c.r() < 0.4;
  // With `tailMoved`, the run ends on 总计 and the last cells (1–3) of one of its rows are printed
  // on a line of their own after the run, before the last row (as pdftotext's default mode printed
  // `0 0 7` from Chromium's PDFs with blanks as —).
  const moved = { row: -1, cells: 0 };
  if (tailMoved) {
    q = rows.length - 2;
    p = q - 2 - Math.floor(c.r() * 7);
    labelsFirst = false;
    moved.row = p + Math.floor(c.r() * (q - p));
    moved.cells = 1 + Math.floor(c.r() * 3);
  }
  // With `t4Lent`, a few of 表四's figures (1–3, from anywhere in it) on lines of their own before
  // 表三's last row, as pdftotext's default mode printed them from Chromium's PDFs. (Without it,
  // no random draw is added: the other families' reports stay as they were.)
  const early = t4Lent ? t4Values(c) : null;
  const lend = early && q < rows.length - 1 ? 1 + Math.floor(c.r() * 3) : 0;
  const lent = early && lend ? early.splice(Math.floor(c.r() * (early.length - lend + 1)), lend) : [];
  rows.forEach((r, i) => {
    if (lent.length && i === rows.length - 1) out.push(...figureLines(c, lent));
    if (i < p || i > q) { out.push(...row(c, r, figs[i])); return; }
    if (i !== p) return;
    for (let s = p; s <= q; s++) out.push(...(labelsFirst ? [] : [figs[s][0]]), label(c, rows[s]));
    if (c.r() < 0.5) out.push(`${1 + Math.floor(c.r() * 3)}.`);
    for (let s = p; s <= q; s++) {
      const rest = labelsFirst ? figs[s] : figs[s].slice(1);
      out.push(...figureLines(c, s === moved.row ? rest.slice(0, -moved.cells) : rest));
    }
    if (moved.row >= 0) out.push(figs[moved.row].slice(-moved.cells).join(' '));
  });
  out.push(pick(c.r, SECTION.t4), ...T4_HEAD_CELLS);
  const t4 = early ?? t4Values(c);
  const cut = t4Past && c.r() < 0.4 ? 1 + Math.floor(c.r() * 13) : t4.length;
  out.push(...figureLines(c, t4.slice(0, cut)));
  const tail = [...SECTION.tail];
  if (cut < t4.length) out.push(tail.shift()!, ...t4.slice(cut));
  return { name: 'report.txt', text: [...out, ...tail].join('\n'), truth: c.t };
}
