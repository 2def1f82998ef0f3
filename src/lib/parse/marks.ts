/**
 * Blanks printed as marks (`—`, `/`) in text that keeps no column positions (pdftotext's default
 * mode): a mark is a cell with nothing in it (null, never 0). The ASCII hyphen is not one: it is
 * a minus sign and the dashes of a page footer (`- 3 -`).
 */

/** One mark, one cell: a dash or two (`—`, `——`), or a slash. */
export const BLANK_MARK = /^(?:[—–－]{1,2}|[/／])$/;

/** A word of figures and marks run together (`—0`, `0——`, `/1`): digits and marks only. */
export const FIGURES_AND_MARKS = /^[0-9—–－/／]+$/;

/** A run of dashes longer than this is a rule drawn in text, not blanks (a row holds 7 cells at most, `——` each). */
const MAX_MARK_RUN = 14;

/** A word split into its runs of digits and of marks (`—0—` → `—`, `0`, `—`). */
export function runsOf(word: string): string[] {
  return word.match(/[0-9]+|[—–－]+|[/／]+/g) ?? [];
}

/**
 * The ways a run of marks splits into blank cells, or none for a run too long to be blanks. A
 * slash is one blank; dashes may be one blank each or two (`——` is one blank or two, run
 * together): which, only the count of the form and its rules can say.
 */
export function markSplits(run: string): null[][] {
  if (run.length > MAX_MARK_RUN) return [];
  if (/^[/／]+$/.test(run)) return [new Array<null>(run.length).fill(null)];
  const out: null[][] = [];
  for (let c = Math.ceil(run.length / 2); c <= run.length; c++) out.push(new Array<null>(c).fill(null));
  return out;
}
