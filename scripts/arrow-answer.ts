/**
 * A DuckDB (Node) answer as an Arrow table with the types DuckDB-WASM gives the page for the
 * same SQL: 32-bit and smaller integers stay Int32, 64-bit ones and decimals become doubles
 * (the page's connection casts BIGINT to DOUBLE), text is Utf8, lists keep their element type.
 * Typing from DuckDB's column types, not from the values, keeps an all-null or empty column typed.
 */
import type { DuckDBConnection, DuckDBType } from '@duckdb/node-api';
import { Bool, Field, Float64, Int32, List, Table, Utf8, vectorFromArray, type DataType } from 'apache-arrow';

function arrowType(t: DuckDBType): DataType {
  switch (t.typeId) {
    case 1: return new Bool(); // BOOLEAN
    case 2: case 3: case 4: case 6: case 7: return new Int32(); // TINYINT…INTEGER, UTINYINT, USMALLINT
    case 17: return new Utf8(); // VARCHAR
    case 24: return new List(new Field('item', arrowType((t as unknown as { valueType: DuckDBType }).valueType), true)); // LIST
    default: return new Float64(); // BIGINT, UINTEGER, HUGEINT, FLOAT, DOUBLE, DECIMAL
  }
}

function plain(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(plain);
  if (v !== null && typeof v === 'object' && 'items' in v) return (v as { items: unknown[] }).items.map(plain);
  if (v !== null && typeof v === 'object') return Number(String(v));
  return v;
}

export async function arrowAnswer(conn: DuckDBConnection, sql: string): Promise<Table> {
  const reader = await conn.runAndReadAll(sql);
  const names = reader.columnNames();
  const types = reader.columnTypes();
  const cols = reader.getColumnsObjectJS() as Record<string, unknown[] | undefined>;
  const vectors = Object.fromEntries(names.map((n, i) => {
    const type = arrowType(types[i]);
    const values = (cols[n] ?? []).map(plain);
    return [n, vectorFromArray(values, type)];
  }));
  return new Table(vectors);
}
