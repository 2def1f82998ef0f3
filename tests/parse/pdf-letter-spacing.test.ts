/**
 * Text set with letter spacing, and figures wrapped over two lines beside a label centred
 * between them. pdf.js writes a letter-spacing gap as a space, in words and figures alike, so
 * `4 4 9` may be one figure or three narrow cells; a label centred on a two-line figure takes
 * the figure's second half onto its line. Neither may give a figure that looks whole and is not.
 */
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/lib/parse';
import { readPdf } from '../../src/lib/parse/pdf';
import { isFailure, type ParsedReport } from '../../src/lib/format';
import { cjkTextPdf } from '../fixtures/pdf/make-fixtures';
import { SECTION } from '../support/synthetic-forms';
import { usePrinter } from '../support/print-pdf';
import { makeReport } from '../support/synthetic';
import { reportPage } from '../support/html-page';
import { scoreExtracted } from '../support/score-extracted';

type Item = [text: string, x: number, y: number, size: number];
const TITLE = '某某街道办事处2022年政府信息公开工作年度报告';

async function parse(items: Item[]): Promise<ParsedReport> {
  const r = await parseFile('r.pdf', new Uint8Array(cjkTextPdf(items)));
  if (isFailure(r)) throw new Error(r.error.message);
  return r;
}

/** Every character drawn on its own, `gap` points after the one before (PyMuPDF writing a character at a time). */
const spaced = (gap: number, size: number) => (t: string, x: number, y: number): Item[] =>
  [...t].map((c, i): Item => [c, x + i * (size + gap), y, size]);

/** 表二's items (五) and (六) of 2021, every word and figure letter-spaced. */
function spacedT2(gap: number): Item[] {
  const s = 9;
  const w = spaced(gap, s);
  const head = (y: number) => [...w('信息内容', 40, y), ...w('本年处理决定数量', 200, y)];
  return [
    ...w(TITLE, 40, 790), ...w('本报告根据《条例》要求编制，数据统计期限为全年。', 40, 760),
    ...w(SECTION.t2[0], 40, 730),
    ...w('第二十条第（五）项', 150, 700), ...head(686),
    ...w('行政许可', 40, 672), ...w('1351', 230, 672),
    ...w('第二十条第（六）项', 150, 652), ...head(638),
    ...w('行政处罚', 40, 624), ...w('449', 230, 624),
    ...w('行政强制', 40, 610), ...w('22204', 230, 610),
    ...w(SECTION.tail[0], 40, 560),
  ];
}

describe('letter-spaced text', () => {
  it.each([1.5, 3, 5])('a page drawn a character at a time, %s pt apart: a figure\'s digits are one cell, never one figure each', async (gap) => {
    const doc = await readPdf(new Uint8Array(cjkTextPdf(spacedT2(gap))));
    const row = (label: string) => doc.lines.find((l) => l.tokens[0]?.text === label)?.tokens.map((t) => t.text);
    expect(row('行政处罚')).toEqual(['行政处罚', '4 4 9']);
    expect(row('行政强制')).toEqual(['行政强制', '2 2 2 0 4']);
    const r = await parse(spacedT2(gap));
    const truth: Record<string, number> = { 't2.licensing.decisions': 1351, 't2.punishment.decisions': 449, 't2.coercion.decisions': 22204 };
    for (const [k, v] of Object.entries(truth)) {
      if (r.uncertain[k]) expect(r.cells[k], k).toBeNull();
      else expect(r.cells[k], k).toBe(v);
    }
  });

  const printPdf = usePrinter('pdf-letter-spacing');
  it.each(['0.3em', '0.6em', '1em'])('a browser\'s print with letter-spacing %s: no cell read wrong, no table taken for left out', async (ls) => {
    for (const seed of [3, 6]) {
      const s = makeReport(seed, seed % 2 ? '2021' : '2019');
      const pdf = await printPdf(reportPage(s).replace('</head>', `<style>body,td,th{letter-spacing:${ls}}</style></head>`));
      const r = await scoreExtracted(s, pdf, 'report.pdf');
      expect(r.wrong, `seed ${seed}`).toEqual([]);
    }
  }, 120_000);
});

describe('a label centred on a figure printed over two lines', () => {
  it('neither half of 4360 (43 over 政府集中采购 60) is read as the figure', async () => {
    const s = 9;
    // (表二's 政府集中采购 counts items only in the 2019 form.)
    const r = await parse([
      [TITLE.replace('2022', '2019'), 40, 790, 12], ['本报告根据《条例》要求编制。', 36, 760, 12], [SECTION.t2[0], 36, 730, 12],
      ['第二十条第（九）项', 150, 700, s],
      ['信息内容', 40, 686, s], ['采购项目数量', 200, 686, s], ['采购总金额', 300, 686, s],
      // The label's middle halfway between the figures' two lines, 13.5 pt apart.
      ['43', 220, 666.75, s], ['35145.', 300, 666.75, s],
      ['政府集中采购', 40, 660, s],
      ['60', 220, 653.25, s], ['86', 318, 653.25, s],
      [SECTION.tail[0], 36, 600, 12],
    ]);
    for (const k of ['t2.procurement.items', 't2.procurement.amount_yuan']) {
      expect(r.cells[k], k).toBeNull();
      expect(r.uncertain[k], k).toMatch(/分印在上下几行/);
    }
  });
});
