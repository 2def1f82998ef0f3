/**
 * The layout families of issue 8, each written the way a real tool writes it: pdftotext's
 * default mode, pipe rows padded by a mobile page's layout cells, one cell per line, per-row
 * OCR mini tables, Markdown split across pages with notes in cells, a late report on the 2019
 * form, number spellings, impossible values and scrambled text.
 */
import {
  APPLICANT_HEAD, REVIEW_KEYS, SECTION, T2_FORM, T4_HEAD_CELLS, t3Form, type FormRow,
} from './synthetic-forms';
import { pick, respell, spell, type Truth } from './synthetic-figures';

export interface SyntheticDoc { name: string; text: string; truth: Truth }

export interface Ctx { t: Truth; r: () => number; blank: () => string }

export const label = (c: Ctx, row: FormRow) => (c.r() < 0.6 ? row.labels[0] : pick(c.r, row.labels));
export const values = (c: Ctx, row: FormRow) => row.keys.map((k) => spell(c.t, k, c.blank()));
export const t4Values = (c: Ctx) => REVIEW_KEYS.map((k) => spell(c.t, k, c.blank()));

/** A long word broken where its cell wrapped: 本年新 / 制作数量. */
function wrap(c: Ctx, word: string, p = 0.5): string[] {
  if (word.length < 4 || c.r() >= p) return [word];
  const at = 2 + Math.floor(c.r() * (word.length - 3));
  return [word.slice(0, at), word.slice(at)];
}

export function opening(c: Ctx): string[] {
  const unit = pick(c.r, ['某某县人民政府办公室', '某某镇人民政府', '某某市某某局', '某某街道办事处']);
  return [
    unit, `${c.t.year}年度政府信息公开工作年度报告`, '一、总体情况',
    `本报告统计期限自${c.t.year}年1月1日起至${c.t.year}年12月31日止。全年主动公开政府信息 321 条。`,
  ];
}

const t2Rows = (c: Ctx) => T2_FORM[c.t.form];
export const t3Rows = (c: Ctx) => t3Form(c.t.form);

/** 表二's rows grouped under the item heading each block prints once. */
export function t2Blocks(c: Ctx): FormRow[][] {
  const blocks: FormRow[][] = [];
  for (const row of t2Rows(c)) {
    if (row.heading || !blocks.length) blocks.push([]);
    blocks[blocks.length - 1].push(row);
  }
  return blocks;
}

export function doc(c: Ctx, name: string, lines: string[]): SyntheticDoc {
  return { name, text: [...lines, ...SECTION.tail].join('\n'), truth: c.t };
}

/** Family 1: labels printed apart from their numbers, each row's numbers on one line. */
export function pdftotext(c: Ctx): SyntheticDoc {
  const out = opening(c);
  out.push(pick(c.r, SECTION.t2));
  for (const block of t2Blocks(c)) {
    out.push(block[0].heading!, '信息内容', ...block[0].heads!.flatMap((h) => wrap(c, h)));
    out.push(...block.map((row) => label(c, row)), '');
    out.push(...block.map((row) => values(c, row).join(' ')));
  }
  out.push(pick(c.r, SECTION.t3), SECTION.t3note, ...APPLICANT_HEAD.flatMap((h) => wrap(c, h)));
  const rows3 = t3Rows(c);
  const cut = 8 + Math.floor(c.r() * 10);
  for (const page of [rows3.slice(0, cut), rows3.slice(cut)]) {
    for (const row of page) {
      if (row.heading) out.push(row.heading);
      out.push(...wrap(c, label(c, row), 0.3));
    }
    out.push('');
    out.push(...page.map((row) => values(c, row).join(' ')));
    out.push(`- ${2 + Math.floor(c.r() * 5)} -`);
  }
  out.push(pick(c.r, SECTION.t4), ...T4_HEAD_CELLS, t4Values(c).join(' '));
  return doc(c, 'report.txt', out);
}

/** Family 2: a mobile page saved as text, every row padded by empty layout cells. */
export function padded(c: Ctx, maxPad = 2): SyntheticDoc {
  const pad = () => Array<string>(Math.floor(c.r() * (maxPad + 1))).fill('');
  const line = (cells: string[]) => `|${[...pad(), ...cells, ...pad()].join('|')}|`;
  const out = opening(c);
  out.push(line([pick(c.r, SECTION.t2)]));
  for (const row of t2Rows(c)) {
    if (row.heading) out.push(line([row.heading]), line(['信息内容', ...row.heads!]));
    out.push(line([label(c, row), ...values(c, row)]));
  }
  out.push(line([pick(c.r, SECTION.t3)]), line([SECTION.t3note, APPLICANT_HEAD[0]]),
    line(APPLICANT_HEAD.slice(1, 3).concat('总计')), line(APPLICANT_HEAD.slice(3, 8)));
  for (const row of t3Rows(c)) {
    const lead = row.heading && c.r() < 0.5 ? [row.heading] : [];
    if (row.heading && !lead.length) out.push(line([row.heading]));
    out.push(line([...lead, label(c, row), ...values(c, row)]));
  }
  out.push(line([pick(c.r, SECTION.t4)]), line(T4_HEAD_CELLS.slice(0, 2)), line(T4_HEAD_CELLS.slice(2, 9)),
    line(T4_HEAD_CELLS.slice(9)), line(t4Values(c)));
  return doc(c, 'report_wap.txt', out);
}

/** Family 3: every cell on its own line; header words broken where the cell wrapped. */
export function cellPerLine(c: Ctx): SyntheticDoc {
  const out = opening(c);
  out.push(pick(c.r, SECTION.t2));
  for (const row of t2Rows(c)) {
    if (row.heading) out.push(row.heading, '信息内容', ...row.heads!.flatMap((h) => wrap(c, h)));
    out.push(...wrap(c, label(c, row), 0.3), ...values(c, row));
  }
  out.push(pick(c.r, SECTION.t3), ...wrap(c, SECTION.t3note, 0.7), ...APPLICANT_HEAD.flatMap((h) => wrap(c, h)));
  for (const row of t3Rows(c)) {
    if (row.heading) out.push(row.heading);
    out.push(...wrap(c, label(c, row), 0.3), ...values(c, row));
  }
  out.push(pick(c.r, SECTION.t4), ...T4_HEAD_CELLS.flatMap((h) => wrap(c, h)), ...t4Values(c));
  return doc(c, 'report.txt', out);
}

const mdRow = (cells: string[]) => `| ${cells.join(' | ')} |`;
const mdSep = (n: number) => `|${'---|'.repeat(n)}`;

/** Family 4: OCR / PDF-to-Markdown tools: every row of 表三 its own table with generic headers. */
export function miniTables(c: Ctx): SyntheticDoc {
  const out = opening(c);
  out.push(`## ${pick(c.r, SECTION.t2)}`, '');
  for (const row of t2Rows(c)) {
    if (row.heading) out.push('', mdRow([row.heading]), mdSep(1), '', mdRow(['信息内容', ...row.heads!]), mdSep(row.heads!.length + 1));
    out.push(mdRow([label(c, row), ...values(c, row)]));
  }
  out.push('', `## ${pick(c.r, SECTION.t3)}`, '', mdRow([SECTION.t3note, APPLICANT_HEAD[0]]), mdSep(2), '',
    mdRow(['自然人', '法人或其他组织', '总计']), mdSep(3), '', mdRow(APPLICANT_HEAD.slice(3, 8)), mdSep(5), '');
  const generic = ['类别', '数据1', '数据2', '数据3', '数据4', '数据5', '数据6', '总计'];
  for (const row of t3Rows(c)) {
    if (row.heading) out.push(c.r() < 0.5 ? row.heading : mdRow([row.heading]), '');
    out.push(mdRow(generic), mdSep(8), mdRow([label(c, row), ...values(c, row)]), '');
  }
  out.push(`## ${pick(c.r, SECTION.t4)}`, '', mdRow(T4_HEAD_CELLS.slice(0, 2)), mdSep(2), '',
    mdRow(REVIEW_KEYS.map((_, i) => `数据${i + 1}`)), mdSep(15), mdRow(t4Values(c)), '');
  return doc(c, 'report.md', out);
}

/** Family 5: a PDF turned to Markdown, 表三 split over two pages, notes inside 表二's cells. */
export function splitPages(c: Ctx): SyntheticDoc {
  const out = opening(c);
  out.push(`## ${pick(c.r, SECTION.t2)}`, '');
  const notes = ['（其中修订 16 件）', '（含自然失效 29 件）', '（其中废止 3 件）', '（均为新制定）'];
  for (const row of t2Rows(c)) {
    if (row.heading) out.push(mdRow([row.heading, '', '', '']), mdSep(4), mdRow(['信息内容', ...row.heads!]));
    const v = values(c, row);
    const noted = row.keys[0].startsWith('t2.rules') || row.keys[0].startsWith('t2.normative');
    if (!noted || c.t.cells[row.keys[0]] === null) { out.push(mdRow([label(c, row), ...v])); continue; }
    const note = pick(c.r, notes);
    if (c.r() < 0.5) out.push(mdRow([label(c, row), `${v[0]}${note}`, ...v.slice(1)]));
    else {
      // The note wraps inside its cell: the rest of it lands on a line of its own.
      const cut = 2 + Math.floor(c.r() * (note.length - 3));
      out.push(mdRow([label(c, row), `${v[0]}${note.slice(0, cut)}`, ...v.slice(1)]));
      out.push(mdRow(['', note.slice(cut), ...v.slice(1).map(() => '')]));
    }
  }
  const head = [mdRow([SECTION.t3note, ...APPLICANT_HEAD.slice(1, 3), '', '', '', '', '总计']), mdSep(9),
    mdRow(['', '', '', ...APPLICANT_HEAD.slice(3, 8), ''])];
  out.push('', `## ${pick(c.r, SECTION.t3)}`, '', ...head);
  const rows3 = t3Rows(c);
  const cut = 6 + Math.floor(c.r() * 14);
  rows3.forEach((row, i) => {
    if (i === cut) out.push('', `${3 + Math.floor(c.r() * 4)}`, '', ...head);
    out.push(mdRow([row.heading ?? '', label(c, row), ...values(c, row)]));
  });
  out.push('', `## ${pick(c.r, SECTION.t4)}`, '', mdRow(T4_HEAD_CELLS.slice(0, 7)), mdSep(7), mdRow(T4_HEAD_CELLS.slice(7)),
    mdRow(t4Values(c)), '');
  return doc(c, 'report.md', out);
}

/** A tab-separated table as a word processor copies it, with a cell rewrite hook. */
export function tabbed(c: Ctx, cell: (k: string, s: string) => string = (_k, s) => s, extra: string[] = [], heads = (x: FormRow) => x.heads!): SyntheticDoc {
  const out = opening(c);
  const row = (x: FormRow) => [label(c, x), ...x.keys.map((k) => cell(k, spell(c.t, k, c.blank())))].join('\t');
  out.push(pick(c.r, SECTION.t2));
  for (const x of t2Rows(c)) {
    if (x.heading) out.push(x.heading, ['信息内容', ...heads(x)].join('\t'));
    out.push(row(x));
  }
  out.push(pick(c.r, SECTION.t3), ...extra, `${SECTION.t3note}\t${APPLICANT_HEAD[0]}`, APPLICANT_HEAD.slice(1, 3).concat('总计').join('\t'),
    APPLICANT_HEAD.slice(3, 8).join('\t'));
  for (const x of t3Rows(c)) out.push(x.heading ? `${x.heading}\t${row(x)}` : row(x));
  out.push(pick(c.r, SECTION.t4), T4_HEAD_CELLS.slice(0, 2).join('\t'), T4_HEAD_CELLS.slice(2).join('\t'),
    REVIEW_KEYS.map((k) => cell(k, spell(c.t, k, c.blank()))).join('\t'));
  return doc(c, 'report.txt', out);
}

/** tabbed, with runs of spaces between cells (a PDF copied as text). */
export function spaced(...a: Parameters<typeof tabbed>): SyntheticDoc {
  const d = tabbed(...a);
  return { ...d, text: d.text.replace(/\t/g, '   ') };
}

/** Family 8: thousands separators, full-width digits, 万元 to six decimals, dates without separators. */
export function spellings(c: Ctx): SyntheticDoc {
  const d = tabbed(c, (_k, s) => respell(s, c.r), [`（统计期限：自${c.t.year}11日起至${c.t.year}1231日止）`]);
  return { ...d, text: d.text.replace('一、总体情况', `一、总体情况\n自${c.t.year}11日起至${c.t.year}1231日止`) };
}

/** Family 9: a negative count or a fraction where only whole counts can stand. */
export function impossible(c: Ctx): SyntheticDoc {
  const keys = Object.keys(c.t.cells).filter((k) => !k.endsWith('.change') && !k.endsWith('_yuan') && !k.startsWith('apps.other.') && c.t.cells[k] !== null);
  const bad = new Map<string, string>();
  for (let i = 0; i < 1 + Math.floor(c.r() * 3); i++) bad.set(pick(c.r, keys), pick(c.r, ['-5', '2.5', '-1', '0.5', '13.75']));
  for (const k of bad.keys()) c.t.mustFlag.add(k);
  return tabbed(c, (k, s) => bad.get(k) ?? s);
}

/** Family 10: lines out of order, or a long run of digits inside a table. */
export function scrambled(c: Ctx): SyntheticDoc {
  const base = c.r() < 0.5 ? cellPerLine(c) : pdftotext(c);
  const lines = base.text.split('\n');
  const from = lines.findIndex((l) => l.startsWith('三、'));
  if (c.r() < 0.5) {
    const win = lines.slice(from + 1, from + 120);
    for (let i = win.length - 1; i > 0; i--) { const j = Math.floor(c.r() * (i + 1)); [win[i], win[j]] = [win[j], win[i]]; }
    lines.splice(from + 1, win.length, ...win);
  } else {
    const run = Array.from({ length: 150 }, () => Math.floor(c.r() * 10)).join('');
    lines.splice(from + 3 + Math.floor(c.r() * 60), 0, run);
  }
  return { ...base, text: lines.join('\n') };
}
