/**
 * Figures pdftotext's default mode printed out of their place at the end of 表三, just before the
 * label of its last row (四、结转下年度…):
 * - a few of 表四's figures, on lines of their own, so that 表三 has as many figures too many as
 *   表四 has too few. 表三 is then read without them (order.ts), wherever between its last two
 *   labels such lines stand; 表四 keeps its cells in doubt, since its rules cannot say where the
 *   lent figures go;
 * - the tail of one of the rows printed after the second-last label (`0 0 7`, three cells of a row
 *   whose first cells came earlier), among the last lines there. Each such line is tried at each
 *   line's start before it.
 * A reading stands only if every place tried that passes reads the table alike.
 */
import { lineText, type Line } from './document';
import { cellsOfWord, type Word } from './order-words';
import { CJK } from './naming';

/** Whether `words[i]` opens a line (it does not share the line of the word before). */
const opensLine = (words: readonly Word[], i: number) => i === 0 || words[i - 1].li !== words[i].li;

/** `words` lent by 表四, holding between `cells[0]` and `cells[1]` cells: the count 表四 lacks. */
export interface Lent { words: number; cells: readonly [number, number] }

/** The least and most cells `words` can hold. */
export function cellRange(words: readonly Word[]): [number, number] {
  return words.reduce<[number, number]>(([lo, hi], w) => { const [a, b] = cellsOfWord(w); return [lo + a, hi + b]; }, [0, 0]);
}

/**
 * 表三's words less each run of whole lines of figures that may be the lent ones: after the line of
 * the second-last row's label and before the last row's.
 */
export function* lentOut(words: readonly Word[], lines: readonly Line[], anchors: readonly number[], lent: Lent): Generator<Word[]> {
  if (anchors.length < 2) return;
  const after = anchors[anchors.length - 2];
  const before = anchors[anchors.length - 1];
  for (let i = 0; i + lent.words <= words.length; i++) {
    const end = i + lent.words;
    const taken = words.slice(i, end);
    if (taken[0].li <= after || taken[taken.length - 1].li >= before) continue;
    if (!opensLine(words, i) || (end < words.length && !opensLine(words, end))) continue;
    if (taken.some((w) => CJK.test(lineText(lines[w.li])))) continue;
    const [least, most] = cellRange(taken);
    if (most < lent.cells[0] || least > lent.cells[1]) continue;
    yield [...words.slice(0, i), ...words.slice(end)];
  }
}

/** No row's tail moved after the run was seen longer than this, nor further from the last label. */
const MAX_TAIL = 3;
const MAX_LINES_BACK = 8;

/**
 * 表三's words with one of the last short lines of figures before the last row's label moved back
 * to each line's start after the second-last row's label.
 */
export function* movedBack(words: readonly Word[], lines: readonly Line[], anchors: readonly number[]): Generator<Word[]> {
  if (anchors.length < 2) return;
  const after = anchors[anchors.length - 2];
  let end = words.findIndex((w) => w.li >= anchors[anchors.length - 1]);
  if (end < 0) end = words.length;
  for (let back = 0; back < MAX_LINES_BACK && end > 0; back++) {
    let start = end - 1;
    while (start > 0 && words[start - 1].li === words[end - 1].li) start--;
    if (words[start].li <= after) return;
    if (end - start <= MAX_TAIL && !CJK.test(lineText(lines[words[start].li]))) {
      const line = words.slice(start, end);
      const rest = [...words.slice(0, start), ...words.slice(end)];
      for (let i = start - 1; i >= 0 && rest[i].li > after; i--) {
        if (opensLine(rest, i)) yield [...rest.slice(0, i), ...line, ...rest.slice(i)];
      }
    }
    end = start;
  }
}
