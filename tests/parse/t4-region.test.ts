/**
 * 表四 ends where a table of another kind begins (staff, fees, categories under their own
 * sentence and heads), not only at the next section: red team 8 found such tables' figures
 * read into 表四's region, and all fifteen cells flagged.
 */
import { describe, expect, it } from 'vitest';
import { makeTruth, rng } from '../support/synthetic-figures';
import { tabbed, type Ctx } from '../support/synthetic-layouts';
import { SECTION } from '../support/synthetic-forms';
import { parsedText } from '../support/parse-text';

const REVIEW = /^(review|suit_direct|suit_after_review)\./;

function withTable(seed: number, table: string[]): { text: string; cells: Record<string, number | null> } {
  const r = rng(seed);
  const t = makeTruth(r, '2021', { blanks: 'none' });
  const c: Ctx = { t, r, blank: () => '0' };
  const lines = tabbed(c).text.split('\n');
  const at = lines.indexOf(SECTION.tail[0]);
  lines.splice(at, 0, '', ...table, '');
  return { text: lines.join('\n'), cells: t.cells };
}

describe('a table after 表四, before the next section', () => {
  it.each([
    ['staff', ['政府信息公开工作机构及人员情况如下表：', '机构名称\t专职人员数\t兼职人员数\t培训次数', '政府信息公开工作领导小组办公室\t1\t10\t3', '合计\t4\t2\t1']],
    ['fees', ['本年度收费情况：', '收费项目\t收费金额（元）', '复印费\t120']],
    ['categories', ['按内容分类的申请情况', '类别\t件数', '规划类\t12', '财政类\t8']],
  ])('%s: 表四 read whole, none of that table\'s figures in it', async (_name, table) => {
    for (const seed of [3, 17, 29]) {
      const { text, cells } = withTable(seed, table);
      const r = await parsedText(text);
      for (const k of Object.keys(cells).filter((x) => REVIEW.test(x))) {
        expect(r.uncertain[k], `${seed} ${k}`).toBeUndefined();
        expect(r.cells[k], `${seed} ${k}`).toBe(cells[k]);
      }
    }
  });

  it('a table whose heads are 表四\'s own words stays in 表四\'s region: its cells flagged, never wrong', async () => {
    const { text, cells } = withTable(5, ['上年情况：', '行政复议\t行政诉讼', '3\t1\t0\t2\t6\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0']);
    const r = await parsedText(text);
    for (const k of Object.keys(cells).filter((x) => REVIEW.test(x))) {
      if (!(k in r.uncertain)) expect(r.cells[k], k).toBe(cells[k]);
    }
  });
});
