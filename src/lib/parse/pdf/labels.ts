/**
 * Row labels of table rows. A long label wraps onto two or three lines inside its cell and
 * the numbers sit vertically centred, so they share a line with one label line or with none.
 * Here each numeric row takes back the label lines of its own cell: the nearest label-column
 * lines above and below, in the same column, closer to it than to the neighbouring row.
 * A line that starts with an item marker (（二）, 5., 三、) begins a label; one without continues
 * the label above it. Outer labels (a group name in its own column, such as （三）不予公开,
 * that happens to share a line with a sub-row) are moved to a line of their own.
 */
import { T2_ROWS } from '../../format/table2';
import { LEADING_ITEM } from '../naming';
import type { Cell } from './rows';
import type { Entry } from './tables';

const MARKER_ONLY = /^(?:[（(]?[一二三四五六七八九十\d]+[）)、.．]?)$/;
/** Label lines of one cell lie at most this many font sizes apart (middle to middle). */
const WRAP = 2.4;

export interface OutRow {
  page: number;
  texts: string[];
  /** Why the row's figures (texts from `from` on) cannot be placed. */
  doubt?: { why: string; from: number };
  /** Why a text (by index) cannot be trusted as printed (see Piece.doubt). */
  doubts?: Record<number, string>;
}

/** A numeric row's label cells as one text. */
export const labelText = (e: Entry): string => e.label.map((c) => c.text).join('');

export function startsItem(text: string): boolean {
  return LEADING_ITEM.test(text);
}

/** 表二's rows carry no item marker: a line that is one of their names whole is a row of its own. */
const T2_NAMES = new Set(Object.values(T2_ROWS).flatMap((rows) => rows.flatMap((r) => [r.label, ...r.aliases])));
/** 表二's headings (第二十条第（五）项, 信息内容 …) are never the rest of a row's label either. */
const T2_HEADING = /^第二十条第|^信息内容/;

/** A label line that begins a row: an item marker, or a 表二 row's name or heading. */
export function beginsRow(text: string): boolean {
  if (startsItem(text)) return true;
  const bare = text.replace(/\s+/g, '');
  return T2_NAMES.has(bare) || T2_HEADING.test(bare);
}

function joinText(parts: string[]): string {
  // Wrapped Chinese joins without a space; keep one between Latin letters or digits.
  return parts.reduce((s, p) => (s && /[A-Za-z0-9]$/.test(s) && /^[A-Za-z0-9]/.test(p) ? `${s} ${p}` : s + p), '');
}

export function assemble(entries: Entry[]): OutRow[] {
  const taken = new Set<Entry>();
  const labels = new Map<Entry, string>();
  const before = new Map<Entry, string[]>();

  entries.forEach((e, i) => {
    if (e.kind !== 'num' || !e.block || e.absorbed) return;
    const block = e.block;
    let label = [...e.label];
    // A bare item number set apart from its text ("1." … "属于国家秘密") belongs to it.
    while (label.length >= 2 && MARKER_ONLY.test(label[label.length - 2].text)) {
      const [a, b] = label.splice(label.length - 2, 2);
      label.push({ ...b, text: a.text + b.text, x: a.x });
    }
    if (label.length >= 2) before.set(e, label.slice(0, -1).map((c) => c.text));
    const own: Cell | undefined = label[label.length - 1];
    const inLabelArea = (c: Entry) =>
      c.kind !== 'num' && !taken.has(c) && c.row.page === e.row.page &&
      c.row.cells.every((x) => x.x2 < block.left - 0.2 * x.size);
    let col = own?.x;
    const sameCol = (c: Entry) => {
      const x = c.row.cells[0].x;
      return col === undefined || (x >= col - 0.5 * c.row.size && x <= col + 2.5 * c.row.size);
    };
    const nearestNum = (dir: -1 | 1, from: number) => {
      for (let k = from; k >= 0 && k < entries.length; k += dir) if (entries[k].kind === 'num' && !entries[k].absorbed) return entries[k];
      return undefined;
    };

    const up: string[] = [];
    if (!own || !beginsRow(own.text)) {
      let ref = e.row.mid;
      for (let j = i - 1; j >= 0; j--) {
        const c = entries[j];
        if (c.kind === 'vertical') continue;
        if (!inLabelArea(c) || c.row.mid - ref > WRAP * c.row.size) break;
        if (!sameCol(c)) continue; // an outer column's text (a group name): look past it
        const text = c.row.cells.map((x) => x.text).join('');
        const other = nearestNum(-1, j - 1);
        const starts = beginsRow(text);
        if (!starts && other && other.row.page === c.row.page &&
          other.row.mid - c.row.mid < c.row.mid - e.row.mid) break;
        col ??= c.row.cells[0].x;
        up.unshift(text);
        taken.add(c);
        ref = c.row.mid;
        if (starts) break;
      }
    }
    const down: string[] = [];
    let ref = e.row.mid;
    for (let j = i + 1; j < entries.length; j++) {
      const c = entries[j];
      if (c.kind === 'vertical') continue;
      if (!inLabelArea(c) || ref - c.row.mid > WRAP * c.row.size) break;
      if (!sameCol(c)) continue;
      const text = c.row.cells.map((x) => x.text).join('');
      if (beginsRow(text)) break;
      const other = nearestNum(1, j + 1);
      if (other && other.row.page === c.row.page && c.row.mid - other.row.mid < e.row.mid - c.row.mid) break;
      col ??= c.row.cells[0].x;
      down.push(text);
      taken.add(c);
      ref = c.row.mid;
    }
    const parts = [...up, ...(own ? [own.text] : []), ...down];
    if (parts.length) labels.set(e, joinText(parts));
  });

  const out: OutRow[] = [];
  for (const e of entries) {
    if (taken.has(e) || e.absorbed) continue;
    const page = e.row.page;
    if (e.kind !== 'num') {
      // (A line of text in doubt, tables.ts's figures set too close to part: its figures.)
      const from = e.doubt ? Math.max(0, e.row.cells.findIndex((c) => /\d/.test(c.text))) : 0;
      out.push({ page, texts: e.row.cells.map((c) => c.text), ...(e.doubt ? { doubt: { why: e.doubt, from } } : {}), ...doubtsOf(e.row.cells, 0) });
      continue;
    }
    for (const t of before.get(e) ?? []) out.push({ page, texts: [t] });
    const label = labels.get(e) ?? (e.label.length ? joinText(e.label.map((c) => c.text)) : undefined);
    const values = e.values.map((c) => (c ? c.text : ''));
    const texts = label !== undefined ? [label, ...values] : values;
    const from = texts.length - values.length;
    out.push({ page, texts, ...(e.doubt ? { doubt: { why: e.doubt, from } } : {}), ...doubtsOf(e.values, from) });
  }
  return out;
}

/** The doubts of cells that become texts from index `from` on. */
function doubtsOf(cells: readonly (Cell | null)[], from: number): { doubts?: Record<number, string> } {
  const doubts = Object.fromEntries(cells.flatMap((c, i) => (c?.doubt ? [[from + i, c.doubt]] : [])));
  return Object.keys(doubts).length ? { doubts } : {};
}
