/**
 * The readings a placed segment admits. Separated cells admit one (or, for a block of
 * rows, row-major and column-major order); digits run together admit every split into
 * well-formed numbers. The solver then keeps the readings the consistency rules prefer.
 */
import type { SourceRef } from '../format';
import { blankEnds, type Segment, type Placement } from './align';
import type { RowSpec } from './layout';
import { wanToYuan } from './numbers';
import type { ValuePiece } from './pieces';
import { STEP_COST, UNBOUNDED, type Budget } from './budget';

export interface Reading {
  values: (number | null)[];
  refs: SourceRef[];
  /**
   * A run of digits that reads as one figure (`10`) was split into cells (1 and 0): as likely one
   * figure beside a blank printed as nothing, so only the rules can confirm it.
   */
  splitWhole?: boolean;
  /** It leaves out a blank printed as nothing (a cell between pieces, or at the row's end). */
  leftOut?: boolean;
  /** Cells this reading puts on a piece that cannot be read (约50, 1o, a doubted PDF row), with why. */
  bad?: Map<string, string>;
}

export interface PlacedSegment {
  keys: string[];
  readings: Reading[];
  /**
   * The segment's cells map one to one onto the row's columns (count exact, only padding
   * blanks left out, one way to read them): with a label naming the row, they are certain.
   */
  exact: boolean;
  /** The row's label and all its figures stand on one line (a line moved keeps them together). */
  oneLine?: boolean;
  /** For a block printed one value per line: which readings take it row by row or column by column. */
  orders?: ('row' | 'col')[];
  /** Why no reading could be made (the cells stay null and are flagged). */
  unread?: string;
  /** Keys some reading takes from digits the file ends on (it may have been cut short). */
  cut?: string[];
  /**
   * A figure at either end of the row stands alone on its line while another line holds several:
   * it may be a page number, not a cell (pdftotext prints the footer's number right after a table).
   */
  loneEnd?: boolean;
  /** Figures beyond the row's count were left out as blank padding: which ones was a choice. */
  trimmed?: boolean;
  /** The readings cut runs of digits into cells (or keep them whole beside blanks left out). */
  runsCut?: boolean;
}

const MAX_READINGS = 5000;
const MAX_CELL = 15;

function loneEnd(vals: readonly { line: number }[]): boolean {
  const per = new Map<number, number>();
  for (const v of vals) per.set(v.line, (per.get(v.line) ?? 0) + 1);
  const alone = (v: { line: number } | undefined) => v !== undefined && per.get(v.line) === 1;
  return per.size > 1 && [...per.values()].some((n) => n > 1) && (alone(vals[0]) || alone(vals[vals.length - 1]));
}

function toValue(raw: string, money: 'yuan' | 'wan' | undefined, unit: 'yuan' | 'wan' | undefined): number | null {
  if (raw === '') return null;
  if (money === 'wan' && unit !== 'yuan') return wanToYuan(raw);
  if (money === 'yuan' && unit === 'wan') return wanToYuan(raw);
  return Number(raw);
}

/** Is s[from, to) a well-formed number: -?(0|[1-9]d*)(.d+)? — checked by hand, it is the hot loop. */
function wellFormed(s: string, from: number, to: number): boolean {
  let i = from;
  if (s.charCodeAt(i) === 45) i++; // '-'
  if (i >= to) return false;
  const first = s.charCodeAt(i);
  if (first < 48 || first > 57) return false;
  let dot = -1;
  for (let j = i + 1; j < to; j++) {
    const c = s.charCodeAt(j);
    if (c === 46) { if (dot >= 0) return false; dot = j; } else if (c < 48 || c > 57) return false;
  }
  if (dot === to - 1) return false;
  const intEnd = dot < 0 ? to : dot;
  return !(first === 48 && intEnd - i > 1);
}

/** Every way to cut `s` into exactly `n` well-formed numbers (null: the budget ran out). */
function cuts(s: string, n: number, limit: number, budget: Budget): string[][] | null {
  const out: string[][] = [];
  const acc: string[] = [];
  let late = false;
  const rec = (at: number, left: number) => {
    if (out.length >= limit || late) return;
    if (!budget.spend(STEP_COST.cut)) { late = true; return; }
    if (left === 0) { if (at === s.length) out.push(acc.slice()); return; }
    // No cell of the form holds more than 15 characters (a sum in 元 with its 分).
    if (s.length - at > left * MAX_CELL) return;
    const maxLen = Math.min(MAX_CELL, s.length - at - (left - 1));
    for (let len = 1; len <= maxLen; len++) {
      if (!wellFormed(s, at, at + len)) {
        // A leading zero (other than "0." of a decimal) never becomes valid by growing.
        if (s.charCodeAt(at) === 48 && len === 1) continue;
        if (s.charCodeAt(at) === 48 && s.charCodeAt(at + 1) !== 46) break;
        continue;
      }
      acc.push(s.slice(at, at + len));
      rec(at + len, left - 1);
      acc.pop();
    }
  };
  rec(0, n);
  return late ? null : out;
}

/**
 * Blank cells printed as nothing: none; between pieces kept whole (`whole`); or between pieces
 * cut or whole (`mixed`) — never inside a run: digits that touch stood in neighbouring cells.
 */
type Blanks = 'none' | 'whole' | 'mixed';

/** The readings that cut runs and leave blanks out together, for one row at most (past it, see below). */
const MAX_MIXED = 2000;

/**
 * Distributes `total` cells over the pieces, each piece taking at least one, with blanks as
 * `blanks` says. `full` is false when the splits were too many to list (or time ran out): then no
 * reading may be trusted.
 */
function gluedReadings(vals: ValuePiece[], total: number, budget: Budget, blanks: Blanks = 'none', limit = MAX_READINGS): { found: { parts: string[]; piece: number[] }[]; full: boolean } {
  const found: { parts: string[]; piece: number[] }[] = [];
  const memo = new Map<string, string[][]>();
  let full = true;
  let calls = 0;
  // The search's bounds: its own calls (for the mixed search) and the reading's budget.
  const spent = () => (blanks === 'mixed' && ++calls > MAX_MIXED * 40) || !budget.spend(STEP_COST.reading);
  const rec = (i: number, left: number, parts: string[], piece: number[], blanked = false) => {
    if (!full) return;
    if (found.length >= limit || spent()) { full = false; return; }
    if (i === vals.length) {
      if (left === 0 || blanks !== 'none') found.push({ parts: parts.concat(new Array<string>(left).fill('')), piece: piece.concat(new Array<number>(left).fill(i - 1)) });
      return;
    }
    if (blanks !== 'none' && !blanked) {
      // Blanks before this piece, as many at once as it takes.
      for (let b = 1; b <= left - (vals.length - i); b++) {
        rec(i, left - b, parts.concat(new Array<string>(b).fill('')), piece.concat(new Array<number>(b).fill(i)), true);
      }
    }
    const raw = vals[i].raw;
    const restMin = vals.length - i - 1;
    // The last piece takes every cell still open.
    const most = blanks === 'whole' ? 1 : left - restMin;
    for (let c = restMin === 0 && blanks === 'none' ? left : 1; c <= most; c++) {
      if (raw === '' && c > 1) break;
      const id = `${i}:${c}`;
      let options = memo.get(id);
      if (!options) {
        const got = raw === '' ? [['']] : cuts(raw, c, MAX_READINGS + 1, budget);
        if (!got || got.length > MAX_READINGS) { full = false; return; }
        options = got;
        memo.set(id, options);
      }
      for (const o of options) {
        if (blanks !== 'mixed' || o.length < 2) { rec(i + 1, left - c, parts.concat(o), piece.concat(o.map(() => i))); continue; }
        // An extractor that runs cells together runs them together across a blank printed as
        // nothing too (`2 010`: 0, a blank, 10): where blanks may be left out, also between the parts.
        const inner = (j: number, spare: number, acc: string[]) => {
          if (!full) return;
          if (spent()) { full = false; return; }
          if (j === o.length) { rec(i + 1, left - acc.length, parts.concat(acc), piece.concat(acc.map(() => i))); return; }
          for (let b = 0; b <= spare; b++) inner(j + 1, spare - b, [...acc, ...new Array<string>(b).fill(''), o[j]]);
        };
        inner(1, left - c - restMin, [o[0]]);
      }
    }
  };
  rec(0, total, [], []);
  return { found, full };
}

/** What a piece prints: its digits, or the text of a cell that cannot be read. */
/** A cell the row prints, though no figure: a blank as a mark (/ · — · 无), or text that is no figure (≥117). */
const marked = (v: ValuePiece) => v.bad !== undefined || (v.raw === '' && (v.ref.text ?? '').trim() !== '');

const printed = (v: ValuePiece) => (v.bad === undefined ? v.raw : v.ref.text);

/** `budget` bounds the listing of run-together splits. */
export function readingsOf(seg: Segment, pl: Placement, rows: RowSpec[], glued: boolean, budget = UNBOUNDED(), dropsBlanks = false): PlacedSegment {
  const specs = pl.rows.map((r) => rows[r]);
  const keys = specs.flatMap((r) => r.keys);
  const money = specs.flatMap((r) => r.money ?? r.keys.map(() => undefined));
  if (pl.short) {
    const got = seg.values.map((v) => v.raw || '空').join('、');
    return { keys, readings: [], exact: false, unread: `这一行读到 ${seg.values.length} 个数（${got}），应有 ${keys.length} 个，无法确定各属哪一列` };
  }
  const n = keys.length;
  // Cells a layout separates (a tab, a pipe, a table cell) are never split, even in a document
  // that runs cells together elsewhere: too few of them is a row not read, not digits to cut.
  const separated = seg.values.every((v) => v.cellular && !v.glued);
  if (glued && separated && seg.values.length < n) {
    const got = seg.values.map((v) => v.raw || '空').join('、');
    return { keys, readings: [], exact: false, unread: `这一行读到 ${seg.values.length} 格（${got}），应有 ${keys.length} 格，无法确定各属哪一列` };
  }
  // Exactly one separate figure per cell is read as separated cells (also in which order)
  // even in a document that runs cells together elsewhere.
  if (!glued || separated || (seg.values.length === n && seg.values.every((v) => !v.glued && v.raw !== ''))) {
    const all = seg.values;
    const excess = Math.max(0, all.length - n);
    const { lead, trail } = blankEnds(seg);
    // Blanks right after a label on its own row are that row's first cells; elsewhere leading
    // blanks may be an empty label cell.
    const ownRow = all[0].cellular && all[0].line === seg.labelLine;
    // A cell printing something (a figure, a mark: / · —, ≥117) is the row's; an empty one beside
    // the label may be the label's spare cell (a label spanning two columns in a Markdown dump).
    // Which one is spare is then a choice the rules must confirm.
    const spareBeside = ownRow && excess > 0 && excess <= lead && all.slice(n).some((v) => v.raw !== '' || marked(v)) && !all.slice(0, excess).some(marked);
    const from = spareBeside ? excess : ownRow ? 0 : Math.min(excess, lead);
    const vals = all.slice(from).slice(0, n);
    const dropped = [...all.slice(0, from), ...all.slice(from + n)];
    let exact = !spareBeside && all.length >= n && dropped.every((v) => v.raw === '' && !marked(v)) && (excess === 0 || ownRow || lead === 0 || trail === 0);
    const cut = new Set<string>();
    const makeFrom = (cells: ValuePiece[]): Reading => {
      const bad = new Map<string, string>();
      const values = cells.map((v, ki) => {
        if (v.bad === undefined) return toValue(v.raw, money[ki], v.unit);
        bad.set(keys[ki], v.bad);
        return null;
      });
      return { values, refs: cells.map((v) => v.ref), ...(bad.size ? { bad } : {}) };
    };
    const make = (order: number[]): Reading => {
      order.forEach((vi, ki) => { if (vals[vi].cut) cut.add(keys[ki]); });
      return makeFrom(order.map((vi) => vals[vi]));
    };
    const rowMajor = keys.map((_, i) => i);
    const readings = [make(rowMajor)];
    // Blanks at both ends of a row with more cells than the form (a mobile page's empty layout
    // cells, |||0||1|…||): which blanks were padding is unknown, so every shift that leaves out
    // only blanks is a reading, and the rules choose — or the cells that differ are flagged.
    if (!ownRow && excess > 0 && lead > 0 && trail > 0) {
      const seen = new Set([readings[0].values.join()]);
      for (let shift = Math.max(0, excess - trail); shift <= Math.min(excess, lead); shift++) {
        if (shift === from) continue;
        const r = makeFrom(all.slice(shift, shift + n));
        const sig = r.values.join();
        if (!seen.has(sig)) { seen.add(sig); readings.push(r); }
      }
      if (readings.length > 1) return { keys, readings, exact: false, cut: [...cut], trimmed: true };
    }
    if (specs.length === 1) return { keys, readings, exact, oneLine: vals.every((v) => v.line === seg.labelLine), loneEnd: loneEnd(vals), cut: [...cut], trimmed: dropped.length > 0 };
    const w = specs[0].keys.length;
    const perLine = new Map<number, number>();
    for (const v of vals) perLine.set(v.line, (perLine.get(v.line) ?? 0) + 1);
    const counts = [...perLine.values()];
    const onePerLine = counts.every((c) => c === 1);
    // A block of rows is certain only where each line holds exactly one row's cells.
    exact &&= excess === 0 && (onePerLine || (counts.length === specs.length && counts.every((c, i) => c === specs[i].keys.length)));
    if (onePerLine && specs.every((s) => s.keys.length === w)) {
      // One value per line over several rows: pdftotext walks a table row by row, extractors
      // such as pdfminer walk it column by column (a 总计 column may come out earlier).
      const k = specs.length;
      const orders: ('row' | 'col')[] = ['row'];
      const seen = new Set<string>([readings[0].values.join()]);
      const places = specs[0].lastIsTotal ? w : 1;
      for (let at = w - places; at < w; at++) {
        const order = [...Array(w - 1).keys()];
        order.splice(at, 0, w - 1);
        const r = make(keys.map((_, i) => order.indexOf(i % w) * k + Math.floor(i / w)));
        const sig = r.values.join();
        if (!seen.has(sig)) { seen.add(sig); readings.push(r); orders.push('col'); }
      }
      return { keys, readings, exact, orders, cut: [...cut] };
    }
    return { keys, readings, exact: exact && !onePerLine, cut: [...cut] };
  }
  // Figures set apart by spaces, fewer than the cells, in a document that sets most rows' figures
  // apart (see tables.ts spacesFigures): cut digits, or figures (whole or cut) with blank cells
  // the extractor printed as nothing between them (行政事业性收费 28 is 28 and a blank as likely as
  // 2 and 8; `11121513` beside a blank is 11 12 1 513 as likely as 1 1 1 21 513 without one).
  // A figure with a leading zero (`005`, `02`) is digits run together, never one figure.
  // (Past MAX_MIXED such readings, as before: runs cut, or figures whole beside blanks, and a cut
  // whose sum checks is then worth no more than a reading that leaves it open.)
  const mayDrop = dropsBlanks && seg.values.length < n;
  let { found, full } = gluedReadings(seg.values, n, budget, mayDrop ? 'mixed' : 'none', mayDrop ? MAX_MIXED : MAX_READINGS);
  const mixed = mayDrop && full;
  if (mayDrop && !full) {
    ({ found, full } = gluedReadings(seg.values, n, budget));
    const wholeOk = seg.values.every((v) => v.bad !== undefined || v.raw === '' || wellFormed(v.raw, 0, v.raw.length));
    if (full && wholeOk) {
      const whole = gluedReadings(seg.values, n, budget, 'whole');
      found.push(...whole.found);
      full = whole.full;
    }
  }
  if (!full) {
    return { keys, readings: [], exact: false, unread: `连写的数字“${seg.values.map(printed).join(' ').slice(0, 40)}…”可拆成的读法太多，无法在限定的计算量内逐一核对` };
  }
  const marks = seg.values.filter((v) => v.raw === '').length;
  const readings = found.map(({ parts, piece }): Reading => {
    let refs: SourceRef[] | undefined;
    return {
      values: parts.map((p, ki) => toValue(p, money[ki], seg.values[piece[ki]].unit)),
      leftOut: parts.filter((p) => p === '').length > marks,
      // Asked only of the reading the solver keeps, like refs.
      // Two cells cut from one run whose digits could also be one figure: `0013` read 0 0 1 3 may
      // be 0 0 13 beside a blank, though the run as a whole cannot be one figure.
      get splitWhole() {
        return piece.some((vi, ki) => ki > 0 && piece[ki - 1] === vi && parts[ki] !== '' && parts[ki - 1] !== ''
          && wellFormed(parts[ki - 1] + parts[ki], 0, parts[ki - 1].length + parts[ki].length));
      },
      // Made only for the reading the solver keeps: a run of digits can have thousands.
      get refs() { return (refs ??= parts.map((p, ki) => ({ ...seg.values[piece[ki]].ref, text: p }))); },
    };
  });
  if (readings.length === 0) {
    return { keys, readings, exact: false, unread: `连写的数字“${seg.values.map(printed).join(' ')}”无法拆成 ${n} 个数` };
  }
  // Every cell split from digits the file ends on: the cut may have taken digits from any of them.
  const cut = keys.filter((_, ki) => found.some(({ parts, piece }) => parts[ki] !== '' && seg.values[piece[ki]].cut));
  return { keys, readings, cut, exact: readings.length === 1, runsCut: !mayDrop || mixed, oneLine: pl.rows.length === 1 && seg.values.every((v) => v.line === seg.labelLine) };
}

