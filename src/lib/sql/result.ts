/**
 * A console result as plain rows, with every value exact: decimals keep their scale, 64-bit
 * integers stay exact as text when a double could not hold them, and null stays null.
 */
// Types only: a value import of apache-arrow here would grow the Arrow chunk the overview
// loads too (it is shared with the DuckDB connector), so Arrow type ids are read as numbers.
import type { DataType, Table } from 'apache-arrow';
import type { Cell } from '../data/columns';

export interface ResultColumn {
  name: string;
  /** Arrow type as text (Float64, Int32, Utf8, Decimal…), shown in the header. */
  type: string;
  numeric: boolean;
}

export interface ResultGrid {
  columns: ResultColumn[];
  rows: Cell[][];
}

/** Arrow's Type enum values of the types the console formats specially. */
const TYPE = { Int: 2, Float: 3, Decimal: 7, Date: 8, Timestamp: 10 } as const;
const typeId = (t: DataType) => (t as { typeId: number }).typeId;

/** A decimal arrives as little-endian 32-bit words of a two's-complement integer. */
function unscaled(v: unknown): bigint {
  const words = v as ArrayLike<number>;
  let big = 0n;
  for (let i = words.length - 1; i >= 0; i--) big = (big << 32n) | BigInt(words[i] >>> 0);
  const bits = BigInt(32 * words.length);
  return words.length && words[words.length - 1] >>> 31 ? big - (1n << bits) : big;
}

function decimalText(v: unknown, scale: number): string {
  const raw = typeof v === 'bigint' ? v : unscaled(v);
  const neg = raw < 0n;
  const digits = (neg ? -raw : raw).toString().padStart(scale + 1, '0');
  const int = digits.slice(0, digits.length - scale);
  const frac = scale ? `.${digits.slice(digits.length - scale)}` : '';
  return `${neg ? '-' : ''}${int}${frac}`;
}

function plainValue(v: unknown, type: DataType): Cell {
  if (v === null || v === undefined) return null;
  if (typeId(type) === TYPE.Decimal) {
    const scale = (type as unknown as { scale: number }).scale;
    const text = decimalText(v, scale);
    const trimmed = scale ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
    // Shown as a number only when the double spells it back identically; otherwise as text.
    return String(Number(trimmed)) === trimmed ? Number(trimmed) : text;
  }
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (typeId(type) === TYPE.Date || typeId(type) === TYPE.Timestamp) return new Date(Number(v)).toISOString().replace(/T00:00:00\.000Z$/, '');
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : v;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'object' && v !== null && 'toJSON' in v) return JSON.stringify((v as { toJSON(): unknown }).toJSON(), (_k, x) => (typeof x === 'bigint' ? x.toString() : x));
  return String(v);
}

function isNumeric(type: DataType): boolean {
  const id = typeId(type);
  return id === TYPE.Int || id === TYPE.Float || id === TYPE.Decimal;
}

export function toGrid(t: Table): ResultGrid {
  const fields = t.schema.fields;
  const vectors = fields.map((_f, i) => t.getChildAt(i));
  const rows: Cell[][] = [];
  for (let r = 0; r < t.numRows; r++) rows.push(fields.map((f, i) => plainValue(vectors[i]?.get(r), f.type)));
  return { columns: fields.map((f) => ({ name: f.name, type: String(f.type), numeric: isNumeric(f.type) })), rows };
}
