/**
 * Footnote marks beside figures (28①, 0¹, 1164注1: synthetic family f24 reads them whole). A mark
 * split from its number at a space (5注 3) leaves a figure with a word and a cell of its own: the
 * row has one figure too many and is flagged; the word never passes for the row's name.
 */
import { describe, expect, it } from 'vitest';
import { FAMILIES } from '../support/synthetic-families';
import { parsedText } from '../support/parse-text';

const f24 = FAMILIES.find((f) => f.id === 'f24')!;

describe('footnote marks', () => {
  it.each([1045, 1128, 2001, 2002])('seed %i: 表四 opening on `5注 3` is flagged, not read one cell off', async (seed) => {
    const d = f24.make(seed);
    const lines = d.text.split('\n');
    const head = lines.findIndex((l) => l.startsWith('结果维持\t'));
    // The row's other marks taken off: only the split one is left to read.
    const cells = lines[head + 1].split('\t').map((c) => /^\d+/.exec(c)?.[0] ?? c);
    const upheld = cells[0].replace(/\D.*$/, '');
    cells[0] = `${upheld}注 3`;
    lines[head + 1] = cells.join('\t');
    const r = await parsedText(lines.join('\n'));
    expect(Number(upheld)).toBe(d.truth.cells['review.upheld']);
    for (const k of ['review.upheld', 'review.corrected', 'review.total']) {
      if (!(k in r.uncertain)) expect(r.cells[k], k).toBe(d.truth.cells[k]);
    }
    expect('review.upheld' in r.uncertain).toBe(true);
  });
});
