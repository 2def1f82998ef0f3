/**
 * A report's tables as spreadsheets and text tools export them (session 14's red team F):
 * Excel's CSV and a range copied from Excel as tab-separated text; pandoc's multiline and simple
 * tables (columns ruled by dashes, aligned in display width, cells wrapped), grid and pipe
 * tables. Every row of a table has the table's columns; a merged label cell leaves its other
 * columns empty, a blank cell is an empty field or a mark, figures keep Excel's spellings
 * (2,293 quoted in CSV, full-width ３，３８０ unquoted).
 */
import { eastAsianWidth } from 'get-east-asian-width';
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

export type Table = string[][];

/** 表三's applicant columns, as its rows' keys list them. */
const APPLICANT_NAMES = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];

/**
 * 表二, 表三 and 表四, every row as wide as its table. `order`: 表三's applicant columns in another
 * order (order[i]: the form's index of the i-th printed column), their names on one header row.
 */
function tables(c: Ctx, cell: (k: string) => string, order?: number[]): Table[] {
  const pad = (fields: string[], width: number) => [...fields, ...Array<string>(Math.max(0, width - fields.length)).fill('')];
  const t2: Table = [];
  for (const block of t2Blocks(c)) {
    t2.push(pad([block[0].heading!], 4), pad(['信息内容', ...block[0].heads!], 4));
    for (const x of block) t2.push(pad([label(c, x), ...x.keys.map(cell)], 4));
  }
  const t3: Table = [pad([SECTION.t3note, '', '', APPLICANT_HEAD[0]], 10), ['', '', '', APPLICANT_HEAD[1], APPLICANT_HEAD[2], '', '', '', '', '总计'],
    pad(['', '', '', '', ...APPLICANT_HEAD.slice(3, 8)], 10)];
  if (order) t3.splice(1, 2, ['', '', '', ...order.map((i) => APPLICANT_NAMES[i])]);
  for (const x of t3Rows(c)) t3.push([...t3Labels(c, x), ...(order ? order.map((i) => x.keys[i]) : x.keys).map(cell)]);
  const t4: Table = [pad([T4_HEAD_CELLS[0], '', '', '', '', T4_HEAD_CELLS[1]], 15),
    pad([...T4_HEAD_CELLS.slice(2, 8), '', '', '', '', T4_HEAD_CELLS[8]], 15),
    ['', '', '', '', '', ...T4_HEAD_CELLS.slice(9)], REVIEW_KEYS.map(cell)];
  return [t2, t3, t4];
}

export function report(c: Ctx, name: string, render: (t: Table) => string[], order?: number[], edit?: (t3: Table) => void): SyntheticDoc {
  const emptyBlanks = c.r() < 0.7;
  const [t2, t3, t4] = tables(c, (k) => respell(spell(c.t, k, emptyBlanks ? '' : c.blank()), c.r), order);
  edit?.(t3);
  return doc(c, name, [...opening(c), '', pick(c.r, SECTION.t2), '', ...render(t2), '', pick(c.r, SECTION.t3), '', ...render(t3), '',
    pick(c.r, SECTION.t4), '', ...render(t4), '']);
}

/** Family 18: Excel's CSV or a range copied as tab-separated text. */
export function spreadsheet(c: Ctx): SyntheticDoc {
  const csv = c.r() < 0.5;
  const quote = (f: string) => (csv && /[",\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
  return report(c, csv ? 'report.csv' : 'report.txt', (t) => t.map((r) => r.map(quote).join(csv ? ',' : '\t')));
}

const width = (s: string) => [...s].reduce((n, ch) => n + (ch.codePointAt(0)! < 0x1100 ? 1 : eastAsianWidth(ch.codePointAt(0)!)), 0);
const padTo = (s: string, w: number, right: boolean) => (right ? ' '.repeat(Math.max(0, w - width(s))) + s : s + ' '.repeat(Math.max(0, w - width(s))));

/** A cell's text broken into lines no wider than its column (a figure is never broken). */
function wrapTo(s: string, w: number): string[] {
  if (/^[\d,，.０-９-]+$/.test(s)) return [s];
  const out: string[] = [];
  let line = '';
  for (const ch of s) {
    if (width(line + ch) > w) { out.push(line); line = ''; }
    line += ch;
  }
  return [...out, line];
}

/** Column widths: labels wrapped at 4 to 9 characters, figures as wide as their widest or wider. */
function widths(c: Ctx, t: Table): number[] {
  return t[0].map((_, k) => {
    const figures = t.filter((r) => /^[\d,，.０-９/／—－-]+$/.test(r[k]) || r[k] === '无');
    const labels = t.filter((r) => r[k] !== '' && !figures.includes(r));
    const widest = Math.max(2, ...figures.map((r) => width(r[k])));
    return figures.length > labels.length ? widest + Math.floor(c.r() * 5) : 4 + 2 * Math.floor(c.r() * 8);
  });
}

/** pandoc's multiline table (rows of wrapped cells between borders), or its simple table where nothing wraps. */
function pandoc(c: Ctx, t: Table): string[] {
  const w = widths(c, t);
  const right = w.map(() => c.r() < 0.6);
  const lines = (r: string[]) => {
    const cells = r.map((s, k) => wrapTo(s, w[k]));
    const height = Math.max(...cells.map((x) => x.length));
    return Array.from({ length: height }, (_, i) => cells.map((x, k) => padTo(x[i] ?? '', w[k], right[k] && /^[\d,，.０-９-]+$/.test(r[k]))).join('  ').trimEnd());
  };
  const rule = w.map((n) => '-'.repeat(n)).join('  ');
  const simple = t.every((r) => r.every((s, k) => width(s) <= w[k])) && c.r() < 0.5;
  if (simple) return [...lines(t[0]), rule, ...t.slice(1).flatMap(lines), ''];
  const border = '-'.repeat(width(rule));
  return [border, ...lines(t[0]), rule, ...t.slice(1).flatMap((r) => [...lines(r), '']), border];
}

/** A grid table (+---+ borders, each row's wrapped lines between them) or a pipe table. */
function gridOrPipe(c: Ctx, t: Table, grid: boolean): string[] {
  if (!grid) return [`| ${t[0].join(' | ')} |`, `|${t[0].map(() => '---|').join('')}`, ...t.slice(1).map((r) => `| ${r.join(' | ')} |`)];
  const w = widths(c, t);
  const border = `+${w.map((n) => '-'.repeat(n + 2)).join('+')}+`;
  const out = [border];
  for (const r of t) {
    const cells = r.map((s, k) => wrapTo(s, w[k]));
    const height = Math.max(...cells.map((x) => x.length));
    for (let i = 0; i < height; i++) out.push(`| ${cells.map((x, k) => padTo(x[i] ?? '', w[k], false)).join(' | ')} |`);
    out.push(border);
  }
  return out;
}

/** Family 19: pandoc's plain-text tables, Markdown grid and pipe tables, with merged label columns. */
export function textTables(c: Ctx): SyntheticDoc {
  const kind = Math.floor(c.r() * 3);
  if (kind === 0) return report(c, 'report.txt', (t) => pandoc(c, t));
  return report(c, 'report.md', (t) => gridOrPipe(c, t, kind === 1));
}

/**
 * 表三's applicant columns in another order, named in the header above them (总计 first, 自然人
 * last, the 法人 columns shuffled: the sums hold whichever way two 法人 columns are swapped), as
 * CSV, tab-separated text, pandoc, grid or pipe tables.
 */
export function movedColumnsTables(c: Ctx): SyntheticDoc {
  const form = APPLICANT_NAMES.map((_, i) => i);
  let order = form;
  while (order.join() === form.join()) {
    const how = Math.floor(c.r() * 3);
    const org = [1, 2, 3, 4, 5].sort(() => c.r() - 0.5);
    order = how === 0 ? [6, 0, ...org] : how === 1 ? [...org, 0, 6] : [0, ...org, 6];
  }
  const kind = Math.floor(c.r() * 5);
  if (kind === 0) return report(c, 'report.csv', (t) => t.map((r) => r.map((f) => (/[",\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',')), order);
  if (kind === 1) return report(c, 'report.txt', (t) => t.map((r) => r.join('\t')), order);
  if (kind === 2) return report(c, 'report.txt', (t) => pandoc(c, t), order);
  return report(c, 'report.md', (t) => gridOrPipe(c, t, kind === 3), order);
}

/**
 * 表三 with last year's figures in a column of their own (上年同期), before 自然人 or after 总计,
 * named on the header row of 自然人 and 总计: as CSV, grid or pipe tables, whose cells know their
 * column (in text without columns the figure too many stays flagged: not this family).
 */
export function priorYearColumn(c: Ctx): SyntheticDoc {
  const head = pick(c.r, ['上年同期', '上年同期数', '去年同期', '上年度']);
  const edit = (t3: Table) => {
    const at = c.r() < 0.5 ? 3 : t3[1].length;
    t3.forEach((r, i) => r.splice(at, 0, i === 1 ? head : i < 3 ? '' : c.r() < 0.1 ? '' : String(Math.floor(c.r() * 3000))));
  };
  const kind = Math.floor(c.r() * 3);
  if (kind === 0) return report(c, 'report.csv', (t) => t.map((r) => r.map((f) => (/[",\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',')), undefined, edit);
  return report(c, 'report.md', (t) => gridOrPipe(c, t, kind === 1), undefined, edit);
}
