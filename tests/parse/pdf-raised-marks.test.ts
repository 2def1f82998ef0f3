/**
 * A footnote's mark printed as a superscript after a figure (`2111<sup>注1</sup>`, as a page's
 * table prints it to PDF): a smaller, raised item where the figure ends. It is the note's mark,
 * not a figure, and not a second line of the row: the row reads whole.
 */
import { describe, expect, it } from 'vitest';
import { usePrinter } from '../support/print-pdf';
import { makeReport } from '../support/synthetic';
import { reportPage } from '../support/html-page';
import { scoreExtracted } from '../support/score-extracted';

const printPdf = usePrinter('pdf-raised-marks');
/** A page wide enough for the table whose cells do not wrap. */
const WIDE = { format: 'A3', landscape: true } as const;

/** The report's page (cells that do not wrap), every fifth figure of its tables with `mark` set as a superscript after it. */
function marked(seed: number, mark: string | null, nowrap: boolean): { s: ReturnType<typeof makeReport>; page: string } {
  const s = makeReport(seed, seed % 2 ? '2021' : '2019');
  let n = 0;
  const page = reportPage(s).replace(/(<td[^>]*>)(-?\d[\d.]*)(<\/td>)/g, (m, open: string, fig: string, close: string) =>
    (n++ % 5 === 2 && mark ? `${open}${fig}<sup style="font-size:6pt">${mark}</sup>${close}` : m));
  expect(n).toBeGreaterThan(100);
  return { s, page: nowrap ? page.replace('</head>', '<style>td{white-space:nowrap}</style></head>') : page };
}

describe('a footnote mark set as a superscript after a figure', () => {
  it.each(['注1', '①', '1', '*'])('%s beside the figure: read as the same page without marks, none wrong', async (mark) => {
    for (const seed of [4, 9]) {
      const plain = marked(seed, null, true);
      const without = await scoreExtracted(plain.s, await printPdf(plain.page, WIDE), 'report.pdf');
      const { s, page } = marked(seed, mark, true);
      const r = await scoreExtracted(s, await printPdf(page, WIDE), 'report.pdf');
      expect(r.wrong, `seed ${seed}`).toEqual([]);
      expect(without.exact / without.total, `seed ${seed}`).toBeGreaterThan(0.9);
      expect(r.exact, `seed ${seed}`).toBeGreaterThanOrEqual(without.exact);
    }
  }, 120_000);

  it('wrapped under its figure in a narrow cell (the figure set off its row\'s line): flagged where not read, never wrong', async () => {
    for (const seed of [4, 9]) {
      const { s, page } = marked(seed, '注1', false);
      const r = await scoreExtracted(s, await printPdf(page), 'report.pdf');
      expect(r.wrong, `seed ${seed}`).toEqual([]);
    }
  }, 120_000);
});
