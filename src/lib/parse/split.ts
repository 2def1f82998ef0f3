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

export interface Reading {
  values: (number | null)[];
  refs: SourceRef[];
}

export interface PlacedSegment {
  keys: string[];
  readings: Reading[];
  /** Why no reading could be made (the cells stay null and are flagged). */
  unread?: string;
}

const MAX_READINGS = 20000;

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

/** Every way to cut `s` into exactly `n` well-formed numbers. */
function cuts(s: string, n: number, limit: number): string[][] {
  const out: string[][] = [];
  const acc: string[] = [];
  const rec = (at: number, left: number) => {
    if (out.length >= limit) return;
    if (left === 0) { if (at === s.length) out.push(acc.slice()); return; }
    const maxLen = s.length - at - (left - 1);
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
  return out;
}

/** Distributes `total` cells over the pieces, each piece taking at least one. */
function gluedReadings(vals: ValuePiece[], total: number): { parts: string[]; piece: number[] }[] {
  const results: { parts: string[]; piece: number[] }[] = [];
  const rec = (i: number, left: number, parts: string[], piece: number[]) => {
    if (results.length >= MAX_READINGS) return;
    if (i === vals.length) { if (left === 0) results.push({ parts: parts.slice(), piece: piece.slice() }); return; }
    const raw = vals[i].raw;
    const restMin = vals.length - i - 1;
    for (let c = 1; c <= left - restMin; c++) {
      if (raw === '' && c > 1) break;
      const options = raw === '' ? [['']] : cuts(raw, c, MAX_READINGS);
      for (const o of options) {
        rec(i + 1, left - c, parts.concat(o), piece.concat(o.map(() => i)));
      }
    }
  };
  rec(0, total, [], []);
  return results;
}

export function readingsOf(seg: Segment, pl: Placement, rows: RowSpec[], glued: boolean): PlacedSegment {
  const specs = pl.rows.map((r) => rows[r]);
  const keys = specs.flatMap((r) => r.keys);
  const money = specs.flatMap((r) => r.money ?? r.keys.map(() => undefined));
  if (pl.short) {
    const got = seg.values.map((v) => v.raw || '空').join('、');
    return { keys, readings: [], unread: `这一行读到 ${seg.values.length} 个数（${got}），应有 ${keys.length} 个，无法确定各属哪一列` };
  }
  const n = keys.length;
  if (!glued) {
    const excess = Math.max(0, seg.values.length - n);
    // Blanks right after a label on its own row are that row's first cells; elsewhere leading
    // blanks may be an empty label cell.
    const ownRow = seg.values[0].cellular && seg.values[0].line === seg.labelLine;
    const vals = seg.values.slice(ownRow ? 0 : Math.min(excess, blankEnds(seg).lead)).slice(0, n);
    const make = (order: number[]): Reading => ({
      values: order.map((vi, ki) => toValue(vals[vi].raw, money[ki], vals[vi].unit)),
      refs: order.map((vi) => vals[vi].ref),
    });
    const rowMajor = keys.map((_, i) => i);
    const readings = [make(rowMajor)];
    const w = specs[0].keys.length;
    const perLine = new Map<number, number>();
    for (const v of vals) perLine.set(v.line, (perLine.get(v.line) ?? 0) + 1);
    const onePerLine = [...perLine.values()].every((c) => c === 1);
    if (specs.length > 1 && onePerLine && specs.every((s) => s.keys.length === w)) {
      // One value per line over several rows: extractors that read a table column by column
      // (pdfminer) print the block transposed, left to right except that a 总计 column may
      // come out earlier.
      // Labels printed first and then one value per line only happen when the extractor
      // walked the table by columns, so the row-major reading is dropped.
      const k = specs.length;
      readings.length = 0;
      const seen = new Set<string>();
      const places = specs[0].lastIsTotal ? w : 1;
      for (let at = w - places; at < w; at++) {
        const order = [...Array(w - 1).keys()];
        order.splice(at, 0, w - 1);
        const r = make(keys.map((_, i) => order.indexOf(i % w) * k + Math.floor(i / w)));
        const sig = r.values.join();
        if (!seen.has(sig)) { seen.add(sig); readings.push(r); }
      }
    }
    return { keys, readings };
  }
  const found = gluedReadings(seg.values, n);
  const readings = found.map(({ parts, piece }) => ({
    values: parts.map((p, ki) => toValue(p, money[ki], seg.values[piece[ki]].unit)),
    refs: parts.map((p, ki) => ({ ...seg.values[piece[ki]].ref, text: p })),
  }));
  if (readings.length === 0) {
    return { keys, readings, unread: `连写的数字“${seg.values.map((v) => v.raw).join(' ')}”无法拆成 ${n} 个数` };
  }
  return { keys, readings };
}

