/**
 * What a table's own header says about its columns, beyond the form: the unit a money column
 * is printed in, and whether 表三's applicant columns stand in the form's order. The form fixes
 * both, but reports restate them (采购总金额（万元）, a column moved or a 小计 added); where the
 * header says otherwise, the header decides or the cells are flagged — the form's default never
 * silently wins over what is printed.
 */
import { APP_COL_LABELS, APP_ORG_COLS, APP_ORG_GROUP_LABEL, T2_ROWS, type TableId, type Template } from '../format';
import { headerColumnOrder, inColumnOrder } from './header-columns';
import { APPLICANT_SHORT, HEADER_ORDER_DOUBT } from './header-order';
import type { Piece } from './pieces';
import type { TableLayout } from './layout';

export type MoneyUnit = 'yuan' | 'wan';

/** 表二's one money column per template: its key, its header words (the label less its unit), its unit. */
function moneyColumn(template: Template): { key: string; head: string; unit: MoneyUnit } {
  for (const r of T2_ROWS[template]) {
    for (const c of r.cols) {
      if (c.money) return { key: `t2.${r.stem}.${c.key}`, head: c.label.replace(/[（(].*$/, '').replace(/^本年|^采购总/, ''), unit: c.money };
    }
  }
  throw new Error(`no money column in the ${template} form`);
}

/** The labels of a table's pieces, joined: header words wrapped over cells or lines read as one. */
export function labelText(pieces: readonly Piece[], until = pieces.length): string {
  let s = '';
  for (let i = 0; i < until; i++) { const p = pieces[i]; if (p.kind === 'label') s += p.text; }
  return s;
}

/**
 * The unit 表二's money column is printed in, by its header: the form's own when the header
 * names none, null when the header names both or another (the cell is then flagged).
 */
export function moneyUnit(t2Labels: string, template: Template): { key: string; unit: MoneyUnit | null } {
  const col = moneyColumn(template);
  // A unit the form does not know (千元, 百万元, 亿元) gives nothing to convert by: the cell is flagged.
  if (/(?:[千百亿]|[百千]万)元/.test(t2Labels)) return { key: col.key, unit: null };
  const named = new RegExp(`${col.head}\\s*[（(]?\\s*(?:单位\\s*[:：]?\\s*)?(万元|元)`).exec(t2Labels)?.[1];
  // 表二 has one money column: 万元 anywhere in its header is that column's unit.
  const units = new Set<MoneyUnit>();
  if (named) units.add(named === '万元' ? 'wan' : 'yuan');
  if (t2Labels.includes('万元')) units.add('wan');
  if (units.size > 1) return { key: col.key, unit: null };
  return { key: col.key, unit: units.size ? [...units][0] : col.unit };
}

/** The layout with the money column read in `unit`. */
export function withMoneyUnit(layout: TableLayout, key: string, unit: MoneyUnit): TableLayout {
  if (!layout.rows.some((r) => r.keys.includes(key) && r.money?.[r.keys.indexOf(key)] !== unit)) return layout;
  return {
    ...layout,
    rows: layout.rows.map((r) => {
      const i = r.keys.indexOf(key);
      if (i < 0) return r;
      const money = [...(r.money ?? r.keys.map(() => undefined))];
      money[i] = unit;
      return { ...r, money };
    }),
  };
}

/** 表三's applicant sub-columns under 法人或其他组织, in the form's order. */
const SUB_HEADS = APP_ORG_COLS.map((c) => APP_COL_LABELS[c]);

/**
 * Do the header's words stand in an order some reading of the form's two-row header gives?
 * Row by row it reads 自然人 · 法人或其他组织 · 总计, then 商业企业 … 法律服务机构 · 其他; column
 * by column, or printed as one row, 总计 comes last. So: 自然人 first, the sub-columns in their
 * order, and 总计 either before every sub-column or after all of them.
 */
function inFormOrder(header: string): boolean {
  // (法人或其他组织 heads the sub-columns; its 其他 is not the column 其他.)
  const h = formNames(header).replaceAll(APP_ORG_GROUP_LABEL, '＿'.repeat(APP_ORG_GROUP_LABEL.length));
  // Where a sub-column's name cannot be read as a word (pdftotext prints narrow header cells two
  // characters a line, the columns' lines interleaved: 法人或其他 / 组织商业企), only the names
  // read whole are judged, by their order and 自然人's: a 其他 may be the cut 法人或其他's, and
  // 总计 falls anywhere among the interleaved lines.
  const legible = SUB_HEADS.every((w) => w === APP_COL_LABELS.other_org || h.includes(w));
  const natural = h.indexOf(APP_COL_LABELS.natural);
  const subs = SUB_HEADS.filter((w) => legible || w !== APP_COL_LABELS.other_org).map((w) => h.indexOf(w)).filter((i) => i >= 0);
  if (subs.some((p, i) => (i > 0 && p < subs[i - 1]) || (natural >= 0 && p < natural))) return false;
  const total = h.indexOf(APP_COL_LABELS.total);
  if (total < 0) return true;
  if (total < natural) return false;
  if (!legible) return true;
  // Crawler dumps print a whole page as one line: where the header's rows broke is lost, so
  // 总计 before the sub-columns is the first row's last word, as the form prints it.
  return !subs.length || total < subs[0] || total > subs[subs.length - 1];
}

/**
 * A header's other words for the form's columns, as the form's: 公民 or 个人 for 自然人, and 合计 for
 * 总计 where no 总计 is printed (beside 总计, a 合计 is a column of its own). Read by position, such
 * a header's columns in another order went unnoticed.
 */
function formNames(header: string): string {
  const total = APP_COL_LABELS.total;
  const other = Object.entries(APPLICANT_SHORT);
  const h = other.reduce((s, [w, name]) => (name === total ? s : s.replaceAll(w, name)), header);
  return h.includes(total) ? h : other.reduce((s, [w, name]) => (name === total ? s.replaceAll(w, name) : s), h);
}

const EXTRA_COLUMN = '表三的表头多出一列（小计或合计），与标准表的七列不同，无法确定各数属于哪一列，请核对原表';
const COLUMN_ORDER = '表三表头的申请人各列顺序与标准表不同，无法确定各数属于哪一列，请核对原表';

/** Whether a cell's doubt is about which column its figures stand in (no order of figures settles it). */
export function isColumnDoubt(why: string | undefined): boolean {
  return why === EXTRA_COLUMN || why === COLUMN_ORDER || why === HEADER_ORDER_DOUBT;
}

/**
 * Why 表三's columns cannot be taken in the form's order, from the words of its header (the
 * labels before its first figure), or null: the header names the applicant columns in another
 * order, or prints a column the form does not have (a 小计 of 法人或其他组织). With `lines` (a
 * PDF's header, its lines in the order of their height) the order is judged within each line
 * only: a cell whose words wrap is centred higher than its neighbours, so the lines interleave
 * the columns' words whatever their order across the page.
 */
export function applicantColumnsDoubt(header: string, lines?: readonly string[]): string | null {
  if (/小计/.test(header) || (/合计/.test(header) && /总计/.test(header))) {
    return EXTRA_COLUMN;
  }
  if (!(lines ? lines.every(inFormOrder) : inFormOrder(header))) {
    return COLUMN_ORDER;
  }
  // A PDF's header, read by the page's own lines, shows the organisations' heads but not 自然人's in
  // any words: where its column stands is unknown (two-character heads set one character a line,
  // 公 / 民 beside 合 / 计). (A text dump may print its heads anywhere: pdfminer sets 自然人 after the rows.)
  // 自然人 set one character a line comes apart too, its 自 read into the line of a note beside it.
  if (lines && /商业|科研|法人或其他组织/.test(header) && !/自[^]*然/.test(formNames(header))) return COLUMN_ORDER;
  return null;
}

/**
 * What the header of table `t` changes in how it is read: the layouts to place it with (表二's
 * money column in its header's unit, 表三's columns in its header's order: `moved`) and the cells
 * it puts in doubt, with the reason.
 */
export function headerReading(t: TableId, region: readonly Piece[], options: TableLayout[], template: Template, byHeight = false): { options: TableLayout[]; doubt: Map<string, string>; moved?: true } {
  const doubt = new Map<string, string>();
  if (t === 't2') {
    const money = moneyUnit(labelText(region), template);
    if (money.unit) return { options: options.map((l) => withMoneyUnit(l, money.key, money.unit!)), doubt };
    doubt.set(money.key, '表头写的金额单位前后不一（万元与元），无法确定这一格的单位，请核对原表');
  }
  if (t === 't3') {
    // The header is what stands before the first row's label and the first figure: an extractor
    // that prints every row label first would otherwise lend 总计 and 其他 of the row labels.
    // (An empty cell is no figure: a Markdown header row leaves the cells over the labels empty.)
    const first = region.findIndex((p) => p.kind === 'value' && (p.raw !== '' || (p.ref.text ?? '').trim() !== ''));
    const text = labelText(region, first < 0 ? region.length : first);
    const rows = text.search(/本年新收/);
    const header = rows < 0 ? text : text.slice(0, rows);
    const lines = headerLines(region, first < 0 ? region.length : first);
    const why = applicantColumnsDoubt(header, byHeight ? lines : undefined) ?? (groupMoved(lines) ? COLUMN_ORDER : null);
    // A one-row header that names every column places them; anything else leaves them in doubt.
    const order = (why === COLUMN_ORDER || why === EXTRA_COLUMN) && !byHeight ? headerColumnOrder(lines) : null;
    if (order) return { options: options.map((l) => inColumnOrder(l, order)), doubt, moved: true };
    if (why) for (const k of options.flatMap((l) => l.rows.flatMap((r) => r.keys))) doubt.set(k, why);
  }
  return { options, doubt };
}

/**
 * A line that prints 法人或其他组织 before 自然人, or after 总计: the group of organisations stands
 * elsewhere than the form's. (An extractor may print the group's head on a line above 自然人 and
 * 总计, set in the middle of two rows; on one line with them, it keeps their order.)
 */
function groupMoved(lines: readonly string[]): boolean {
  return lines.some((l) => {
    const g = l.indexOf(APP_ORG_GROUP_LABEL);
    if (g < 0) return false;
    const natural = l.indexOf(APP_COL_LABELS.natural);
    const total = l.lastIndexOf(APP_COL_LABELS.total);
    return (natural >= 0 && g < natural) || (total >= 0 && g > total);
  });
}

/** The label text of each line before piece `until`, up to the first row's name. */
function headerLines(region: readonly Piece[], until: number): string[] {
  const lines: string[] = [];
  let line = -1;
  for (let i = 0; i < until; i++) {
    const p = region[i];
    if (p.kind !== 'label') continue;
    if (p.line !== line) { lines.push(''); line = p.line; }
    lines[lines.length - 1] += p.text;
  }
  const cut = lines.findIndex((l) => l.includes('本年新收'));
  if (cut >= 0) { lines.length = cut + 1; lines[cut] = lines[cut].slice(0, lines[cut].indexOf('本年新收')); }
  return lines;
}
