/**
 * dropMargins keeps a page's number out of the tables and a table's row in them: figures in two
 * cells at a page's foot (1 and 85, the ends of 1,411 and 1,685 that their narrow cells wrapped)
 * are no page 185.
 */
import { describe, expect, it } from 'vitest';
import { dropMargins, type Row } from '../../src/lib/parse/pdf/rows';

const row = (mid: number, texts: [string, number][]): Row => ({
  page: 1, mid, size: 7, cells: texts.map(([text, x]) => ({ text, x, x2: x + 4 * text.length, size: 7, mid })),
});

describe('page margins', () => {
  it('a lone number at the foot is the page\'s; figures in two cells there are a row', () => {
    const page = {
      height: 842,
      rows: [row(400, [['规章', 40], ['3', 200]]), row(67.5, [['1', 200], ['85', 320]]), row(30, [['185', 290]])],
    };
    const kept = dropMargins([page])[0].map((r) => r.cells.map((c) => c.text).join(' '));
    expect(kept).toEqual(['规章 3', '1 85']);
  });

  it('a lone figure right above a row of figures at a page\'s top, within its columns, is kept (a cell set off its line)', () => {
    const page = {
      height: 842,
      rows: [row(780, [['0', 300]]), row(774, [['8.属于行政查询事项', 40], ['0', 200], ['2', 250], ['2', 350]]), row(400, [['规章', 40], ['3', 200]])],
    };
    expect(dropMargins([page])[0].map((r) => r.cells.map((c) => c.text).join(' '))).toEqual(['0', '8.属于行政查询事项 0 2 2', '规章 3']);
    // Far above the row, or beside the columns, it is the page's number.
    const apart = { height: 842, rows: [row(815, [['3', 300]]), row(774, [['规章', 40], ['0', 200], ['2', 250]]), row(790, [['4', 500]])] };
    expect(dropMargins([apart])[0].map((r) => r.cells.map((c) => c.text).join(' '))).toEqual(['规章 0 2']);
  });
});
