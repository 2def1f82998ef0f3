/** Quoting for SQL text built from values: the one place strings and names are escaped. */

/** A string literal: 'O''Brien'. */
export function quote(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** An identifier (a column or table name): "a""b". */
export function quoteIdent(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}
