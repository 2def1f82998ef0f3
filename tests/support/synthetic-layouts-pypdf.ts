/**
 * pypdf's extract_text of a PDF whose tables have narrow figure columns (a browser or Word print
 * on A4), as in the corpus's .pypdf.txt dumps: each row's label and figures on one line, figures
 * set apart by one space, but where two glyphs stand closer than a space the extractor runs them
 * together — the last columns' figures (`0 0 0 0 0018` for 0, 0, 18), a label and its first figure
 * (`继续办理2 0 0`), a wrapped label's tail and the figures (`不计其他情形）18 0`). Header words break
 * where their cells wrapped and run into their neighbours (`⼈法⼈或其他组织`). Blank cells print as
 * nothing or as a mark. A page's footer runs into the next page's first line (`-5-法提供…`). A person reads every cell where no blank is printed as nothing: a count
 * never starts with 0, and each row's sum tells where the others split.
 */
import { APPLICANT_HEAD, REVIEW_KEYS, SECTION, T2_FORM, T4_HEAD_CELLS, type FormRow } from './synthetic-forms';
import { pick, spell } from './synthetic-figures';
import { doc, label, opening, t3Rows, values, type Ctx, type SyntheticDoc } from './synthetic-layouts';

/** Figures with one space between, except that the last `narrow` columns touch their left neighbour. */
function figures(c: Ctx, cells: string[], narrow: number, touch: number, afterZero = false, across = false): string {
  let s = '';
  cells.forEach((x, i) => {
    if (x === '') return;
    // (A figure touches what stands before it, a mark or a figure; marks printed as `——` read
    // as one blank or two, so a run of them is left to the families that test it. `afterZero`:
    // only a 0 touches, where no rule could tell `9 38` from 9, 3, 8 — 表二 has none.)
    // (Only its left neighbour, unless `across`: real pypdf also runs a figure into the one before
    // an empty cell, `2 010` for 2, 0, a blank, 10.)
    const tight = i >= cells.length - narrow && /^\d/.test(x) && (!afterZero || cells[i - 1] === '0') && c.r() < touch && (cells[i - 1] !== '' || (across && s !== ''));
    s += s === '' || tight ? x : ` ${x}`;
  });
  return s;
}

/** A row: its label, wrapped where its cell was narrow, then its figures on the label's last line. */
function row(c: Ctx, text: string, cells: string[], narrow: number, touch: number, afterZero = false, across = false): string[] {
  const nums = figures(c, cells, narrow, touch, afterZero, across);
  const glue = c.r() < 0.35 ? '' : ' ';
  if (text.length < 14 || c.r() >= 0.4) return [`${text}${glue}${nums}`];
  const at = text.length - 3 - Math.floor(c.r() * 4);
  return [text.slice(0, at), `${text.slice(at)}${glue}${nums}`];
}

/** The header as pypdf prints a two-row header of narrow cells: words broken, neighbours joined. */
function applicantHeader(c: Ctx): string[] {
  const [, natural, org, ...rest] = APPLICANT_HEAD;
  const [commercial, research, nonprofit, legal, other, total] = rest;
  return pick(c.r, [
    [`${SECTION.t3note}${APPLICANT_HEAD[0]}`, natural.slice(0, 2), `${natural.slice(2)}${org}`, total.slice(0, 1),
      `${total.slice(1)} ${commercial} ${research}${nonprofit.slice(0, 4)}`, `${nonprofit.slice(4)}${legal.slice(0, 3)}`, `${legal.slice(3)}${other.slice(0, 1)}`, other.slice(1)],
    [SECTION.t3note, `${APPLICANT_HEAD[0]} ${natural} ${org} ${total}`, `${commercial} ${research} ${nonprofit} ${legal} ${other}`],
  ]);
}

export function pypdfText(c: Ctx): SyntheticDoc {
  return pypdfWith(c, false);
}

/** As pypdfText, where figures also run into the figure before an empty cell (blanks printed as nothing). */
export function pypdfAcrossBlanks(c: Ctx): SyntheticDoc {
  return pypdfWith(c, true);
}

function pypdfWith(c: Ctx, across: boolean): SyntheticDoc {
  // How often touching columns really touch: some prints leave a hair of space.
  const touch = pick(c.r, [1, 0.8, 0.5]);
  const out = opening(c);
  out.push(pick(c.r, SECTION.t2));
  for (const x of T2_FORM[c.t.form]) {
    if (x.heading) out.push(x.heading, `信息内容 ${x.heads!.join(' ')}`);
    out.push(...row(c, label(c, x), values(c, x), 1, touch, true));
  }
  out.push(pick(c.r, SECTION.t3), ...applicantHeader(c));
  const t3From = out.length;
  t3Rows(c).forEach((x: FormRow) => {
    const text = `${x.heading && c.r() < 0.5 ? x.heading : ''}${label(c, x)}`;
    out.push(...row(c, text, values(c, x), 3, touch, false, across));
  });
  const t3End = out.length;
  out.push(pick(c.r, SECTION.t4), T4_HEAD_CELLS.slice(0, 2).join(' '), T4_HEAD_CELLS.slice(2).join(''),
    figures(c, REVIEW_KEYS.map((k) => spell(c.t, k, c.blank())), 0, 0));
  // A page's footer run into the first line of the next page (`-5-法提供2.没有现成信息…`, `-4-3.补正后…`).
  // (Drawn last, so that the rest of a seed's report is as before.)
  if (c.r() < 0.5) {
    const at = t3From + 2 + Math.floor(c.r() * (t3End - t3From - 2));
    const dash = pick(c.r, ['-', '—']);
    out[at] = `${dash}${2 + Math.floor(c.r() * 8)}${dash}${out[at]}`;
  }
  return doc(c, 'report.txt', out);
}
