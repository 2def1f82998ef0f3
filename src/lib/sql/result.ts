/**
 * A console result as plain rows, with every value exact: decimals keep their scale, 64-bit
 * integers stay exact as text when a double could not hold them, and null stays null.
 */
import { DataType, util, type Table } from 'apache-arrow';
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

function decimalText(v: unknown, scale: number): string {
  const raw = util.bigNumToBigInt(v as Parameters<typeof util.bigNumToBigInt>[0]);
  const neg = raw < 0n;
  const digits = (neg ? -raw : raw).toString().padStart(scale + 1, '0');
  const int = digits.slice(0, digits.length - scale);
  const frac = scale ? `.${digits.slice(digits.length - scale)}` : '';
  return `${neg ? '-' : ''}${int}${frac}`;
}

function plainValue(v: unknown, type: DataType): Cell {
  if (v === null || v === undefined) return null;
  if (DataType.isDecimal(type)) {
    const text = decimalText(v, type.scale);
    const trimmed = type.scale ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
    // Shown as a number only when the double spells it back identically; otherwise as text.
    return String(Number(trimmed)) === trimmed ? Number(trimmed) : text;
  }
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (DataType.isDate(type) || DataType.isTimestamp(type)) return new Date(Number(v)).toISOString().replace(/T00:00:00\.000Z$/, '');
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : v;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'object' && v !== null && 'toJSON' in v) return JSON.stringify((v as { toJSON(): unknown }).toJSON(), (_k, x) => (typeof x === 'bigint' ? x.toString() : x));
  return String(v);
}

function isNumeric(type: DataType): boolean {
  return DataType.isInt(type) || DataType.isFloat(type) || DataType.isDecimal(type);
}

export function toGrid(t: Table): ResultGrid {
  const fields = t.schema.fields;
  const vectors = fields.map((_f, i) => t.getChildAt(i));
  const rows: Cell[][] = [];
  for (let r = 0; r < t.numRows; r++) rows.push(fields.map((f, i) => plainValue(vectors[i]?.get(r), f.type)));
  return { columns: fields.map((f) => ({ name: f.name, type: String(f.type), numeric: isNumeric(f.type) })), rows };
}
