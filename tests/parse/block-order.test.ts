/**
 * Figures printed one per line (pdfminer, pdftotext's default mode): 表二 has no rules to tell
 * a row-by-row walk from a column-by-column one, and an extractor may walk its wide cells
 * another way than 表三's narrow ones. The 表二 figures below are written by hand.
 */
import { describe, expect, it } from 'vitest';
import { makeTruth, rng } from '../support/synthetic-figures';
import { APPLICANT_HEAD, SECTION, t3Form } from '../support/synthetic-forms';
import { parsedText } from '../support/parse-text';

const T2_HEAD = ['第二十条第（一）项', '信息内容', '本年制发件数', '本年废止件数', '现行有效件数', '规章', '行政规范性文件'];
const T2_REST = ['第二十条第（五）项', '信息内容', '本年处理决定数量', '行政许可', '5', '第二十条第（六）项', '信息内容', '本年处理决定数量',
  '行政处罚', '行政强制', '7', '0', '第二十条第（八）项', '信息内容', '本年收费金额（单位：万元）', '行政事业性收费', '0'];
const t3 = makeTruth(rng(11), '2021', { year: 2023 }).cells;

/** A 2021 report: 表二's first block as `t2` (one figure per line), 表三 walked by row or by column. */
function report(t2: number[], t3ByColumn: boolean): string {
  const rows = t3Form('2021');
  const grid = rows.map((r) => r.keys.map((k) => String(t3[k])));
  const figures = t3ByColumn ? grid[0].flatMap((_, j) => grid.map((cells) => cells[j])) : grid.flat();
  return ['某某县人民政府2023年度政府信息公开工作年度报告', '一、总体情况', SECTION.t2[0], ...T2_HEAD, ...t2.map(String), ...T2_REST,
    SECTION.t3[0], ...APPLICANT_HEAD, ...rows.flatMap((r) => (r.heading ? [r.heading, r.labels[0]] : [r.labels[0]])),
    ...figures, ...SECTION.tail].join('\n');
}

const parse = parsedText;

const KEYS = ['t2.rules.issued', 't2.rules.repealed', 't2.rules.in_force', 't2.normative.issued', 't2.normative.repealed', 't2.normative.in_force'];

describe('表二 printed one figure per line', () => {
  it('both walks possible: the cells they read differently are flagged, the cells they read alike stand', async () => {
    // By column: 规章 0 / 0 / 2, 规范性文件 3 / 1 / 40. By row the same figures read 0 / 3 / 0 and 1 / 2 / 40.
    for (const t3ByColumn of [false, true]) {
      const r = await parse(report([0, 3, 0, 1, 2, 40], t3ByColumn));
      expect(r.cells['t2.rules.issued']).toBe(0);
      expect(r.cells['t2.normative.in_force']).toBe(40);
      for (const k of ['t2.rules.repealed', 't2.rules.in_force', 't2.normative.issued', 't2.normative.repealed']) {
        expect(r.cells[k], k).toBeNull();
        expect(r.uncertain[k], k).toMatch(/逐行还是逐列/);
      }
      expect(r.cells['apps.granted.natural']).toBe(t3['apps.granted.natural']);
    }
  });

  it('the walk 表三 confirmed stands when the other walk prints fewer in force than issued', async () => {
    // By column: 规章 1 / 0 / 11, 规范性文件 8 / 26 / 66; by row 规章 would read 1 issued, 0 in force.
    const r = await parse(report([1, 8, 0, 26, 11, 66], true));
    expect(KEYS.map((k) => r.cells[k])).toEqual([1, 0, 11, 8, 26, 66]);
    expect(KEYS.filter((k) => r.uncertain[k])).toEqual([]);
  });

  it('a walk borrowed from 表三 that would print fewer in force than issued is not taken', async () => {
    const r = await parse(report([1, 8, 0, 26, 11, 66], false));
    expect(r.cells['t2.rules.in_force']).toBeNull();
    expect(r.uncertain['t2.rules.in_force']).toMatch(/逐行还是逐列/);
    expect(r.cells['t2.rules.issued']).toBe(1);
  });
});
