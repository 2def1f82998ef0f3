/**
 * A row whose 总计 cell is blank while its figures sum to more. Where the figures also break their
 * columns' sums, the row lost a cell at its start and every figure stands one column off its head
 * (a table whose last row's label does not span both label columns): the whole row is in doubt.
 * Where the columns check, only the total was left out (the corpus's 上海科委 2024 prints such a
 * row), and the figures stand.
 */
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/lib/parse';
import { isFailure } from '../../src/lib/format';
import { heading, makeReport, printed, printedRows, T2_HEAD, T4_HEAD, TAIL, type Synthetic } from '../support/synthetic';

const ROW = 'apps.carried_forward';

/** The report as Markdown tables; `last` replaces the cells of 表三's last row. */
function markdown(s: Synthetic, last: string[]): string {
  const rows = printedRows(s);
  const pipe = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const t3 = rows.filter((r) => r.table === 't3').map((r) => pipe([r.label, ...(r.keys[0].startsWith(ROW) ? last : r.keys.map((k) => printed(s, k)))]));
  return [heading(s), T2_HEAD[s.template].split('\n')[0], pipe(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']), pipe(['---', '---', '---', '---']),
    ...rows.filter((r) => r.table === 't2').map((r) => pipe([r.label, ...r.keys.map((k) => printed(s, k))])),
    '三、收到和处理政府信息公开申请情况', pipe(['', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']), pipe(Array(8).fill('---')), ...t3,
    T4_HEAD, rows.find((r) => r.table === 't4')!.keys.map((k) => printed(s, k)).join(' '), TAIL].join('\n');
}

/** Seeds whose 结转下年度 row has 自然人 0 and figures elsewhere. */
function seeds(): Synthetic[] {
  const out: Synthetic[] = [];
  for (let seed = 1; out.length < 4 && seed < 500; seed++) {
    const s = makeReport(seed, '2021');
    const keys = printedRows(s).find((r) => r.keys[0]?.startsWith(ROW))!.keys;
    if (s.cells[keys[0]] === 0 && keys.slice(1, -1).some((k) => (s.cells[k] ?? 0) > 0)) out.push(s);
  }
  return out;
}

async function parse(text: string) {
  const r = await parseFile('r.md', new TextEncoder().encode(text));
  if (isFailure(r)) throw new Error(r.error.message);
  return r;
}

describe('a row printed with its 总计 blank', () => {
  it('one cell short at its start (figures one column left): every cell of the row in doubt, none wrong', async () => {
    const found = seeds();
    expect(found.length).toBe(4);
    for (const s of found) {
      const keys = printedRows(s).find((r) => r.keys[0].startsWith(ROW))!.keys;
      // 自然人's empty cell lost: the others slide left, 总计 lands under 其他.
      const r = await parse(markdown(s, [...keys.slice(1).map((k) => printed(s, k)), '']));
      for (const k of keys) {
        expect(r.uncertain[k], k).toBeTruthy();
        expect(r.cells[k], k).toBeNull();
      }
    }
  });

  it('every figure in its column, only 总计 left blank: the figures stand, the total is flagged', async () => {
    for (const s of seeds()) {
      const keys = printedRows(s).find((r) => r.keys[0].startsWith(ROW))!.keys;
      const r = await parse(markdown(s, [...keys.slice(0, -1).map((k) => printed(s, k)), '']));
      for (const k of keys.slice(0, -1)) expect(r.cells[k], k).toBe(s.cells[k]);
      expect(r.uncertain[keys[keys.length - 1]]).toMatch(/应为/);
    }
  });
});
