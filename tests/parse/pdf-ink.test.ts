/**
 * Text drawn twice a hair apart (a shadow, or how many PDFs make Chinese text bold) is one
 * text to a reader: 1838 is not 18381838.
 *
 * Figures a PDF carries in its text but a reader of the page cannot see: digits painted white
 * on the white page, fully transparent, or black inside a black box. They must never join the
 * figure the page shows (a white 7 before 36 is not 736) nor fill a cell the page shows blank.
 * White figures on a dark band are seen, and read.
 */
import { describe, expect, it } from 'vitest';
import { usePrinter } from '../support/print-pdf';
import { makeReport } from '../support/synthetic';
import { reportPage, type PageShape } from '../support/html-page';
import { scoreExtracted } from '../support/score-extracted';

const printPdf = usePrinter('pdf-ink');

/** About one cell in five, chosen by its key. */
const chosen = (seed: number) => (k: string) => [...k].reduce((n, c) => n + c.charCodeAt(0), seed) % 5 === 0;

async function print(seed: number, cell: PageShape['cell'], format: 'A4' | 'A3' = 'A4') {
  const s = makeReport(seed, seed % 2 ? '2021' : '2019');
  // (A3 across for text twice as wide, so that no cell wraps.)
  const pdf = await printPdf(reportPage(s, { cell }), { format, landscape: format === 'A3', background: true });
  return { s, r: await scoreExtracted(s, pdf, 'report.pdf') };
}

// Printed with backgrounds: without them Chromium darkens light text so that it shows on paper
// (white is printed grey #ababab, which a reader sees).
// (Chromium leaves text of opacity 0 out of the PDF altogether; ink.test.ts covers transparency.)
// (Chromium leaves some 1px text out of the PDF altogether: those cells have nothing to flag.)
const hiders: [string, string, number][] = [
  ['white on the page', 'color:#fff', 1],
  ['black in a black box', 'color:#000;background:#000', 1],
  ['set in 1px type', 'font-size:1px', 0.5],
];

describe('digits a PDF page does not show', () => {
  it.each(hiders)('%s, before a figure or alone in a blank cell: flagged, never read', async (_, style, share) => {
    for (const seed of [3, 4]) {
      const pick = chosen(seed);
      const hidden: string[] = [];
      const { s, r } = await print(seed, (k, shown) => {
        if (!pick(k)) return `<td>${shown}</td>`;
        hidden.push(k);
        return `<td><span style="${style}">7</span>${shown}</td>`;
      });
      expect(r.wrong, `seed ${seed}`).toEqual([]);
      // Each cell with a hidden digit is flagged: what it shows cannot be told from what it carries.
      const unflagged = hidden.filter((k) => s.cells[k] !== undefined && !(k in r.uncertain));
      if (share === 1) expect(unflagged, `seed ${seed}`).toEqual([]);
      else expect(unflagged.length, `seed ${seed}`).toBeLessThanOrEqual(hidden.length * (1 - share));
      expect(hidden.length).toBeGreaterThan(20);
    }
  }, 180_000);

  it('white figures on a dark cell are seen and read', async () => {
    const seed = 5;
    const pick = chosen(seed);
    const dark: string[] = [];
    const { s, r } = await print(seed, (k, shown) => {
      if (!pick(k)) return `<td>${shown}</td>`;
      dark.push(k);
      return `<td style="background:#1f3f7a;color:#fff">${shown}</td>`;
    });
    expect(r.wrong).toEqual([]);
    const read = dark.filter((k) => r.cells[k] === s.cells[k] && !(k in r.uncertain));
    expect(dark.length).toBeGreaterThan(20);
    expect(read.length / dark.length).toBeGreaterThanOrEqual(0.95);
  }, 120_000);
});

describe('text drawn twice', () => {
  it('figures with a shadow half a pixel off (Chromium prints the text twice) are read once', async () => {
    for (const seed of [7, 8]) {
      const { r } = await print(seed, (_k, shown) => `<td style="text-shadow:0.5px 0 0 #000">${shown}</td>`);
      expect(r.wrong, `seed ${seed}`).toEqual([]);
      expect(r.exact / r.total, `seed ${seed}`).toBeGreaterThanOrEqual(0.95);
    }
  }, 120_000);
});

describe('digits in other forms', () => {
  it('full-width digits (１２３, as a Chinese font sets them) are read as digits, not taken for a vertical label', async () => {
    const wide = (t: string) => t.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).replace('.', '．');
    for (const seed of [9, 10]) {
      const { r } = await print(seed, (_k, shown) => `<td>${wide(shown)}</td>`, 'A3');
      expect(r.wrong, `seed ${seed}`).toEqual([]);
      expect(r.exact / r.total, `seed ${seed}`).toBeGreaterThanOrEqual(0.95);
    }
  }, 120_000);
});
