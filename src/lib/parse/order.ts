/**
 * 表三 (and 表四) read by the order of their figures, where no label stands beside the figures it
 * names. pdftotext's default mode prints each row's label apart from its figures — after them, or
 * wrapped around them —, after a page break may print the first column of several rows before
 * the rest of those rows, and runs narrow cells together (`0 006` is four cells). So the figures
 * are taken in the order printed, the form's rows filled row by row (one run of rows may print
 * its first column first, or all its labels before any of its figures), and a reading stands only
 * if its count is exactly the form's, every rule of the table holds, and no other reading that
 * passes differs in any cell.
 *
 * The rules cannot tell the result rows apart (any order of them keeps every sum), so 表三's
 * labels must still agree: found in the form's order, each row's first figure between the labels
 * of the rows around it, on its own side of its label (after it only where the label wraps around
 * the figures), and no row's figures on both sides of its label.
 */
import type { SourceRef, Template } from '../format';
import { lineText, type Line } from './document';
import { layouts, LEADING_ITEM, type TableLayout } from './layout';
import { CJK, ITEM_NUMBER, itemValue } from './naming';
import { rulesFor, type Rules } from './rules';
import { holds } from './solve';
import { cellsOfWord, wordsOf, type Word } from './order-words';
import { lentOut, movedBack, type Lent } from './order-lent';
import { STEP_COST, type Budget } from './budget';

export type { Lent };

export interface OrderReading { cells: Map<string, number | null>; refs: Map<string, SourceRef> }

/** Whether two readings put a different value in some cell of `a`. */
export function differ(a: ReadonlyMap<string, number | null>, b: ReadonlyMap<string, number | null>): boolean {
  for (const [k, v] of a) if (b.get(k) !== v) return true;
  return false;
}

const T3_HEADING = /收到和处理政府信息公开申请|申请人情况/;
const T4_HEADING = /行政复议|行政诉讼/;
/** A row's item number (`（二）`, `3．`) just before the words of its label. */
const ITEM_BEFORE = new RegExp(`(?:${ITEM_NUMBER})$`);

/**
 * The line each row's label starts on, looked for in the form's order through the region's words
 * (a wrapped label's words are joined first), or null if a row's label is not found after the
 * one before it: rows printed out of the form's order, or a row missing.
 */
function labelLines(lines: readonly Line[], from: number, to: number, rows: readonly { cues: readonly string[]; label?: string }[]): number[] | null {
  let text = '';
  const lineAt: number[] = [];
  for (let li = from; li < to; li++) {
    // (A line of figures and blank marks holds no label's words: `上年` / `— ／ 2` / `结转…`.)
    const printed = lineText(lines[li]);
    const t = printed.replace(/[0-9\s—–－/／]+$/, '').replace(/\s+/g, '');
    text += t;
    for (let i = 0; i < t.length; i++) lineAt.push(li);
  }
  const out: number[] = [];
  let at = 0;
  for (const row of rows) {
    let best = -1;
    let cue = '';
    for (const c of row.cues) { const i = text.indexOf(c, at); if (i >= 0 && (best < 0 || i < best)) { best = i; cue = c; } }
    if (best < 0) return null;
    // The label starts before the words that name it where they are not its first (要求提 / 供公开出版物).
    const words = (row.label ?? '').replace(LEADING_ITEM, '');
    const lead = words.indexOf(cue);
    let start = lead > 0 && best - lead >= at && text.slice(best - lead, best) === words.slice(0, lead) ? best - lead : best;
    // …and after its item number where that stands on a line of its own (（二） 0 / 部分公开（…）),
    // if it is this row's number: a number left behind where another label was split (`1.` before
    // 四、结转…) is not this label's start.
    const item = ITEM_BEFORE.exec(text.slice(Math.max(at, start - 6), start));
    const own = LEADING_ITEM.exec(row.label ?? '');
    if (item && (!own || itemValue(own[0]) === itemValue(item[0]))) start -= item[0].length;
    out.push(lineAt[start]);
    at = best + 1;
  }
  return out;
}

/** How a run of rows [p, q] is printed apart from the rest: its first column first, or its labels first. */
type Run = 'column' | 'labels';

/** The cell each figure fills, in printed order: rows in turn, rows [p, q] first column first. */
function slotOrder(rows: readonly (readonly string[])[], p: number, q: number): string[] {
  const out: string[] = [];
  rows.forEach((keys, r) => {
    if (r < p || r > q) { out.push(...keys); return; }
    if (r === p) {
      for (let s = p; s <= q; s++) out.push(rows[s][0]);
      for (let s = p; s <= q; s++) out.push(...rows[s].slice(1));
    }
  });
  return out;
}

/** Slot orders and the rules due at each slot depend on the form alone: kept across readings. */
const rowsCache = new WeakMap<TableLayout, string[][]>();
const slotCache = new WeakMap<readonly (readonly string[])[], Map<string, string[]>>();
const dueCache = new WeakMap<Rules, WeakMap<readonly string[], number[][]>>();

/** The keys of a layout's rows that hold cells, one array per layout. */
function rowsOf(layout: TableLayout): string[][] {
  let rows = rowsCache.get(layout);
  if (!rows) rowsCache.set(layout, (rows = layout.rows.filter((r) => r.keys.length).map((r) => r.keys)));
  return rows;
}

/** slotOrder of a layout's rows (rowsOf), one array per run. */
function slotsOf(rows: readonly (readonly string[])[], p: number, q: number): string[] {
  let byRun = slotCache.get(rows);
  if (!byRun) slotCache.set(rows, (byRun = new Map()));
  const id = `${p}:${q}`;
  let s = byRun.get(id);
  if (!s) byRun.set(id, (s = slotOrder(rows, p, q)));
  return s;
}

/** For each slot, the rules whose last cell it fills: each is checked as soon as it can be. */
function dueOf(rules: Rules, slots: readonly string[]): number[][] {
  let bySlots = dueCache.get(rules);
  if (!bySlots) dueCache.set(rules, (bySlots = new WeakMap()));
  let due = bySlots.get(slots);
  if (due) return due;
  const at = new Map(slots.map((k, i) => [k, i]));
  const out = slots.map(() => [] as number[]);
  rules.keys.forEach((ks, e) => {
    let last = -1;
    for (const k of ks) { const i = at.get(k); if (i === undefined) return; last = Math.max(last, i); }
    out[last].push(e);
  });
  bySlots.set(slots, (due = out));
  return due;
}

/**
 * The one reading of a table (表三 or 表四) by order, or null: no reading passes, two differ, the
 * figures are not the form's, or the `budget` ran out. A line that may be a
 * page's number (`3 / 46`, `— 0 —` in text whose pages are not marked) is left out, and read as
 * figures only where no reading passes without it.
 */
export function readByOrder(lines: readonly Line[], from: number, to: number, table: 't3' | 't4', template: Template, singleOther: boolean, budget: Budget, lent?: Lent): OrderReading | null {
  // The region may open on the text before the table's own heading (a report's title and year).
  const heading = table === 't3' ? T3_HEADING : T4_HEADING;
  for (let li = from; li < to; li++) if (heading.test(lineText(lines[li]))) { from = li; break; }
  const read = (furniture: boolean) => readWords(wordsOf(lines, from, to, furniture), lines, from, to, table, template, singleOther, budget, lent);
  const without = read(false);
  if (without !== null) return without === 'doubt' ? null : without;
  if (!lines.slice(from, to).some((l) => l.furniture)) return null;
  const withIt = read(true);
  return withIt === 'doubt' ? null : withIt;
}

/** The reading of a table from its words; 'doubt' where two differ or the budget ran out. */
function readWords(all: Word[] | null, lines: readonly Line[], from: number, to: number, table: 't3' | 't4', template: Template, singleOther: boolean, budget: Budget, lent?: Lent): OrderReading | 'doubt' | null {
  if (!all?.length) return null;
  const layout = table === 't4' ? layouts(template).t4[0] : layouts(template).t3.find((l) => (l.variant === 'single-other') === singleOther);
  if (!layout) return null;
  const specs = layout.rows.filter((r) => r.keys.length);
  const rows = rowsOf(layout);
  // 表三's labels anchor its rows: each row's first figure stands between the labels of the rows
  // before and after it (its label trails its figures, or a wrapped label stands around them). The
  // rules cannot tell the result rows apart (any order of them keeps every sum), the labels can.
  // (The last label may wrap into the line that opens the next region: 四、结 / 转下年度继续办理.)
  const anchors = table === 't3' ? labelLines(lines, from, Math.min(lines.length, to + 2), specs) : null;
  if (table === 't3' && !anchors) return null;
  const read = (words: Word[], runEnd?: number) => readAnchored(words, lines, from, rows, anchors, template, singleOther, budget, runEnd);
  if (lent) return anchors ? agreed(lentOut(all, lines, anchors, lent), (words) => read(words)) : null;
  const plain = read(all);
  if (plain !== null || !anchors) return plain;
  // A line of figures printed after a run of rows that ends on the second-last row (总计) may be
  // the tail of one of the run's rows.
  return agreed(movedBack(all, lines, anchors), (words) => read(words, rows.length - 2));
}

/** The one reading of all the ways `tried` gives the words, or 'doubt' where two differ. */
function agreed(tried: Iterable<Word[]>, read: (words: Word[]) => OrderReading | 'doubt' | null): OrderReading | 'doubt' | null {
  let found: OrderReading | null = null;
  for (const words of tried) {
    const r = read(words);
    if (r === 'doubt' || (r && found && differ(r.cells, found.cells))) return 'doubt';
    found ??= r;
  }
  return found;
}

/**
 * The one reading of the table's `rows` from `words`, checked against the label lines (`anchors`,
 * 表三 only). With `runEnd`, only readings with a run printed first column first that ends on
 * that row are tried.
 */
function readAnchored(words: Word[], lines: readonly Line[], from: number, rows: readonly (readonly string[])[], anchors: number[] | null, template: Template, singleOther: boolean, budget: Budget, runEnd?: number): OrderReading | 'doubt' | null {
  const firstKey = new Map(rows.map((k, r) => [k[0], r]));
  // Asked for every line of every reading that passes the rules: each line is looked at once.
  const labelledAt = new Map<number, boolean>();
  const labelled = (li: number) => {
    let v = labelledAt.get(li);
    if (v === undefined) labelledAt.set(li, (v = CJK.test(lineText(lines[li]))));
    return v;
  };
  const rowOf = new Map(rows.flatMap((ks, r) => ks.map((k) => [k, r] as [string, number])));
  /** Rows outside a run print their figures on one side of their label's start. */
  const oneSide = (slots: string[], wordOf: number[], p: number, q: number) => {
    const before = new Set<number>();
    const after = new Set<number>();
    slots.forEach((k, i) => {
      const r = rowOf.get(k)!;
      if (r >= p && r <= q) return;
      (words[wordOf[i]].li < anchors![r] ? before : after).add(r);
    });
    return [...before].every((r) => !after.has(r));
  };
  /**
   * A run of rows [p, q] whose labels all stand before its figures (pdftotext's default mode may
   * print a stretch of the label column as one flow): each of its rows opens after the run's last
   * label and before the label of the row after it, and nothing of the rows before the run is
   * printed after the run's first label.
   */
  const labelsFirst = (slots: string[], wordOf: number[], p: number, q: number) => {
    const i0 = slots.indexOf(rows[p][0]);
    if (i0 > 0 && (wordOf[i0 - 1] === wordOf[i0] || words[wordOf[i0 - 1]].li >= anchors![p])) return false;
    const next = q + 1 < anchors!.length ? anchors![q + 1] : Infinity;
    for (let r = p; r <= q; r++) {
      const li = words[wordOf[slots.indexOf(rows[r][0])]].li;
      if (li <= anchors![q] || li > next || labelled(li)) return false;
    }
    return true;
  };
  const anchored = (slots: string[], wordOf: number[], p: number, q: number, run: Run) => !anchors || (oneSide(slots, wordOf, p, q) && (run !== 'labels' || labelsFirst(slots, wordOf, p, q)) && slots.every((k, i) => {
    const r = firstKey.get(k);
    // A figure printed on a label's line opens that label's row (（二）部分公开（…， 17).
    if (r === undefined) {
      const li = words[wordOf[i]].li;
      if (labelled(li)) return false;
      // A run printed first column first prints the rest of its rows after its last label.
      const row = rowOf.get(k)!;
      return run !== 'column' || row < p || row > q || li > anchors[q];
    }
    if (run === 'labels' && r >= p && r <= q) return true;
    const li = words[wordOf[i]].li;
    const prev = r > 0 ? anchors[r - 1] : from - 1;
    const next = r + 1 < anchors.length ? anchors[r + 1] : Infinity;
    if (labelled(li) && li !== anchors[r]) return false;
    // Before its label (the usual), or on its label's first line.
    if (li > prev && li <= anchors[r]) return true;
    // After its label's first line only where the label goes on after the figures (it wrapped):
    // a row's figures just before the next label are that row's, not this one's.
    if (li <= anchors[r] || li >= next) return false;
    for (let j = li + 1; j < Math.min(next, lines.length); j++) if (labelled(j)) return true;
    return false;
  }));
  const n = rows.reduce((s, k) => s + k.length, 0);
  // Fewest and most cells the words from i on can hold.
  const least = new Array<number>(words.length + 1).fill(0);
  const most = new Array<number>(words.length + 1).fill(0);
  for (let i = words.length - 1; i >= 0; i--) {
    const [fewest, mostCells] = cellsOfWord(words[i]);
    least[i] = least[i + 1] + fewest;
    most[i] = most[i + 1] + mostCells;
  }
  if (least[0] > n || most[0] < n) return null;
  const rules = rulesFor(template, singleOther);
  // A blank is read as null and checked by the rules as a 0 (a mark in a count cell says none).
  // Readings that differ only in where a 0 and a mark stand pass the same rules: the test that
  // no two readings differ refuses them.
  const values = new Map<string, number | null>();
  const get = rules.derive((k) => { const v = values.get(k); return v === null ? 0 : v; });
  const best: { cells: Map<string, number | null> | null; refs: Map<string, SourceRef> } = { cells: null, refs: new Map() };
  let ambiguous = false;
  let late = false;

  const tryOrder = (slots: string[], p = -1, q = -1, run: Run = 'column') => {
    const due = dueOf(rules, slots);
    const chosen: (number | null)[][] = [];
    const walk = (w: number, filled: number): void => {
      if (ambiguous || late) return;
      if (!budget.spend(STEP_COST.order)) { late = true; return; }
      if (w === words.length) {
        if (filled !== n) return;
        const wordOf = chosen.flatMap((sp, wi) => sp.map(() => wi));
        if (!anchored(slots, wordOf, p, q, run)) return;
        if (!best.cells) {
          best.cells = new Map(values);
          let i = 0;
          chosen.forEach((s, wi) => s.forEach(() => best.refs.set(slots[i++], words[wi].ref)));
        } else if (differ(best.cells, values)) ambiguous = true;
        return;
      }
      for (const split of words[w].splits) {
        const end = filled + split.length;
        if (end + least[w + 1] > n || end + most[w + 1] < n) continue;
        split.forEach((v, j) => values.set(slots[filled + j], v));
        let ok = true;
        for (let i = filled; i < end && ok; i++) for (const e of due[i]) if (holds(rules.eqs[e], get) !== true) { ok = false; break; }
        if (ok) { chosen.push(split); walk(w + 1, end); chosen.pop(); }
        for (let i = filled; i < end; i++) values.delete(slots[i]);
        if (ambiguous || late) return;
      }
    };
    walk(0, 0);
  };

  const plain = slotsOf(rows, -1, -1);
  if (runEnd === undefined) tryOrder(plain);
  for (let p = 0; p < rows.length && !ambiguous && !late; p++) {
    for (let q = p + 1; q < rows.length && !ambiguous && !late; q++) {
      if (runEnd !== undefined && q !== runEnd) continue;
      tryOrder(slotsOf(rows, p, q), p, q);
      if (anchors && runEnd === undefined && !ambiguous && !late) tryOrder(plain, p, q, 'labels');
    }
  }
  if (ambiguous || late) return 'doubt';
  return best.cells ? { cells: best.cells, refs: best.refs } : null;
}
