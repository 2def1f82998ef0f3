/**
 * Markdown as PDF-to-Markdown tools write it: a table with merged cells as raw HTML amid the
 * prose, and cells set bold, italic or as code. Read as HTML, each cell knows its row and
 * column through the spans; read as text, the rows of tags were no table at all (red team 7:
 * 88 % of such files flagged).
 */
import { describe, expect, it } from 'vitest';
import { readMarkdown } from '../../src/lib/parse/text';
import { parseFile } from '../../src/lib/parse';
import { isFailure } from '../../src/lib/format';
import { parsedText } from '../support/parse-text';

const HEAD = ['# 某某县人民政府2023年政府信息公开工作年度报告', '', '本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。', ''];

/** 表四 as MinerU writes it: one line, its heads merged across columns and rows. */
const T4 = '<table><tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>'
  + '<tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td><td rowspan="2">尚未审结</td><td rowspan="2">总计</td>'
  + '<td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>'
  + '<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>'
  + '<tr><td>3</td><td>1</td><td>0</td><td>2</td><td>6</td><td>4</td><td>0</td><td>1</td><td>0</td><td>5</td><td>0</td><td>2</td><td>0</td><td>0</td><td>2</td></tr></table>';

describe('HTML tables inside Markdown', () => {
  it('a one-line table with merged heads: every figure in its column', async () => {
    const r = await parsedText([...HEAD, '## 四、政府信息公开行政复议、行政诉讼情况', '', T4, '', '## 五、存在的主要问题及改进情况', '无。'].join('\n'), 'r.md');
    expect(r.cells['review.upheld']).toBe(3);
    expect(r.cells['review.corrected']).toBe(1);
    expect(r.cells['review.total']).toBe(6);
    expect(r.cells['suit_direct.total']).toBe(5);
    expect(r.cells['suit_after_review.corrected']).toBe(2);
    expect(r.cells['suit_after_review.total']).toBe(2);
    for (const k of Object.keys(r.cells).filter((x) => /^(review|suit_)/.test(x))) expect(r.uncertain[k], k).toBeUndefined();
  });

  it('the same table a row a line, inside <html><body>: the same cells, tags kept out of the text', () => {
    const rows = T4.replace(/<tr>/g, '\n<tr>').replace('</table>', '\n</table>');
    const one = readMarkdown([...HEAD, `<html><body>${T4}</body></html>`].join('\n'));
    const many = readMarkdown([...HEAD, rows].join('\n'));
    const cells = (d: ReturnType<typeof readMarkdown>) => d.lines.flatMap((l) => l.tokens.filter((t) => t.table !== undefined).map((t) => `${t.row}:${t.col}:${t.text}`));
    expect(cells(many)).toEqual(cells(one));
    // The figures' row: 15 columns, the first figure in column 1.
    expect(cells(one).filter((c) => c.startsWith('4:'))).toHaveLength(15);
    expect(cells(one)).toContain('4:12:2');
    expect(one.text).not.toMatch(/<\/?t[dr]/);
    expect(one.text).toContain('未经复议直接起诉');
  });

  it('tables in Markdown and HTML blocks never share a number', () => {
    const doc = readMarkdown([...HEAD, '| 信息内容 | 本年处理决定数量 |', '|---|---|', '| 行政许可 | 12 |', '', T4].join('\n'));
    const tables = new Set(doc.lines.flatMap((l) => l.tokens.map((t) => t.table)).filter((t) => t !== undefined));
    expect(tables.size).toBe(2);
  });

  it('a table left open is not read as one, and nothing breaks', async () => {
    const open = T4.replace('</table>', '');
    const r = await parseFile('r.md', new TextEncoder().encode([...HEAD, open, '', '## 五、存在的主要问题及改进情况'].join('\n')));
    expect(isFailure(r) ? r.error.code : 'read').not.toBe('internal_error');
    if (!isFailure(r)) {
      // Whatever it takes from the tags, it gives no 表四 figure it did not see in its place.
      for (const [k, v] of Object.entries(r.cells)) if (/^(review|suit_)/.test(k) && v !== null && !r.uncertain[k]) expect([3, 1, 0, 2, 6, 4, 5]).toContain(v);
    }
  });
});

describe('Markdown styling in a pipe cell', () => {
  const t2 = (cells: string[]) => [...HEAD, '## 二、主动公开政府信息情况', '', '| 第二十条第（五）项 |  |', '|---|---|', '| 信息内容 | 本年处理决定数量 |',
    `| 行政许可 | ${cells[0]} |`, '| 第二十条第（六）项 |  |', '| 信息内容 | 本年处理决定数量 |', `| 行政处罚 | ${cells[1]} |`, `| 行政强制 | ${cells[2]} |`].join('\n');

  it('bold, italic and code figures are the figures', async () => {
    const r = await parsedText(t2(['**1,204**', '*35*', '`0`']), 'r.md');
    expect(r.cells['t2.licensing.decisions']).toBe(1204);
    expect(r.cells['t2.punishment.decisions']).toBe(35);
    expect(r.cells['t2.coercion.decisions']).toBe(0);
    for (const k of ['t2.licensing.decisions', 't2.punishment.decisions', 't2.coercion.decisions']) expect(r.uncertain[k], k).toBeUndefined();
  });

  it('an asterisk after a figure stays in doubt (13* may be a smudged 138)', async () => {
    const r = await parsedText(t2(['1204\\*', '35', '0']), 'r.md');
    expect(r.cells['t2.licensing.decisions']).toBeNull();
    expect(r.uncertain['t2.licensing.decisions']).toBeDefined();
  });
});
