/**
 * Text a spreadsheet would run as a formula, made inert. Imported reports carry names the
 * user typed, and the SQL console exports whatever a query returns, so a cell could start
 * with "=HYPERLINK(…)". Excel and LibreOffice skip leading blanks before a formula sign and
 * accept the full-width signs an IME types (＝＋－＠), so those count as formula starts too.
 * CSV and XLSX both call this, so the two exports cannot drift apart.
 */

/** Leading blanks (incl. the ideographic space and zero-width ones), then a formula sign; or a tab/CR first. */
const FORMULA_START = /^(?:[\s\u200b-\u200d\u2060\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20\ufe62\ufe63\ufe66\ufe6b]|[\t\r])/;

export function formulaLike(text: string): boolean {
  return FORMULA_START.test(text);
}

/** The text led by an apostrophe when a spreadsheet would read it as a formula; otherwise unchanged. */
export function inert(text: string): string {
  return formulaLike(text) ? `'${text}` : text;
}
