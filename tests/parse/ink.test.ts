/**
 * ink.ts on operator lists written by hand, for what a browser's print does not make: text
 * made transparent by a graphics state, a hiding box drawn inside a scaled form, text the
 * walk cannot match. Real prints are in pdf-ink.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPdfjs } from '../../src/lib/parse/pdf/pdfjs';
import { RECOGNISED, unseenItems, type Ops } from '../../src/lib/parse/pdf/ink';
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
