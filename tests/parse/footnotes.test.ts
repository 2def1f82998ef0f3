/**
 * Footnote marks beside figures (28①, 0¹, 1164注1: synthetic family f24 reads them whole). A mark
 * split from its number at a space (5注 3) leaves a figure with a word and a cell of its own: the
 * row has one figure too many and is flagged; the word never passes for the row's name.
 */
import { describe, expect, it } from 'vitest';
import { FAMILIES } from '../support/synthetic-families';
import { parsedText } from '../support/parse-text';
import { makeTruth, rng } from '../support/synthetic-figures';
import { SECTION, t3Form } from '../support/synthetic-forms';

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

describe('a figure with a mark or a word after it, in 表三', () => {
  const truth = makeTruth(rng(21), '2021', { year: 2023 });
  const head = ['申请人情况', '自然人\t法人或其他组织\t总计', '商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他'];
  /** 表三 as tab-separated cells, the first row's 自然人 cell printed `natural`. */
  const report = (natural: (v: number) => string) => ['某某局2023年度政府信息公开工作年度报告', SECTION.t3[0], ...head,
    ...t3Form('2021').map((r, i) => [r.labels[0], ...r.keys.map((k, j) => (i === 0 && j === 0 ? natural(truth.cells[k] as number) : String(truth.cells[k])))].join('\t')),
    ...SECTION.tail].join('\n');

  it.each(['⑴', '⁽¹⁾', '^1', '[^2]', '¹', '①', '宗', '件', '条', '次', '人'])('%s after the figure: the figure, whole', async (mark) => {
    const r = await parsedText(report((v) => `${v}${mark}`));
    expect(r.cells['apps.new.natural']).toBe(truth.cells['apps.new.natural']);
    expect(r.uncertain['apps.new.natural']).toBeUndefined();
  });

  it.each(['*', '〇', '余', '多'])('%s after the figure: flagged (a smudge, an OCR letter, an approximate count)', async (mark) => {
    const r = await parsedText(report((v) => `${v}${mark}`));
    expect(r.cells['apps.new.natural']).toBeNull();
    expect(r.uncertain['apps.new.natural']).toBeTruthy();
  });
});
