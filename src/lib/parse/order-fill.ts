/**
 * Where the labels left cells of 表三 or 表四 in doubt, or the cells they placed break a rule, the
 * table's one reading by order (order.ts) fills them; a cell the labels placed with certainty but
 * the order reads otherwise is flagged, never chosen.
 */
import { KEY_INFO, type Template } from '../format';
import { sumOtherRows } from './other-sum';
import type { Line } from './document';
import { toPieces, type Piece, type ValuePiece } from './pieces';
import { isColumnDoubt } from './headers';
import type { TablesRead } from './tables';
import { rulesFor } from './rules';
import { holds } from './solve';
import { differ, readByOrder, type OrderReading } from './order';
import { pastHeading, wordsOf } from './order-words';
import { layouts } from './layout';
import { cellRange } from './order-lent';
import { readT2ByLabels } from './t2-gaps';
import type { Budget } from './budget';

const DISAGREE = '按行名读到的数与按表格顺序读到的数不一致，这一格属于哪一行无法确定，请核对原表';

/**
 * Where the labels left cells of 表三 or 表四 in doubt, the table's reading by order (when there is exactly one)
 * fills them; a cell the labels placed with certainty but the order reads otherwise is flagged.
 */
export function fillByOrder(t: TablesRead, lines: Line[], endsInCell: boolean, template: Template, budget: Budget, paged = false): void {
  const inTable = (tb: 't2' | 't3' | 't4') => Object.keys(t.uncertain).filter((k) => KEY_INFO.get(k)?.table === tb);
  // The order of the figures says which row they fill, never which column: a header that puts
  // the columns in doubt keeps them in doubt.
  // (Nor does the form's column order read a table whose header put them in another.)
  const columnsDoubted = (tb: 't3' | 't4') => (tb === 't3' && t.columnsMoved) || (tb === 't4' && t.orders.t4 !== null)
    || inTable(tb).some((k) => isColumnDoubt(t.uncertain[k]));
  // A rule the reading breaks is first suspected to be a misreading: the order may read it right.
  const rules = rulesFor(template, t.singleOther);
  const get = rules.derive((k) => t.cells[k]);
  const broken = (tb: 't3' | 't4') => rules.eqs.some((e) => e.table === tb && holds(e, get) === false);
  // 表二 has no rule: its labels alone may place its figures (t2-gaps.ts), only where they are in doubt.
  const t2 = t.spans.t2;
  if (t2 && inTable('t2').length > 0 && t.orders.t2.size === 0) {
    const read = readT2ByLabels(lines, t2[0], t2[1], template, paged);
    if (read) take(t, read);
  }
  const tables = (['t3', 't4'] as const).filter((tb) => !columnsDoubted(tb) && (inTable(tb).length > 0 || broken(tb)));
  if (!tables.length) return;
  let lent = false;
  for (const tb of tables) {
    const span = t.spans[tb];
    if (!span) continue;
    const [from, to] = span;
    const past = tb === 't4' ? pastHeading(lines, to) : null;
    const own = readByOrder(lines, from, to, tb, template, t.singleOther, budget)
      ?? (past === null ? null : readByOrder(lines, from, past, tb, template, t.singleOther, budget));
    const lending = !own && tb === 't3' ? readLending(lines, from, to, t, template, budget) : null;
    if (lending) lent = true;
    const read = own ?? lending;
    if (read) take(t, read);
    // 表三 was read without some of 表四's figures: that is why 表四's cells are in doubt.
    else if (tb === 't4' && lent) for (const k of inTable('t4')) t.uncertain[k] = LENT_TO_T3;
    else if (tb === 't3' && figuresFirst(toPieces(lines.slice(from, to), endsInCell))) {
      // Unread by order, a table that prints figures before its first row's label gives no row
      // to a label: what a label placed is doubted too.
      for (const k of Object.keys(t.cells)) {
        if (KEY_INFO.get(k)?.table !== 't3' || k in t.uncertain) continue;
        t.cells[k] = null;
        t.uncertain[k] = FIGURES_FIRST;
      }
    }
  }
  // 2021's （六）其他处理 is the sum of its three printed rows, as they now stand.
  if (template === '2021' && !t.singleOther) sumOtherRows(t.cells, t.uncertain);
}

/** 表四, left in doubt by its labels, may have fewer figures than cells: by between [0] and [1] cells; or null. */
function t4Short(lines: Line[], t: TablesRead, template: Template): [number, number] | null {
  const span = t.spans.t4;
  if (!span || !Object.keys(t.uncertain).some((k) => KEY_INFO.get(k)?.table === 't4')) return null;
  const words = wordsOf(lines, span[0], pastHeading(lines, span[1]) ?? span[1]);
  if (!words) return null;
  const n = layouts(template).t4[0].rows.reduce((s, r) => s + r.keys.length, 0);
  const [least, most] = cellRange(words);
  // (Narrow cells run together: `00` may be one cell or two, so the count is a range.)
  return least < n ? [Math.max(1, n - most), n - least] : null;
}

/**
 * 表三 read without the few figures 表四 lent it (order-lent.ts), where 表四 lacks as many. Each
 * count of such words is tried; readings that differ leave the table unread.
 */
function readLending(lines: Line[], from: number, to: number, t: TablesRead, template: Template, budget: Budget): OrderReading | null {
  const short = t4Short(lines, t, template);
  if (!short) return null;
  let found: OrderReading | null = null;
  for (let words = 1; words <= Math.min(MAX_LENT, short[1]); words++) {
    const read = readByOrder(lines, from, to, 't3', template, t.singleOther, budget, { words, cells: short });
    if (!read) continue;
    if (found && differ(read.cells, found.cells)) return null;
    found ??= read;
  }
  return found;
}

/** No more of 表四's figures than this were seen printed inside 表三. */
const MAX_LENT = 3;

const LENT_TO_T3 = '表四有几个数印在了表三末行之前（pdftotext 等工具排版所致），它们在表四中的位置无法确定，请核对原表';

const FIGURES_FIRST = '表中每行的数字印在行名之前（pdftotext 默认模式等），行名旁的数字不一定属于这一行，按表格顺序也无法唯一读出，请核对原表';

/** Loose text whose first figure after the applicant header comes before the first row's label (本年新收). */
function figuresFirst(region: readonly Piece[]): boolean {
  const header = region.findIndex((p) => p.kind === 'label' && /申请人情况|自然人|法人或其他组织|商业企业/.test(p.text));
  if (header < 0) return false;
  const label = region.findIndex((p, i) => i > header && p.kind === 'label' && /新收/.test(p.text));
  const figure = region.findIndex((p, i) => i > header && p.kind === 'value' && p.raw !== '');
  return label > 0 && figure > 0 && figure < label && !(region[figure] as ValuePiece).cellular;
}

function take(t: TablesRead, read: OrderReading): void {
  for (const [k, v] of read.cells) {
    if (k in t.uncertain) {
      t.cells[k] = v;
      delete t.uncertain[k];
      const ref = read.refs.get(k);
      if (ref) t.sources[k] = ref;
    } else if (t.cells[k] !== v) {
      t.cells[k] = null;
      t.uncertain[k] = DISAGREE;
    }
  }
}
