/**
 * Digits in other forms are digits to a reader: full-width ２９３ and mathematical 𝟐𝟗𝟑 (bold,
 * double-struck, sans-serif, monospace), in text, on a page and in a PDF's text (pdf-ink.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { asciiDigits, normalizeText } from '../../src/lib/parse/normalize';
import { readHtmlString } from '../../src/lib/parse/html';
import { toPieces } from '../../src/lib/parse/pieces';

describe('digit forms', () => {
  it('mathematical and full-width digits read as ASCII; superscripts (a footnote’s mark) stay', () => {
    expect(asciiDigits('1𝟨7 · 𝟏𝟐 · 𝟘𝟡 · 𝟣𝟤 · 𝟬 · 𝟶𝟿 · ２９３')).toBe('167 · 12 · 09 · 12 · 0 · 09 · 293');
    expect(normalizeText('行政许可\t1𝟨7\t0¹')).toBe('行政许可\t167\t0¹');
  });

  it('in a page’s cell', () => {
    const doc = readHtmlString('<table><tr><td>行政许可</td><td>𝟐𝟗𝟑</td></tr></table>');
    expect(doc.lines.flatMap((l) => l.tokens.map((t) => t.text))).toContain('293');
  });

  it('digits a comma parts that are no thousands, in one cell (5,19 where a narrow cell wrapped 5,195), are a cell in doubt, not two figures', () => {
    const doc = readHtmlString('<table><tr><td>行政许可</td><td>5,19</td><td>2,293</td></tr></table>');
    const values = toPieces(doc.lines).filter((p) => p.kind === 'value');
    expect(values.map((p) => (p.kind === 'value' ? [p.raw, p.bad !== undefined] : null))).toEqual([['?', true], ['2293', false]]);
  });

  it('digits set apart by spaces in one cell (a letter-spaced 948895.92 drawn a character at a time) are a cell in doubt, not a label', () => {
    const doc = readHtmlString('<table><tr><td>政府集中采购</td><td>4</td><td>1</td><td>9 4 8 8 9 5 .</td><td>9 2</td></tr></table>');
    const pieces = toPieces(doc.lines);
    expect(pieces.filter((p) => p.kind === 'label').map((p) => (p.kind === 'label' ? p.text : ''))).toEqual(['政府集中采购']);
    expect(pieces.filter((p) => p.kind === 'value').map((p) => (p.kind === 'value' ? p.bad !== undefined : null))).toEqual([false, false, true, true]);
  });
});
