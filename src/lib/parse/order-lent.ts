/**
 * 表四's figures printed inside 表三. pdftotext's default mode was seen to print a few figures of
 * 表四's last row on lines of their own just before the label of 表三's last row (四、结转下年度…),
 * so that 表三 has as many figures too many as 表四 has too few. 表三 is then read without them
 * (order.ts), wherever between its last two labels such lines stand; 表四 keeps its cells in doubt,
 * since its rules cannot say where the lent figures go.
 */
import { lineText, type Line } from './document';
import { CJK, type Word } from './order-words';

/** `words` lent by 表四, holding between `cells[0]` and `cells[1]` cells: the count 表四 lacks. */
export interface Lent { words: number; cells: readonly [number, number] }

const cellsOf = (ws: readonly Word[], pick: (n: number[]) => number) => ws.reduce((s, w) => s + pick(w.splits.map((x) => x.length)), 0);

/** The least and most cells `words` can hold. */
export function cellRange(words: readonly Word[]): [number, number] {
  return [cellsOf(words, (n) => Math.min(...n)), cellsOf(words, (n) => Math.max(...n))];
}

/**
 * 表三's words less each run of whole lines of figures that may be the lent ones: after the line of
 * the second-last row's label and before the last row's.
 */
export function* lentOut(words: readonly Word[], lines: readonly Line[], anchors: readonly number[], lent: Lent): Generator<Word[]> {
  if (anchors.length < 2) return;
  const after = anchors[anchors.length - 2];
  const before = anchors[anchors.length - 1];
  const opens = (i: number) => i === 0 || words[i - 1].li !== words[i].li;
  for (let i = 0; i + lent.words <= words.length; i++) {
    const end = i + lent.words;
    const taken = words.slice(i, end);
    if (taken[0].li <= after || taken[taken.length - 1].li >= before) continue;
    if (!opens(i) || (end < words.length && !opens(end))) continue;
    if (taken.some((w) => CJK.test(lineText(lines[w.li])))) continue;
    const [least, most] = cellRange(taken);
    if (most < lent.cells[0] || least > lent.cells[1]) continue;
    yield [...words.slice(0, i), ...words.slice(end)];
  }
}
