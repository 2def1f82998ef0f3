/**
 * Figure columns a digit or two wide in a browser's print: a figure wraps a digit or two a line,
 * and where the cells are centred on their row's label (vertical-align: middle) its first lines
 * stand above the label's line and its last below it, among the pieces of the rows above and
 * below (2 / 8 / 行政强制 8 / 9 of 2889). No piece may pass for a whole figure, and no tail may
 * be joined to a row above it across that row's neighbour.
 */
import { describe, expect, it } from 'vitest';
import { usePrinter } from '../support/print-pdf';
import { makeReport } from '../support/synthetic';
import { reportPage } from '../support/html-page';
import { scoreExtracted } from '../support/score-extracted';

const printPdf = usePrinter('pdf-narrow');

async function print(seed: number, css: string) {
  const s = makeReport(seed, seed % 2 ? '2021' : '2019');
  const pdf = await printPdf(reportPage(s).replace('</head>', `<style>${css}</style></head>`), { background: true });
  return { s, r: await scoreExtracted(s, pdf, 'report.pdf') };
}

describe('figure columns a digit or two wide', () => {
  it.each([
    ['centred on the label', 'middle', 11],
    ['centred, two digits a line', 'middle', 17],
    ['at the top of the cell', 'top', 11],
  ])('cells %s: no figure read wrong', async (_, align, px) => {
    const css = `td+td{width:${px}px;max-width:${px}px;word-break:break-all;vertical-align:${align}}`;
    for (const seed of [7, 14, 21, 28, 35, 42]) {
      const { r } = await print(seed, css);
      expect(r.wrong, `seed ${seed}`).toEqual([]);
    }
  }, 240_000);
});
