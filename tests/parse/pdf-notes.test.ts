/**
 * Figures a viewer shows over a PDF's page but that are not in its content: a filled-in form
 * field, a free-text annotation. The reader sees them, so they are not "not reported"; they were
 * added to the document afterwards, so they are read in doubt, never as the report's own.
 * And a number drawn letter-spaced, which pdf.js writes with spaces (1 9), is one number.
 */
import { describe, expect, it } from 'vitest';
import { readPdf } from '../../src/lib/parse/pdf';
import { ADDED } from '../../src/lib/parse/pdf/notes';
import { cjkTextPdf } from '../fixtures/pdf/make-fixtures';

const row = (extra: string[]) => new Uint8Array(cjkTextPdf([
  ['某某街道办事处2023年政府信息公开工作年度报告', 60, 780, 14],
  ['行政许可', 60, 700, 10], ['5', 200, 700, 10],
  ['行政处罚', 60, 680, 10], ['7', 200, 680, 10], ['9', 300, 680, 10],
], extra));

describe('text a viewer shows over the page', () => {
  it.each([
    ['a filled-in form field', '<< /Type /Annot /Subtype /Widget /FT /Tx /T (f1) /V (12) /Rect [290 696 330 712] /DA (/Helv 10 Tf 0 g) /Q 1 /F 4 >>'],
    ['a free-text annotation', '<< /Type /Annot /Subtype /FreeText /Contents (12) /Rect [292 696 330 712] /DA (/Helv 10 Tf 0 g) /F 4 >>'],
  ])('%s takes its place in its row, in doubt', async (_, annot) => {
    const doc = await readPdf(row([annot]));
    const line = doc.lines.find((l) => l.tokens[0]?.text === '行政许可')!;
    expect(line.tokens.map((t) => t.text)).toEqual(['行政许可', '5', '12']);
    expect(line.tokens[2].doubt).toBe(ADDED);
    expect(line.tokens[1].doubt).toBeUndefined();
  });

  it('a hidden field shows nothing and is not read', async () => {
    const doc = await readPdf(row(['<< /Type /Annot /Subtype /Widget /FT /Tx /T (f1) /V (12) /Rect [290 696 330 712] /F 2 >>']));
    expect(doc.lines.flatMap((l) => l.tokens.map((t) => t.text))).not.toContain('12');
  });
});

describe('a number set letter-spaced', () => {
  it('digits one string sets apart (Tc) are one number, not a cell each', async () => {
    const doc = await readPdf(new Uint8Array(cjkTextPdf([
      ['某某街道办事处2023年政府信息公开工作年度报告', 60, 780, 14],
      ['行政许可', 60, 700, 10], ['19', 200, 700, 10, '3 Tc'], ['7', 300, 700, 10],
      ['行政处罚', 60, 680, 10], ['2', 200, 680, 10], ['46', 300, 680, 10, '2.5 Tc'],
    ])));
    const rows = doc.lines.filter((l) => l.tokens.length === 3).map((l) => l.tokens.map((t) => t.text));
    expect(rows).toEqual([['行政许可', '19', '7'], ['行政处罚', '2', '46']]);
  });
});
