/**
 * Lines a PDF draws beside or across figures: a minus sign drawn as a short bar (not a glyph),
 * a strikethrough, an underline, and a watermark laid over the table. The text layer holds the
 * digits only; what the bar means is on the page. A drawn minus or a struck-out figure is
 * flagged, never read as the bare digits; an underline is no sign and leaves the figure read.
 */
import { describe, expect, it } from 'vitest';
import { usePrinter } from '../support/print-pdf';
import { makeReport } from '../support/synthetic';
import { reportPage, type PageShape } from '../support/html-page';
import { scoreExtracted } from '../support/score-extracted';
import { parseFile } from '../../src/lib/parse';
import { isFailure } from '../../src/lib/format';

const printPdf = usePrinter('pdf-marks');

async function print(seed: number, cell: PageShape['cell'], css = '', overlay = '') {
  const s = makeReport(seed, seed % 2 ? '2021' : '2019');
  const html = reportPage(s, { cell }).replace('</head>', `<style>${css}</style></head>`).replace('</body>', `${overlay}</body>`);
  return { s, r: await scoreExtracted(s, await printPdf(html, { background: true }), 'report.pdf') };
}

/** About one cell in four, chosen by its key. */
const chosen = (seed: number) => (k: string) => [...k].reduce((n, c) => n + c.charCodeAt(0), seed) % 4 === 0;

describe('a minus sign drawn as a bar', () => {
  it.each([
    ['a box of one colour (inline-block border)', '.m{display:inline-block;width:.55em;border-top:1.2px solid #000;vertical-align:middle;margin-right:1px}'],
    ['a filled box (background)', '.m{display:inline-block;width:.5em;height:1px;background:#000;vertical-align:middle;margin-right:1px}'],
  ])('%s: the figure is flagged, never read without its sign', async (_, css) => {
    let negatives = 0;
    for (const seed of [11, 12, 13, 14]) {
      const { s, r } = await print(seed, (_k, shown) => {
        if (!shown.startsWith('-')) return `<td>${shown}</td>`;
        negatives++;
        return `<td><span class="m"></span>${shown.slice(1)}</td>`;
      }, css);
      expect(r.wrong, `seed ${seed}`).toEqual([]);
      for (const k of Object.keys(s.cells).filter((x) => (s.cells[x] ?? 0) < 0)) expect(k in r.uncertain, `${seed} ${k}`).toBe(true);
    }
    expect(negatives).toBeGreaterThan(2);
  }, 180_000);
});

describe('struck out and underlined', () => {
  it('a struck-out figure is flagged; the others are read', async () => {
    for (const seed of [15, 16]) {
      const pick = chosen(seed);
      const struck: string[] = [];
      const { s, r } = await print(seed, (k, shown) => {
        if (!pick(k) || !shown) return `<td>${shown}</td>`;
        struck.push(k);
        return `<td><s>${shown}</s></td>`;
      });
      expect(r.wrong, `seed ${seed}`).toEqual([]);
      expect(struck.length).toBeGreaterThan(15);
      expect(struck.filter((k) => !(k in r.uncertain)), `seed ${seed}`).toEqual([]);
      const others = Object.keys(s.cells).filter((k) => !struck.includes(k));
      expect(others.filter((k) => r.cells[k] === s.cells[k] && !(k in r.uncertain)).length / others.length).toBeGreaterThanOrEqual(0.95);
    }
  }, 180_000);

  it('underlined figures are read', async () => {
    for (const seed of [17, 18]) {
      const { r } = await print(seed, (_k, shown) => `<td><u>${shown}</u></td>`);
      expect(r.wrong, `seed ${seed}`).toEqual([]);
      expect(r.exact / r.total, `seed ${seed}`).toBeGreaterThanOrEqual(0.95);
    }
  }, 120_000);
});

describe('a watermark over the table', () => {
  // A faint mark — large, turned, in words or printed again — is left out, and the table read as
  // if it were not there.
  const marks: [string, string, number][] = [
    ['light grey, large, across', '<div style="position:absolute;top:{Y}px;left:40px;font-size:40px;color:#d8d8d8">内部资料 2024 仅供参考</div>', 0.9],
    ['half transparent, the size of the text', '<div style="position:absolute;top:{Y}px;left:60px;font-size:15px;color:#000;opacity:.25">仅供参考 2024年12月31日 仅供参考 2024年12月31日</div>', 0.9],
    ['figures only, light grey, the size of the text', '<div style="position:absolute;top:{Y}px;left:50px;font-size:14px;color:#ccc">2024 2024 2024 2024 2024 2024 2024 2024</div>', 0.9],
    ['turned, light grey', '<div style="position:absolute;top:{Y}px;left:80px;font-size:48px;color:#ccc;transform:rotate(-30deg)">仅供参考 2024</div>', 0.9],
  ];
  it.each(marks)('%s: no figure of the watermark enters a cell', async (_, mark, share) => {
    for (const seed of [19, 20]) {
      // Tiled down the page, so that some land on a row of figures and some in its blank cells.
      const overlay = Array.from({ length: 40 }, (_, i) => mark.replace('{Y}', String(120 + i * 27 + seed))).join('');
      const { r } = await print(seed, undefined, '', overlay);
      expect(r.wrong, `seed ${seed}`).toEqual([]);
      expect(r.exact / r.total, `seed ${seed}`).toBeGreaterThanOrEqual(share);
    }
  }, 120_000);
});

describe('a figure printed as a picture', () => {
  // A black PNG the size of a figure where the cell's figure should be: the text layer has
  // nothing there, and the cell would read as blank.
  const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
  it('the cell is flagged, never read as blank; a seal-sized picture over the page changes nothing', async () => {
    for (const seed of [21, 22]) {
      const pick = chosen(seed);
      const drawn: string[] = [];
      const seal = `<img src="${PNG}" style="position:absolute;top:300px;left:300px;width:150px;height:150px;opacity:.6">`;
      const { s, r } = await print(seed, (k, shown) => {
        if (!pick(k) || !shown) return `<td>${shown}</td>`;
        drawn.push(k);
        return `<td><img src="${PNG}" style="width:${7 * shown.length}px;height:12px"></td>`;
      }, '', seal);
      expect(r.wrong, `seed ${seed}`).toEqual([]);
      expect(drawn.length).toBeGreaterThan(15);
      expect(drawn.filter((k) => s.cells[k] !== null && !(k in r.uncertain)), `seed ${seed}`).toEqual([]);
    }
  }, 120_000);
});

describe('characters a browser\'s PDF maps to radicals', () => {
  // Chromium writes 民 of 人民政府 as the supplement radical ⺠ (U+2EA0), which has no Unicode
  // decomposition: a unit's name must still read as printed, or it matches no division.
  it('the unit 成都市武侯区人民政府 reads as printed', async () => {
    const s = makeReport(23, '2021');
    const r = await parseFile('report.pdf', await printPdf(reportPage(s).replace('<h1>', '<h1>成都市武侯区人民政府'), { background: true }));
    if (isFailure(r)) throw new Error(r.error.message);
    expect(r.unit).toBe('成都市武侯区人民政府');
  }, 60_000);
});
