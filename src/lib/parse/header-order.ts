/**
 * Column orders the form fixes but a page may print otherwise: 表四's two 行政诉讼 blocks, the five
 * columns of each 表四 block, and the columns of a 表二 item. Those tables are read by position,
 * and no rule can tell such columns apart (every block sums the same way; 表二 has no rule), so
 * only the header can. A header line that names them in another order, each name a cell of its
 * own (never words inside a sentence), either says how to put the figures back — where the layout
 * itself separates the cells and the names make one clean permutation — or puts the cells in doubt.
 */
import { APP_COLS, APP_COL_LABELS, REVIEW_COLS, REVIEW_COL_LABELS, T2_ROWS, type TableId, type Template } from '../format';
import { lineText, type Line } from './document';
import type { RowSpec, TableLayout } from './layout';
import { CJK, LEADING_ITEM } from './naming';
import { readValue } from './numbers';

/** What the headers say of the columns' order: 表四's (null: the form's), 表二's per row stem. */
export interface HeaderOrders {
  t4: { perm: number[] | null; suitsSwapped: boolean } | 'doubt' | null;
  t2: Map<string, number[] | 'doubt'>;
  /**
   * 表三's columns as a page's grid places its heads (perm[i]: the form's index of the i-th column);
   * 'unplaced': heads that say the columns are moved, where no grid places them (a one-row head
   * may still place them, header-columns.ts; else the cells are in doubt).
   */
  t3: number[] | 'doubt' | 'unplaced' | null;
}

export const HEADER_ORDER_DOUBT = '表头所列各列的次序与标准格式不同，且无法从表头确定每个数属于哪一列，请核对原表';

/** A header cell's words: no spaces, no unit after them (本年收费金额（单位：万元）→ 本年收费金额). */
const cellName = (s: string) => s.replace(/\s+/g, '').replace(/[（(](?:单位[:：])?[^（()）]{0,4}[)）]$/, '');

/**
 * The names of `wanted` a line prints as cells of their own, in printed order, with their page
 * column if known. A PDF's cells set close together come as one text (本年制发件数现行有效件数…):
 * a text that is names run together, and nothing else, is those names.
 */
function named(line: Line, wanted: readonly string[]): { w: string; col?: number }[] {
  return line.tokens.flatMap((t) => {
    const name = cellName(t.text);
    if (wanted.includes(name)) return [{ w: name, col: t.col }];
    return (runOfNames(name, wanted) ?? []).map((w) => ({ w }));
  });
}

/** `text` as names of `names` run together and nothing else, in order; null if it is not. */
function runOfNames(text: string, names: readonly string[]): string[] | null {
  const out: string[] = [];
  for (let rest = text; rest; ) {
    const w = names.find((x) => rest.startsWith(x));
    if (!w) return null;
    out.push(w);
    rest = rest.slice(w.length);
  }
  return out;
}

const words = (line: Line, wanted: readonly string[]) => named(line, wanted).map((n) => n.w);

type Order = { perm: number[] } | 'doubt' | null;

/**
 * How a line's names of `cols` (the form's order) stand: a permutation (perm[i]: the form's index
 * of the i-th printed column, the form's own order too) when every chunk of `cols.length` names is
 * the same arrangement of all of them; null when too few to tell, or partial but in order; else doubt.
 */
function orderOf(seq: { w: string; col?: number }[], cols: readonly string[]): Order {
  if (seq.length < 2) return null;
  const idx = seq.map((n) => cols.indexOf(n.w));
  const n = cols.length;
  const chunks: number[][] = [];
  if (seq.length % n === 0) for (let i = 0; i < seq.length; i += n) chunks.push(idx.slice(i, i + n));
  const perm = chunks[0];
  const clean = perm && new Set(perm).size === n && chunks.every((c) => c.join() === perm.join());
  if (clean) return { perm };
  // Not every name known (worded otherwise, or wrapped in its cell). On a page's grid each name
  // must stand in its own column of a block: 维持 unknown, 结果纠正 in the block's first column is
  // out of place even where the known names rise.
  if (seq.every((x) => x.col !== undefined)) {
    const offsets = new Set(seq.map((x, i) => (((x.col! - idx[i]) % n) + n) % n));
    return offsets.size === 1 ? null : 'doubt';
  }
  // Elsewhere only names that each stand once are sure to be one block's, and must then rise.
  if (new Set(idx).size < idx.length) return null;
  return idx.every((v, i) => i === 0 || v > idx[i - 1]) ? null : 'doubt';
}

const moves = (perm: number[]) => perm.some((v, i) => v !== i);

/** 表四's heads in short: 维持 · 纠正 · 其他 · 未审结 · 合计, as the form's names. */
const REVIEW_SHORT: Record<string, string> = { 维持: '结果维持', 纠正: '结果纠正', 其他: '其他结果', 未审结: '尚未审结', 审理中: '尚未审结', 合计: '总计' };
/** A line of 表四's heads names a column only 表四 has (维持, 纠正, 审结): 其他 and 合计 alone are 表三's too. */
const REVIEW_OWN = /维持|纠正|审结|审理中/;

function reviewLine(line: Line): Line {
  if (!line.tokens.some((t) => REVIEW_OWN.test(t.text))) return { ...line, tokens: line.tokens.filter((t) => !(cellName(t.text) in REVIEW_SHORT)) };
  return { ...line, tokens: line.tokens.flatMap((t) => reviewNames(cellName(t.text))?.map((text) => ({ ...t, text })) ?? [t]) };
}

const REVIEW_WORDS = [...REVIEW_COLS.map((c) => REVIEW_COL_LABELS[c]), ...Object.keys(REVIEW_SHORT)].sort((a, b) => b.length - a.length);

/** A cell's text as 表四's heads in the form's names, where it is heads only, run together or not (纠正维持其他未审结合计). */
function reviewNames(text: string): string[] | null {
  const run = text ? runOfNames(text, REVIEW_WORDS) : null;
  return run && run.map((w) => REVIEW_SHORT[w] ?? w);
}

/** Words without which a line holds none of 表四's heads (a cheap test before reading its cells). */
const REVIEW_ANY = /行政复议|行政诉讼|起诉|维持|纠正|审结|审理中|结果|总计/;

function reviewOrder(all: Line[], texts: string[]): HeaderOrders['t4'] {
  const lines = all.filter((_, i) => REVIEW_ANY.test(texts[i])).map(reviewLine);
  const labels = REVIEW_COLS.map((c) => REVIEW_COL_LABELS[c]);
  let perm: number[] | null = null;
  let suitsSwapped = false;
  for (const line of lines) {
    const blocks = words(line, ['行政复议', '行政诉讼']);
    if (blocks.length >= 2 && blocks[0] === '行政诉讼') return 'doubt';
    const suits = words(line, ['未经复议直接起诉', '复议后起诉']);
    if (suits.length >= 2 && suits[0] === '复议后起诉') {
      if (!line.cellular) return 'doubt';
      suitsSwapped = true;
    }
    const o = orderOf(named(line, labels), labels);
    if (o === 'doubt' || (o && perm && perm.join() !== o.perm.join())) return 'doubt';
    if (o && moves(o.perm) && !line.cellular) return 'doubt';
    if (o) perm = o.perm;
  }
  if (perm && !moves(perm)) perm = null;
  return perm || suitsSwapped ? { perm, suitsSwapped } : null;
}

/** 表二's rows whose header names their columns in another order: the order, or doubt. */
function table2Orders(lines: Line[], texts: string[], template: Template): HeaderOrders['t2'] {
  const out: HeaderOrders['t2'] = new Map();
  for (const row of T2_ROWS[template]) {
    if (row.cols.length < 2) continue;
    const names = [row.label, ...row.aliases];
    // The row's own line: a cell that names it, beside a figure.
    // (In a PDF the row's first figure may run on from its name: 行政规范性文件38.)
    const namesRow = (t: string) => { const n = cellName(t).replace(LEADING_ITEM, ''); return names.some((x) => n === x || (n.startsWith(x) && /^[\d.,]+$/.test(n.slice(x.length)))); };
    const at = lines.findIndex((l, i) => names.some((x) => texts[i].includes(x)) && l.tokens.some((t) => namesRow(t.text)) && l.tokens.some((t) => /\d/.test(t.text)));
    if (at < 0) continue;
    const labels = row.cols.map((c) => cellName(c.label));
    let header: Line | undefined;
    for (let i = at - 1; i >= 0 && !header; i--) {
      if (labels.filter((x) => texts[i].includes(x)).length >= 2 && named(lines[i], labels).length >= 2) header = lines[i];
    }
    if (!header) continue;
    const o = orderOf(named(header, labels), labels);
    if (o === null || (o !== 'doubt' && !moves(o.perm))) continue;
    out.set(row.stem, o === 'doubt' || !header.cellular ? 'doubt' : o.perm);
  }
  return out;
}

/** 表三's heads in other words: 公民 or 个人 for 自然人, 合计 for 总计 (headers.ts reads them so too). */
export const APPLICANT_SHORT: Record<string, string> = { 公民: APP_COL_LABELS.natural, 个人: APP_COL_LABELS.natural, 合计: APP_COL_LABELS.total };
const applicantName = (cell: string) => APPLICANT_SHORT[cell] ?? cell;

/**
 * 表三's columns where a page's grid places every head (HTML, Word: each cell knows its column):
 * the seven names, each once, over the figures' columns side by side, whatever rows of the header
 * they stand in (a CSV file is one grid). Anything less (a 小计 column, a name not known) gives
 * nothing here, but heads that say the columns moved where no grid places them (headSaysMoved).
 */
function applicantOrder(lines: Line[], texts: string[]): HeaderOrders['t3'] {
  const names = APP_COLS.map((c) => APP_COL_LABELS[c]);
  const start = lines.findIndex((l, i) => texts[i].includes('申请人情况') && l.tokens.some((t) => cellName(t.text) === '申请人情况'));
  if (start < 0) return null;
  // (A CSV file is one grid: its cells know their column, not a table.)
  const table = lines[start].tokens.find((t) => cellName(t.text) === '申请人情况')?.table;
  const at = new Map<string, number>();
  const head: Line[] = [];
  for (const l of lines.slice(start, start + 4)) {
    if (l.tokens.some((t) => /\d/.test(t.text) && !CJK.test(t.text))) break;
    head.push(l);
    for (const t of l.tokens) {
      const n = cellName(t.text);
      const name = applicantName(n);
      if (/小计/.test(n) || (at.has(name) && names.includes(name))) return null;
      if (names.includes(name) && t.col !== undefined && t.table === table) at.set(name, t.col);
    }
  }
  if (at.size !== names.length) return headSaysMoved(head, names) ? 'unplaced' : null;
  const cols = names.map((n) => at.get(n)!);
  const first = Math.min(...cols);
  if (new Set(cols).size !== cols.length || Math.max(...cols) - first !== cols.length - 1) return null;
  const perm = [...names.keys()].sort((a, b) => cols[a] - cols[b]);
  if (!moves(perm)) return null;
  // The heads' grid must be the figures': a row printing all seven figures sums to its 总计 where
  // the heads put it (a header damaged or misaligned says otherwise), and one row at least, not all zeros, must show it.
  const total = perm.indexOf(APP_COLS.indexOf('total'));
  let shown = false;
  for (const l of lines.slice(start, start + 40)) {
    // (表四's row of figures, in a file that is one grid, is no row of 表三's.)
    if (/行政复议|行政诉讼/.test(lineText(l))) break;
    const figs = l.tokens.filter((t) => t.table === table && t.col !== undefined && t.col >= first && t.col < first + names.length);
    // Whole counts (2,293 as Excel writes it), a blank cell counted as none: a blank that stands for
    // a figure left out breaks the sum, and the table stays in doubt.
    const read = figs.map((t) => readValue(t.text));
    if (figs.length !== names.length || !read.every((w) => w && (w.kind === 'blank' || (Number.isInteger(w.value) && w.value! >= 0)))) continue;
    if (read.every((w) => w!.kind === 'blank')) continue;
    const v = read.map((w) => (w!.kind === 'blank' ? 0 : w!.value!));
    if (v.reduce((a, b) => a + b, 0) - v[total] !== v[total]) return 'doubt';
    // (A row of zeros sums whichever column is 总计.)
    if (v[total] > 0) shown = true;
  }
  return shown ? perm : 'doubt';
}


/**
 * Heads that say the columns stand otherwise, where no grid places them (text, PDF): the 法人
 * columns named out of the form's order, or on one line 自然人 after a 法人 column or 总计 before
 * one. (The form's own two-row head reads 自然人 · 法人或其他组织 · 总计, then 商业企业 … 其他.)
 */
function headSaysMoved(head: Line[], names: string[]): boolean {
  const seen: number[] = [];
  // (Cells of a table only: a text dump may print a page's heads in any order, pdftotext's
  // default mode column by column.)
  for (const l of head.filter((x) => x.cellular)) {
    const onLine = l.tokens.flatMap((t) => {
      const i = names.indexOf(applicantName(cellName(t.text)));
      return i < 0 ? [] : [i];
    });
    const org = (i: number) => i > 0 && i < names.length - 1;
    const first = onLine.findIndex(org);
    const last = onLine.length - 1 - [...onLine].reverse().findIndex(org);
    const nat = onLine.indexOf(0);
    const total = onLine.indexOf(names.length - 1);
    if (first >= 0 && (nat > first || (total >= 0 && total < last))) return true;
    if (nat >= 0 && total >= 0 && total < nat) return true;
    seen.push(...onLine.filter(org));
  }
  return seen.some((v, i) => i > 0 && v < seen[i - 1]);
}

export function headerOrders(lines: Line[], template: Template): HeaderOrders {
  // (Each line's text, spaces out, for the cheap tests that keep the cell-by-cell reading to a few lines.)
  const texts = lines.map((l) => lineText(l).replace(/\s+/g, ''));
  return { t4: reviewOrder(lines, texts), t2: table2Orders(lines, texts, template), t3: applicantOrder(lines, texts) };
}

/** Table `t`'s layouts with each row's keys in its printed order, and the cells left in doubt. */
export function inPrintedOrder(t: TableId, options: TableLayout[], orders: HeaderOrders): { options: TableLayout[]; doubt: Map<string, string> } {
  const doubt = new Map<string, string>();
  const rekey = (fn: (r: RowSpec) => string[] | 'doubt' | null) => options.map((l) => ({
    ...l,
    rows: l.rows.map((r) => {
      const keys = fn(r);
      if (keys === 'doubt') for (const k of r.keys) doubt.set(k, HEADER_ORDER_DOUBT);
      return Array.isArray(keys) ? { ...r, keys, money: r.money && keys.map((k) => r.money![r.keys.indexOf(k)]) } : r;
    }),
  }));
  if (t === 't4' && orders.t4) {
    const o = orders.t4;
    if (o === 'doubt') return { options: rekey(() => 'doubt'), doubt };
    const blocks = o.suitsSwapped ? ['review', 'suit_after_review', 'suit_direct'] : ['review', 'suit_direct', 'suit_after_review'];
    const cols = o.perm ?? REVIEW_COLS.map((_, i) => i);
    return { options: rekey(() => blocks.flatMap((b) => cols.map((i) => `${b}.${REVIEW_COLS[i]}`))), doubt };
  }
  if (t === 't3' && orders.t3 === 'doubt') return { options: rekey(() => 'doubt'), doubt };
  if (t === 't3' && Array.isArray(orders.t3)) {
    const p: number[] = orders.t3;
    return { options: rekey((r) => (r.keys.length === p.length ? p.map((i) => r.keys[i]) : null)), doubt };
  }
  if (t === 't2' && orders.t2.size) {
    return { options: rekey((r) => { const o = orders.t2.get(r.id); return o === undefined ? null : o === 'doubt' ? 'doubt' : o.map((i) => r.keys[i]); }), doubt };
  }
  return { options, doubt };
}

/** What a reader should know of columns read in their printed order (Chinese). */
export function headerOrderNotes(orders: HeaderOrders, template: Template): string[] {
  const notes = new Set<string>();
  const o = orders.t4;
  if (o && o !== 'doubt' && o.perm) notes.add(`表四每一栏的列按“${o.perm.map((i) => REVIEW_COL_LABELS[REVIEW_COLS[i]]).join('、')}”的次序印出，与标准格式不同，已按表头读取。`);
  if (o && o !== 'doubt' && o.suitsSwapped) notes.add('表四先印“复议后起诉”、后印“未经复议直接起诉”，与标准格式相反，已按表头读取。');
  if (Array.isArray(orders.t3)) notes.add(`表三申请人各列按“${orders.t3.map((i) => APP_COL_LABELS[APP_COLS[i]]).join('、')}”的次序印出，与标准格式不同，已按表头读取。`);
  for (const row of T2_ROWS[template]) {
    const p = orders.t2.get(row.stem);
    if (Array.isArray(p)) notes.add(`表二${row.item}的列按“${p.map((i) => row.cols[i].label).join('、')}”的次序印出，与标准格式不同，已按表头读取。`);
  }
  return [...notes];
}
