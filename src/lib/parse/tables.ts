/** Reads the three standard tables out of a document's lines into canonical cells. */
import type { SourceRef, TableId, Template } from '../format';
import { TEMPLATE_KEYS, APP_COLS } from '../format';
import { sumOtherRows } from './other-sum';
import type { Line } from './document';
import { toPieces } from './pieces';
import { isGlued, spacesFigures } from './printing';
import { flagBlankTotals, movedBlanks, rowsOfKeys } from './blanks';
import { BLOCK_ORDER, confirmedOrder, flagBrokenWalks, inOrder, walkChecked } from './walk';
import { findRegions, headedOnly } from './regions';
import { holds, holdsAsNothing, solve } from './solve';
import { rulesFor, withoutRules, type Rules } from './rules';
import type { Getter } from '../checks/equations';
import { flagImpossible, verifyInferred } from './verify';
import { flagMisread, flagSplit, flagWidespread } from './misread';
import { labelText } from './headers';
import { checkSubtotals } from './header-columns';
import { placeRegions } from './placing';
import { tablesPrintedTwice } from './twice';
import { flagSuspectRows } from './suspect';
import { slippedAbove } from './slipped';
import { headerOrderNotes, headerOrders, type HeaderOrders } from './header-order';
import { Budget } from './budget';

export interface TablesRead {
  cells: Record<string, number | null>;
  sources: Record<string, SourceRef>;
  uncertain: Record<string, string>;
  missing: TableId[];
  /** Tables whose section heading is printed but whose figures were not found: every cell flagged. */
  unread: TableId[];
  /** 2021 reports that print a single （六）其他处理 row. */
  singleOther: boolean;
  /** Tables the file prints more than once (twice.ts). */
  twice: TableId[];
  /** Each table's lines [first, end): where its figures may be read again by order (order.ts). */
  spans: Partial<Record<TableId, [number, number]>>;
  /** 表三's columns stand in its header's order, not the form's: its order is no guide to them. */
  columnsMoved: boolean;
  /** What the headers of 表二 and 表四 say of their columns' order (header-order.ts). */
  orders: HeaderOrders;
  /** Columns of 表二 or 表四 read in the order their header prints them (Chinese, for the notes). */
  orderNotes: string[];
}

/**
 * Steps one document's table reading may take (listing run-together splits and the search among
 * them), shared by every table. Real reports take a few thousand; the allowance is about 2 s of
 * work on a 2-core machine of 2026. Past it, what is open is flagged.
 */
const READ_STEPS = 6_000_000;

const UNREAD = '报告印有这张表的标题，但没有读出表中的数字（排版无法识别，例如表头每行只印一个字）：这一格不是未报告，而是未能读出，请核对原表';

const SHIFTED = '表中行名与数字可能错开了半行（无框线的表排得太紧时，一行的行名会落在另一行的数字旁），这一格属于哪一行无法确定，请核对原表';

/**
 * The segment's own rules (all their cells in it) exist and every one holds, a blank counted as
 * nothing (as the solver weighed the cuts: `6 0 0 /309` is 6 0 0 / 3 0 9).
 */
function ownRulesHold(keys: readonly string[], rules: Rules, get: Getter): boolean {
  const mine = new Set(keys);
  const own = rules.eqs.filter((_, i) => rules.keys[i].every((k) => mine.has(k)));
  return own.length > 0 && own.every((e) => holdsAsNothing(e, get));
}

/** Every rule over any of these cells checks, a blank counted as nothing, none of its cells in doubt. */
function allCheck(keys: readonly string[], rules: Rules, get: Getter, doubt: ReadonlyMap<string, string>): boolean {
  const over = new Set(keys.flatMap((k) => rules.of.get(k) ?? []));
  return [...over].every((i) => rules.keys[i].every((k) => !doubt.has(k)) && holdsAsNothing(rules.eqs[i], get));
}

/** The sub-rows of 2021's （六）其他处理, named in the table: the single-row shape is ruled out. */
const SUB_OTHER_NAMED = /不补正|收费通知|缴纳费用/;

/**
 * How the lines were made: `endsInCell`, the file stops inside a cell; `byHeight`, a PDF's lines
 * in the order of their height; `extracted`, text an extractor laid out (text, Markdown, PDF),
 * where digits of neighbouring figures can run together (not HTML, Word or CSV cells).
 */
export interface ReadOptions { endsInCell?: boolean; byHeight?: boolean; extracted?: boolean }

export function readTables(lines: Line[], template: Template, { endsInCell = false, byHeight = false, extracted = true }: ReadOptions = {}): TablesRead {
  const budget = new Budget(READ_STEPS);
  const pieces = toPieces(lines, endsInCell);
  const regions = findRegions(pieces);
  // A source that runs cells together does so throughout, also where a run stands alone.
  const docGlued = Object.values(regions).some(([a, b]) => isGlued(pieces, a, b));
  const dropsBlanks = docGlued && spacesFigures(pieces, regions);
  // (Labels joined: a wrapped label splits 不补正 over two lines. The whole file's: an extractor
  // may set 表三's row labels apart from the region its figures mark.)
  const subRows = SUB_OTHER_NAMED.test(labelText(pieces));
  const orders = headerOrders(lines, template);
  const { placed, missing, rowMissing, singleOther, headerDoubt, rowTwice, columnsMoved } = placeRegions(pieces, regions, template, { byHeight, docGlued, dropsBlanks, subRows, budget, orders });
  const unread = headedOnly(pieces, regions);
  const rules = rulesFor(template, singleOther);
  const { eqs, derive } = rules;
  const withRules = placed.filter((x) => x.table !== 't2');
  const solved = solve(withRules.map((x) => x.ps), rules, budget);
  // 表二 has no rules of its own: a block printed one value per line is read in the order
  // (row by row or column by column) that 表三/表四's rules confirmed for this document.
  // Lines moved in one table were moved by the same hand elsewhere: no table of such a document
  // takes a row on a label printed apart from its figures.
  if (placed.some((x) => x.reordered)) for (const x of placed) x.reordered = true;
  const ruleGet = derive((k) => solved.cells.get(k));
  const held = eqs.map((e) => holds(e, ruleGet) === true);
  const confirms = (x: (typeof placed)[number]) => {
    if (x.reordered || !x.ps.exact) return false;
    return x.ps.keys.every((k) => (rules.of.get(k) ?? []).every((i) => held[i]));
  };
  const order = confirmedOrder(withRules.filter((x) => !x.ps.orders || confirms(x)).map((x) => x.ps), withRules.some((x) => x.ps.orders && !confirms(x)), solved.chosen);
  const t2 = placed.filter((x) => x.table === 't2').map((x) => ({ ...x, ps: inOrder(x.ps, order) }));
  const solvedT2 = solve(t2.map((x) => x.ps), withoutRules(rules), budget);
  for (const m of ['cells', 'refs', 'uncertain', 'chosen'] as const) {
    (solvedT2[m] as Map<unknown, unknown>).forEach((v, k) => (solved[m] as Map<unknown, unknown>).set(k, v));
  }
  // Out of order, a row stands on its label only where label and figures share one line;
  // otherwise the rules must confirm it, and reading by order alone needs the whole table's
  // count to match the form.
  // A row not found is unknown, not blank: no rule may hold by counting its cells as nothing.
  for (const [k, why] of rowMissing) if (!solved.cells.has(k) && !solved.uncertain.has(k)) solved.uncertain.set(k, why);
  const inferred = new Set<string>();
  const rowNamed = new Set<string>();
  const lost = new Map<string, string>();
  for (const x of [...withRules, ...t2]) {
    // One way to read it at all: a choice the rules made among readings is an inference.
    const rs = x.ps.readings;
    // Its row named by a label beside its figures (or the lines kept in their order).
    const byLabel = (!x.reordered || x.ps.oneLine === true) && x.named;
    const placedWell = byLabel && x.ps.exact;
    // A run of digits cut where its parts could also be one figure (`023`: 0 2 3, or 0 23 beside a
    // blank printed as nothing) is cut by inference, whatever the count says: only the row's own
    // rule, holding, confirms the cut (one it breaks flags the row, suspect.ts).
    const kept = solved.chosen.get(x.ps) ?? [];
    const ownHold = ownRulesHold(x.ps.keys, rules, ruleGet);
    const cutWhole = kept.some((r) => rs[r].splitWhole) && !ownHold;
    // Runs cut into a named row's cells in the one way its own sum checks (the solver found no
    // other cut, nor a run kept whole beside a blank left out, that does): read as a person would,
    // where every rule over its cells checks too (a blank counted as nothing). Moving digits
    // between cells keeps a row's sum by chance (`0 13 0 0 15` cut 0 1 3 0 0 1 5 sums too, in a
    // report whose own sum is off); the columns' sums then do not.
    const cutChecked = !!x.ps.runsCut && kept.length === 1 && ownHold && byLabel && allCheck(x.ps.keys, rules, ruleGet, solved.uncertain);
    const certain = ((placedWell && x.ps.readings.length === 1) || cutChecked) && !cutWhole;
    // A block printed one value per line whose orders read a cell alike holds it either way.
    // The walk actually taken may be none of those tried (pdftotext walks a block in parts): a
    // cell they agree on stands where the rules checked a walk, or in 表二, which has none;
    // otherwise the rules check the cell like any inferred one.
    const walkShown = placedWell && !!x.ps.orders && (x.table === 't2' || walkChecked(x.ps, solved, rules));
    const alike = (i: number) => walkShown && rs.every((r) => r.values[i] === rs[0].values[i]);
    if (x.table === 't2' && x.ps.orders) {
      const standing = (solved.chosen.get(x.ps) ?? []).map((r) => rs[r].values);
      x.ps.keys.forEach((k, i) => {
        const seen = new Set(standing.map((v) => v[i]));
        if (seen.size > 1) { solved.cells.set(k, null); solved.uncertain.set(k, BLOCK_ORDER([...seen])); }
      });
    }
    if (x.shifted) x.ps.keys.forEach((k) => lost.set(k, SHIFTED));
    else if (x.reordered && x.contradicted) x.ps.keys.forEach((k) => lost.set(k, '表格的行序被打乱，这一格旁边印的行名指向另一行，无法确定它属于哪一行'));
    else if (x.disturbed && !x.named) x.ps.keys.forEach((k) => lost.set(k, '表格的行序被打乱（有的行没有找到，或有多出来的数字），这一格的行名没有印在数字旁，无法确定它属于哪一行'));
    else if (!certain) {
      x.ps.keys.forEach((k, i) => alike(i) || inferred.add(k));
      // A row its label names, split over two lines: only its columns are inferred. Without a blank
      // in it, a 0 cannot trade places with a blank, so a rule open elsewhere still places it.
      const kept = (solved.chosen.get(x.ps) ?? []).map((r) => rs[r].values);
      if (x.joined && x.named && !x.reordered && kept.length === 1 && kept[0].every((v) => v !== null)) x.ps.keys.forEach((k) => rowNamed.add(k));
    }
  }
  for (const [k, why] of headerDoubt) lost.set(k, why);
  for (const [k, why] of rowTwice) lost.set(k, why);
  slippedAbove(placed, template, rowMissing, lost);
  // A piece that is not a figure, on a cell of a reading still standing.
  for (const x of [...withRules, ...t2]) {
    for (const r of solved.chosen.get(x.ps) ?? []) {
      for (const [k, why] of x.ps.readings[r].bad ?? []) lost.set(k, why);
    }
  }
  // Blanks moved in 表三 (whose sums show it) were moved in 表二 by the same extractor.
  const looseRows = (t: TableId) => placed.filter((x) => x.table === t && x.loose).flatMap((x) => rowsOfKeys(x.ps.keys));
  if (movedBlanks(looseRows('t3'), solved, lost)) movedBlanks(looseRows('t2'), solved, lost);
  for (const [k, why] of lost) {
    if (solved.uncertain.has(k)) continue;
    solved.cells.set(k, null);
    solved.uncertain.set(k, why);
  }
  for (const x of placed) {
    for (const k of x.ps.cut ?? []) {
      if (solved.uncertain.has(k) || solved.cells.get(k) == null) continue;
      solved.uncertain.set(k, `文件在这个数（${solved.cells.get(k)}）之后就结束了，它可能被截断，请核对原表`);
      solved.cells.set(k, null);
    }
  }
  const impossible = flagImpossible(solved.cells, solved.uncertain, solved.refs);
  // An impossible figure in a row read with a blank left out says the row's figures were not
  // what they seemed (a digit run among them): which blank was padding is unknown, so is every place.
  for (const x of placed) {
    if (!x.ps.trimmed || !x.ps.keys.some((k) => impossible.has(k))) continue;
    for (const k of x.ps.keys) {
      if (solved.uncertain.has(k)) continue;
      solved.cells.set(k, null);
      solved.uncertain.set(k, '这一行读到一个不可能的数，又有一个空格被当作行首或行尾的空白略去，各数所在的列无法确定，请核对原表');
    }
  }
  const get = derive((k) => solved.cells.get(k));
  flagSuspectRows(placed, solved, rules, inferred, get);
  flagMisread(solved.cells, solved.uncertain, rules, get, extracted);
  if (extracted) flagSplit(solved.cells, solved.uncertain, rules, get);
  const brokenNow = () => eqs.flatMap((eq, i) => (holds(eq, get) === false ? [i] : []));
  // Every rule the reading breaks, whether by certain or inferred cells (before any is flagged).
  const brokenRules = brokenNow().map((i) => new Set(rules.keys[i]));
  const broken = verifyInferred(solved.cells, solved.uncertain, inferred, rules, get, rowNamed);
  flagBrokenWalks(placed.map((x) => x.ps), inferred, broken, solved);
  // (Counted on what is still kept: rules an inferred reading broke are already flagged.)
  if (extracted) flagWidespread(solved.cells, solved.uncertain, rules, brokenNow());
  // One misprinted cell explains the breaks when one cell lies in every broken rule (a wrong
  // 总计): the rows the labels establish elsewhere stand. Breaks no single cell explains, or an
  // impossible value read by order, say the lines moved: no label printed apart from its
  // figures establishes a row any more.
  const oneMisprint = brokenRules.length > 0 && [...brokenRules[0]].some((k) => brokenRules.every((r) => r.has(k)));
  const moved = [...impossible].some((k) => inferred.has(k)) || (broken.size > 0 && !oneMisprint);
  if (broken.size || moved) {
    // Within the broken rules, a label printed apart from its figures does not establish a row.
    for (const x of placed) {
      if (x.ps.oneLine || !x.named) continue;
      for (const k of x.ps.keys) {
        if (solved.uncertain.has(k) || !(moved || broken.has(k))) continue;
        solved.cells.set(k, null);
        solved.uncertain.set(k, '同一份文件中按顺序推断的数字与表内勾稽关系或数值范围对不上，文字的行序可能已乱；这一格的行名与数字不在同一行，无法确认');
      }
    }
  }
  checkSubtotals(solved.cells, solved.uncertain);
  const cells: Record<string, number | null> = {};
  const sources: Record<string, SourceRef> = {};
  const uncertain: Record<string, string> = {};
  for (const k of TEMPLATE_KEYS[template]) {
    cells[k] = solved.cells.get(k) ?? null;
    const ref = solved.refs.get(k);
    if (ref) sources[k] = ref;
    const why = solved.uncertain.get(k) ?? (unread.includes(tableOf(k)) ? UNREAD : missing.includes(tableOf(k)) ? undefined : rowMissing.get(k));
    if (why) uncertain[k] = why;
  }
  const sixSplit = template === '2021' && !singleOther;
  if (sixSplit) {
    const get = derive((k) => cells[k]);
    for (const c of APP_COLS) cells[`apps.other.${c}`] = get(`apps.other.${c}`) ?? null;
  }
  flagBlankTotals(cells, uncertain, eqs, sources);
  // (After the blank totals: a sub-row's total flagged there leaves （六）'s sum in doubt too.)
  if (sixSplit) sumOtherRows(cells, uncertain);
  const spans: TablesRead['spans'] = {};
  for (const [t, [a, b]] of Object.entries(regions) as [TableId, [number, number]][]) {
    spans[t] = [pieces[a]?.line ?? 0, b < pieces.length ? pieces[b].line : lines.length];
  }
  return { cells, sources, uncertain, missing: missing.filter((t) => !unread.includes(t)), unread, singleOther, twice: tablesPrintedTwice(pieces), spans, columnsMoved, orders, orderNotes: headerOrderNotes(orders, template) };
}

function tableOf(key: string): TableId {
  return key.startsWith('t2.') ? 't2' : key.startsWith('apps.') ? 't3' : 't4';
}
