/**
 * A Markdown dump of a page whose label spans two columns and leaves a third empty: a row prints
 * one cell more than the form has. Which one is the spare is told by what it prints — an empty
 * cell beside the label is the label's; a blank printed as a mark (/ · —) or a figure with a word
 * (≥117, 近91) is a cell of the row. Read the other way the row shifts one column, silently.
 */
import { describe, expect, it } from 'vitest';
import { makeTruth, rng } from '../support/synthetic-figures';
import { APPLICANT_HEAD, REVIEW_KEYS, SECTION, T4_HEAD_CELLS, t3Form } from '../support/synthetic-forms';
import { markdownT2, parsedText, pipe } from '../support/parse-text';


/** 表三's rows each with an empty third label column; `total` prints each row's 总计. */
function markdown(cells: Record<string, number | null>, total: (k: string, v: number | null) => string): string {
  const t2 = markdownT2(cells);
  const t3 = t3Form('2021').map((r) => pipe([r.heading ?? '', r.labels[0], '', ...r.keys.map((k) => (k.endsWith('.total') ? total(k, cells[k]) : cells[k]))]));
  return ['# 某某局2023年度政府信息公开工作年度报告', '一、总体情况', SECTION.t2[0], ...t2,
    SECTION.t3[0], pipe(['', '', '', ...APPLICANT_HEAD.slice(1)]), ...t3,
    SECTION.t4[0], pipe(T4_HEAD_CELLS), pipe(REVIEW_KEYS.map((k) => cells[k])), ...SECTION.tail].join('\n');
}

const parse = (text: string) => parsedText(text, 'x.md');

describe('a row printing one cell more than the form, the spare one empty beside its label', () => {
  const t = makeTruth(rng(33), '2021', { year: 2023 });
  const row = 'apps.granted';

  it('as printed, every cell is read exactly (the control)', async () => {
    const r = await parse(markdown(t.cells, (_k, v) => String(v)));
    for (const [k, v] of Object.entries(t.cells)) expect(r.cells[k], k).toBe(v);
  });

  it.each([['/'], ['—'], ['≥%'], ['约%']])('a 总计 printed %s is a cell of the row: the row does not shift', async (mark) => {
    const printed = (k: string, v: number | null) => (k === `${row}.total` ? mark.replace('%', String(v)) : String(v));
    const r = await parse(markdown(t.cells, printed));
    // Never shifted. (With its 总计 not a figure the row's own sum checks nothing: its cells may be flagged.)
    for (const c of ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org']) {
      const k = `${row}.${c}`;
      if (!(k in r.uncertain)) expect(r.cells[k], c).toBe(t.cells[k]);
    }
    // Other rows stand, but for the 总计 column, whose sum the row's 总计 leaves open.
    expect(Object.keys(r.uncertain).filter((k) => !k.startsWith(`${row}.`) && !k.startsWith('apps.other.') && !k.endsWith('.total'))).toEqual([]);
    expect(r.cells[`${row}.total`]).toBeNull();
    if (mark.includes('%')) expect(r.uncertain[`${row}.total`]).toMatch(/不是一个确切的数/);
  });
});
