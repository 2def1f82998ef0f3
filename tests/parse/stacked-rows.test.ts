/**
 * Two rows of 表三 printed stacked, as `pdftotext -layout` dumps a print whose rows overlap: both
 * labels first, then the rows' figures in turn, one a line, column by column, the last two columns
 * side by side. Read row by row, the run puts figures of one row in the other, and a swap within a
 * column keeps that column's sum: the reading breaks a rule, so no cell of the run may stand.
 */
import { describe, expect, it } from 'vitest';
import { makeTruth, rng } from '../support/synthetic-figures';
import { APPLICANT_COLS, APPLICANT_HEAD, SECTION, T4_HEAD_CELLS, REVIEW_KEYS, t3Form } from '../support/synthetic-forms';
import { parsedText } from '../support/parse-text';

const A = 'unavailable_unclear';
const B = 'rejected_petition';
const BEFORE = 'unavailable_needs_creation';
// Chosen so that read row by row, row B's own sum holds (1+0+0+0+2+0 = 3) while A's breaks.
const FIG_A = [2, 0, 0, 0, 0, 0, 2];
const FIG_B = [1, 1, 0, 1, 0, 0, 3];

/** A consistent truth with rows A and B as above (their old figures moved to 总计 and 本年新收). */
function truth(seed: number): Record<string, number | null> {
  const cells = { ...makeTruth(rng(seed), '2021', { year: 2023 }).cells };
  APPLICANT_COLS.forEach((c, j) => {
    const delta = FIG_A[j] + FIG_B[j] - (cells[`apps.${A}.${c}`] as number) - (cells[`apps.${B}.${c}`] as number);
    cells[`apps.${A}.${c}`] = FIG_A[j];
    cells[`apps.${B}.${c}`] = FIG_B[j];
    for (const row of ['total', 'new']) cells[`apps.${row}.${c}`] = (cells[`apps.${row}.${c}`] as number) + delta;
  });
  return cells;
}

const pad = (s: string, n: number) => s + ' '.repeat(Math.max(2, n - s.length));

function dump(cells: Record<string, number | null>): string {
  const lines: string[] = [];
  for (const r of t3Form('2021')) {
    if (r.heading) lines.push(r.heading);
    let figs = r.keys.map((k) => String(cells[k]));
    const figures = figs.map((f) => pad(f, 3)).join('');
    const row = pad(`      ${r.labels[0]}`, 34) + figures;
    if (r.keys[0] === `apps.${A}.natural`) continue;
    // The row above A: A's label (its number lost to the overlap) wraps under it, before its figures.
    if (r.keys[0] === `apps.${BEFORE}.natural`) { lines.push(`      ${r.labels[0]}`, '               补正后申请内容仍不明确', ' '.repeat(34) + figures); continue; }
    if (r.keys[0] !== `apps.${B}.natural`) { lines.push(row); continue; }
    const a = t3Form('2021').find((x) => x.keys[0] === `apps.${A}.natural`)!;
    lines.push(`办理结果        ${r.labels[0]}`);
    const fb = figs;
    figs = a.keys.map((k) => String(cells[k]));
    for (let j = 0; j < 5; j++) lines.push(' '.repeat(34 + 3 * j) + figs[j], ' '.repeat(34 + 3 * j) + fb[j]);
    lines.push(' '.repeat(49) + `${figs[5]}  ${figs[6]}`, ' '.repeat(49) + `${fb[5]}  ${fb[6]}`);
  }
  return ['某某县人民政府2023年度政府信息公开工作年度报告', SECTION.t3[0], APPLICANT_HEAD.join('  '), ...lines,
    SECTION.t4[0], T4_HEAD_CELLS.join('  '), REVIEW_KEYS.map((k) => cells[k]).join('  '), ...SECTION.tail].join('\n');
}

const parse = parsedText;

describe('two rows of 表三 printed stacked (pdftotext -layout)', () => {
  for (const seed of [3, 8, 21]) {
    it(`seed ${seed}: no cell of the stacked run is wrong without a flag; rows printed whole stay exact`, async () => {
      const cells = truth(seed);
      const r = await parse(dump(cells));
      for (const c of APPLICANT_COLS) {
        for (const row of [A, B]) {
          const k = `apps.${row}.${c}`;
          if (!(k in r.uncertain)) expect(r.cells[k], k).toBe(cells[k]);
        }
      }
      // Row B's figures that a row-by-row walk reads wrong are flagged, not kept.
      for (const c of ['commercial', 'nonprofit']) expect(r.uncertain[`apps.${B}.${c}`], c).toBeTruthy();
      expect(r.cells['apps.granted.natural']).toBe(cells['apps.granted.natural']);
      expect(r.uncertain['apps.granted.natural']).toBeUndefined();
    });
  }
});
