/**
 * ink.ts on operator lists written by hand, for what a browser's print does not make: text
 * made transparent by a graphics state, a hiding box drawn inside a scaled form, text the
 * walk cannot match. Real prints are in pdf-ink.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPdfjs } from '../../src/lib/parse/pdf/pdfjs';
import { FAINT, MARKED, RECOGNISED, unseenItems, type Ops } from '../../src/lib/parse/pdf/ink';
import { UNSEEN } from '../../src/lib/parse/document';
import { toPieces, type RawItem } from '../../src/lib/parse/pdf/items';
import { buildRows } from '../../src/lib/parse/pdf/rows';

let OPS: Ops;
beforeAll(async () => { OPS = (await loadPdfjs()).OPS as unknown as Ops; });

type Op = [keyof Ops, unknown[]];
const item = (str: string, x: number, y: number): RawItem => ({ str, transform: [10, 0, 0, 10, x, y], width: 6 * str.length, height: 10 });
const show = (s: string): Op => ['showText', [[...s].map((unicode) => ({ unicode }))]];
const box = (x: number, y: number, w: number, h: number): Op => ['constructPath', [OPS.fill, [null], [x, y, x + w, y + h]]];
const why = (items: RawItem[], ops: Op[], shown?: (p: unknown) => boolean) =>
  unseenItems(items, { fnArray: ops.map(([f]) => OPS[f]), argsArray: ops.map(([, a]) => a) }, OPS, shown).why;
const run = (items: RawItem[], ops: Op[], shown?: (p: unknown) => boolean) => why(items, ops, shown).map((w) => w !== undefined);

describe('figures a page paints but does not show', () => {
  it('a graphics state with fill opacity 0 hides them until it is restored', () => {
    const items = [item('12', 100, 500), item('34', 200, 500)];
    expect(run(items, [['save', []], ['setGState', [[['ca', 0]]]], show('12'), ['restore', []], show('34')])).toEqual([true, false]);
  });

  it('black digits in a black box drawn inside a scaled form are hidden; beside the box they show', () => {
    const items = [item('56', 100, 500), item('78', 300, 500)];
    const ops: Op[] = [
      ['paintFormXObjectBegin', [[10, 0, 0, 10, 0, 0], null]],
      ['setFillRGBColor', ['#000000']], box(9, 49, 4, 2),
      ['paintFormXObjectEnd', []],
      show('56'), show('78'),
    ];
    expect(run(items, ops)).toEqual([true, false]);
  });

  it('an opaque box painted after the text covers it; a highlighter blended over it, or a box elsewhere, does not', () => {
    const items = [item('9', 100, 500), item('10', 300, 500), item('11', 500, 500)];
    const ops: Op[] = [
      show('9'), show('10'), show('11'),
      ['setFillRGBColor', ['#000000']], box(95, 495, 20, 15),
      ['save', []], ['setGState', [[['BM', 'multiply']]]], ['setFillRGBColor', ['#ffff00']], box(295, 495, 30, 15), ['restore', []],
      box(500, 300, 40, 40),
    ];
    expect(run(items, ops)).toEqual([true, false, false]);
  });

  it('white on a dark box painted before it shows', () => {
    const items = [item('12', 300, 500)];
    expect(run(items, [['setFillRGBColor', ['#1f3f7a']], box(290, 490, 40, 30), ['setFillRGBColor', ['#ffffff']], show('12')])).toEqual([false]);
  });

  it('white words stay words; white digits among words are a label, not a figure to hide', () => {
    const items = [item('一、总体情况', 100, 700), item('2', 100, 500)];
    expect(run(items, [['setFillRGBColor', ['#ffffff']], show('一、总体情况'), ['setFillRGBColor', ['#000000']], show('2')])).toEqual([false, false]);
  });

  it('text the walk cannot match is unseen only on a page that hides digits somewhere', () => {
    const items = [item('15', 100, 500), item('88', 200, 500)];
    expect(run(items, [show('15'), show('99')])).toEqual([false, false]);
    expect(run(items, [['setFillRGBColor', ['#ffffff']], show('15'), show('99')])).toEqual([true, true]);
  });

  it('invisible text (mode 3 or 7) beside visible text is hidden; a page all invisible is a scan\'s recognised text', () => {
    const items = [item('17', 100, 500), item('7', 200, 500)];
    const mixed: Op[] = [['setTextRenderingMode', [3]], show('17'), ['setTextRenderingMode', [0]], show('7')];
    expect(why(items, mixed)).toEqual([UNSEEN, undefined]);
    const clipOnly: Op[] = [['setTextRenderingMode', [7]], show('17'), ['setTextRenderingMode', [0]], show('7')];
    expect(why(items, clipOnly)).toEqual([UNSEEN, undefined]);
    const scan: Op[] = [['setTextRenderingMode', [3]], show('17'), show('7')];
    expect(why(items, scan)).toEqual([RECOGNISED, RECOGNISED]);
  });

  it('digits outside the clip are hidden; inside it they show', () => {
    const items = [item('23', 100, 500), item('45', 300, 500)];
    const ops: Op[] = [
      ['save', []], ['clip', []], ['constructPath', [(OPS as unknown as Record<string, number>).endPath, [null], [250, 450, 400, 600]]],
      show('23'), show('45'), ['restore', []],
    ];
    expect(run(items, ops)).toEqual([true, false]);
  });

  it('digits in an optional-content layer that is off are hidden, until the layer ends', () => {
    const items = [item('61', 100, 500), item('62', 200, 500)];
    const ops: Op[] = [['beginMarkedContentProps', ['OC', { type: 'OCG', id: 'x' }]], show('61'), ['endMarkedContent', []], show('62')];
    expect(run(items, ops, () => false)).toEqual([true, false]);
    expect(run(items, ops, () => true)).toEqual([false, false]);
  });

  it('figures set too small to see (0.5 pt, or a third of the page\'s usual size) are in doubt; the rest are not', () => {
    const at = (str: string, x: number, size: number): RawItem => ({ str, transform: [size, 0, 0, size, x, 500], width: 0.55 * size * str.length, height: size });
    const view = { transform: [1, 0, 0, -1, 0, 842], height: 842, width: 595 };
    const pieces = toPieces([at('行政许可', 50, 10.5), at('17', 200, 10.5), at('7', 212, 0.5), at('35', 300, 10.5), at('4', 320, 3), at('2', 400, 6)], view);
    const doubted = pieces.filter((p) => p.doubt === UNSEEN).map((p) => p.text);
    expect(doubted).toEqual(['7', '4']);
    // They stay in their row (a speck of a row of its own would leave the row a figure short).
    const rows = buildRows(pieces, 1);
    expect(rows).toHaveLength(1);
    expect(rows[0].cells.map((c) => c.text).join(' ')).toMatch(/7.*35.*4.*2/);
  });
});

/** Text set where the operator list puts it: a 10 pt font, digits half an em wide, Chinese one em. */
const wide = (c: string) => (c.charCodeAt(0) > 0x2e7f ? 1000 : 500);
const placed = (str: string, x: number, y: number): RawItem => ({
  str, transform: [10, 0, 0, 10, x, y], height: 10,
  width: [...str].reduce((n, c) => n + (c === ' ' ? 5 : wide(c) / 100), 0),
});
const setAt = (s: string, x: number, y: number): Op[] => [
  ['beginText', []], ['setFont', ['F1', 10]], ['setTextMatrix', [[1, 0, 0, 1, x, y]]],
  ['showText', [[...s].flatMap((c): unknown[] => (c === ' ' ? [-500] : [{ unicode: c, width: wide(c) }]))]],
];
/** A filled sliver of a path (x1, y1)–(x2, y2), as pdf.js passes a path: its points and its bounds. */
const sliver = (x1: number, y1: number, x2: number, y2: number, op = 'fill'): Op =>
  ['constructPath', [(OPS as unknown as Record<string, number>)[op], [new Float32Array([0, x1, y1, 1, x2, y1, 1, x2, y2, 1, x1, y2, 4])], [x1, y1, x2, y2]]];

describe('bars drawn beside and across figures', () => {
  it('a short bar at the middle of the digits just before them is a drawn minus: in doubt; under them (an underline) or far before them (a rule) it is not', () => {
    const items = [placed('12', 100, 500), placed('34', 200, 500), placed('56', 300, 500)];
    const ops: Op[] = [
      ...setAt('12', 100, 500), ...setAt('34', 200, 500), ...setAt('56', 300, 500),
      sliver(94, 503.5, 99, 504.3),
      sliver(200, 498.5, 210, 499.2),
      sliver(260, 503.5, 280, 504.3),
    ];
    expect(why(items, ops)).toEqual([MARKED, undefined, undefined]);
  });

  it('a stroked line through the digits (a strikethrough) puts them in doubt', () => {
    const items = [placed('789', 100, 500), placed('12', 200, 500)];
    const ops: Op[] = [
      ...setAt('789', 100, 500), ...setAt('12', 200, 500),
      ['setLineWidth', [0.6]], ['constructPath', [OPS.stroke, [new Float32Array([0, 99, 503, 1, 116, 503])], [99, 503, 116, 503]]],
    ];
    expect(why(items, ops)).toEqual([MARKED, undefined]);
  });

  it('a strike over one figure is no minus of the next one set tight beside it', () => {
    const items = [placed('5', 100, 500), placed('7', 108, 500)];
    expect(why(items, [...setAt('5', 100, 500), ...setAt('7', 108, 500), sliver(99.5, 503.5, 105.5, 504.3)])).toEqual([MARKED, undefined]);
  });

  it('where pdf.js joined cells into one item, only the struck cell is in doubt', () => {
    const items = [placed('12 34', 100, 500)];
    expect(why(items, [...setAt('12 34', 100, 500), sliver(115, 503.5, 125, 504.3)])).toEqual([[undefined, MARKED]]);
    // Handed on to the pieces: the cell 34 carries the doubt, 12 does not.
    const view = { transform: [1, 0, 0, -1, 0, 842], height: 842, width: 595 };
    const pieces = toPieces(items, view, why(items, [...setAt('12 34', 100, 500), sliver(115, 503.5, 125, 504.3)]));
    expect(pieces.map((p) => [p.text, p.doubt])).toEqual([['12', undefined], ['34', MARKED]]);
  });

  it('a short bar further left in the figure\'s cell is a minus too; with a column\'s rule or other text between, it is not', () => {
    const items = [placed('369', 150, 500), placed('25', 150, 450), placed('行', 120, 400), placed('48', 150, 400)];
    const ops: Op[] = [
      ...setAt('369', 150, 500), ...setAt('25', 150, 450), ...setAt('行', 120, 400), ...setAt('48', 150, 400),
      sliver(103, 503, 107, 503.7),
      sliver(103, 453, 107, 453.7), ['setLineWidth', [0.5]], ['constructPath', [OPS.stroke, [new Float32Array([0, 130, 440, 1, 130, 470])], [130, 440, 130, 470]]],
      sliver(103, 403, 107, 403.7),
    ];
    expect(why(items, ops)).toEqual([MARKED, undefined, undefined, undefined]);
  });

  it('a minus painted as a thin picture is a bar like any other', () => {
    const items = [placed('497', 150, 500)];
    const ops: Op[] = [...setAt('497', 150, 500), ['save', []], ['transform', [4, 0, 0, 0.8, 144, 503]], ['paintImageXObject', ['img1', 8, 2]], ['restore', []]];
    expect(why(items, ops)).toEqual([MARKED]);
  });

  it('a cell\'s border stroked as one rectangle is a column\'s rule on its sides', () => {
    const items = [placed('12', 150, 500)];
    const cell = (x1: number, y1: number, x2: number, y2: number): Op => ['constructPath', [OPS.stroke, [new Float32Array([0, x1, y1, 1, x2, y1, 1, x2, y2, 1, x1, y2, 4])], [x1, y1, x2, y2]]];
    const ops: Op[] = [...setAt('12', 150, 500), ['setLineWidth', [0.5]], cell(80, 490, 140, 515), cell(140, 490, 200, 515), sliver(103, 503, 107, 503.7)];
    expect(why(items, ops)).toEqual([undefined]);
  });

  it('a white bar is none', () => {
    const items = [placed('12', 100, 500)];
    expect(why(items, [...setAt('12', 100, 500), ['setFillRGBColor', ['#ffffff']], sliver(94, 503.5, 99, 504.3)])).toEqual([undefined]);
  });
});

describe('faint figures (a watermark)', () => {
  it('light grey or half-transparent digits, or digits in a group painted at a quarter opacity, are in doubt; mid grey and black are not', () => {
    const items = ['11', '22', '33', '44', '55'].map((t, i) => placed(t, 100 + 50 * i, 500));
    const ops: Op[] = [
      ['setFillRGBColor', ['#dddddd']], ...setAt('11', 100, 500),
      ['setFillRGBColor', ['#000000']], ['save', []], ['setGState', [[['ca', 0.3]]]], ...setAt('22', 150, 500), ['restore', []],
      ['save', []], ['setGState', [[['ca', 0.25]]]], ['beginGroup', [{}]], ['setGState', [[['ca', 1]]]], ...setAt('33', 200, 500), ['endGroup', [{}]], ['restore', []],
      ['setFillRGBColor', ['#808080']], ...setAt('44', 250, 500),
      ['setFillRGBColor', ['#000000']], ...setAt('55', 300, 500),
    ];
    expect(why(items, ops)).toEqual([FAINT, FAINT, FAINT, undefined, undefined]);
  });

  it('faint text set larger than the page\'s text, in words or printed again is a watermark, left out; a lone faint figure is in doubt', () => {
    const big = (str: string, x: number, y: number): RawItem => ({ str, transform: [30, 0, 0, 30, x, y], height: 30, width: [...str].reduce((n, c) => n + (wide(c) * 30) / 1000, 0) });
    const items = [placed('行政许可', 50, 500), placed('12', 150, 500), big('仅供参考', 60, 495), big('2024', 200, 495),
      placed('37', 300, 400), placed('内部', 300, 300), placed('88', 100, 200), placed('88', 300, 200)];
    const bigAt = (s: string, x: number, y: number): Op[] => [['beginText', []], ['setFont', ['F1', 30]], ['setTextMatrix', [[1, 0, 0, 1, x, y]]], ['showText', [[...s].map((c) => ({ unicode: c, width: wide(c) }))]]];
    const ops: Op[] = [
      ...setAt('行政许可', 50, 500), ...setAt('12', 150, 500),
      ['setFillRGBColor', ['#e0e0e0']], ...bigAt('仅供参考', 60, 495), ...bigAt('2024', 200, 495),
      ...setAt('37', 300, 400), ...setAt('内部', 300, 300), ...setAt('88', 100, 200), ...setAt('88', 300, 200),
    ];
    const seen = unseenItems(items, { fnArray: ops.map(([f]) => OPS[f]), argsArray: ops.map(([, a]) => a) }, OPS);
    expect(seen.watermark).toEqual([false, false, true, true, false, true, true, true]);
    expect(seen.why[4]).toBe(FAINT);
  });

  it('a group painted fully transparent hides its digits', () => {
    const items = [placed('66', 100, 500), placed('77', 200, 500)];
    const ops: Op[] = [['save', []], ['setGState', [[['ca', 0]]]], ['beginGroup', [{}]], ['setGState', [[['ca', 1]]]], ...setAt('66', 100, 500), ['endGroup', [{}]], ['restore', []], ...setAt('77', 200, 500)];
    expect(why(items, ops)).toEqual([UNSEEN, undefined]);
  });
});
