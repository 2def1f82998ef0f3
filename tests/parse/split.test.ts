/** Run-together digits are split by the table's rules, and ambiguity is flagged, not guessed. */
import { describe, expect, it } from 'vitest';
import { readTables } from '../../src/lib/parse/tables';
import { readText } from '../../src/lib/parse/text';
import { shiftDecimal, wanToYuan } from '../../src/lib/parse/numbers';
import { APP_ROWS } from '../../src/lib/format';

/** A glued 2019 表三 whose rows are given as arrays of 7 numbers. */
function gluedReport(rows: Record<string, number[]>, t4 = '000000000000000'): string {
  const t3 = APP_ROWS.filter((r) => r.templates.includes('2019')).map((r) => {
    const v = rows[r.row] ?? [0, 0, 0, 0, 0, 0, 0];
    return `${r.label}${v.join('')}`;
  }).join('');
  return `某某镇人民政府2020年度政府信息公开工作年度报告 二、主动公开政府信息情况 第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章000规范性文件000 三、收到和处理政府信息公开申请情况 申请人情况自然人法人或其他组织总计${t3} 四、政府信息公开行政复议、行政诉讼情况 行政复议结果维持结果纠正其他结果尚未审结总计${t4} 五、存在的主要问题及改进情况`;
}

describe('digit runs', () => {
  it('splits a row whose only reading fits the row sum', () => {
    const doc = readText(gluedReport({ new: [71, 3, 0, 0, 0, 0, 74], total: [71, 3, 0, 0, 0, 0, 74], granted: [71, 3, 0, 0, 0, 0, 74] }));
    const t = readTables(doc.lines, '2019');
    expect(t.cells['apps.new.natural']).toBe(71);
    expect(t.cells['apps.new.commercial']).toBe(3);
    expect(t.cells['apps.new.total']).toBe(74);
    expect(t.uncertain['apps.new.natural']).toBeUndefined();
  });

  it('uses column sums across rows when a row alone admits several splits', () => {
    // "111000012" reads 11|1|…|12 or 1|11|…|12; only the first makes the natural-person
    // column add up to the printed total (11 + 1 = 12).
    const rows = {
      new: [12, 1, 0, 0, 0, 0, 13],
      granted: [11, 1, 0, 0, 0, 0, 12],
      partial: [1, 0, 0, 0, 0, 0, 1],
      total: [12, 1, 0, 0, 0, 0, 13],
    };
    const t = readTables(readText(gluedReport(rows)).lines, '2019');
    expect(t.cells['apps.granted.natural']).toBe(11);
    expect(t.cells['apps.granted.commercial']).toBe(1);
    expect(t.uncertain['apps.granted.natural']).toBeUndefined();
  });

  it('keeps a genuinely ambiguous row open even when every rule holds', () => {
    // 22|0 and 2|20 fit every rule when all rows print the same digits.
    const same = [22, 0, 0, 0, 0, 0, 22];
    const t = readTables(readText(gluedReport({ new: same, granted: same, total: same })).lines, '2019');
    expect(t.cells['apps.granted.natural']).toBeNull();
    expect(t.uncertain['apps.granted.natural']).toMatch(/可能为 .*22/);
  });

  it('flags the cells when more than one split fits every rule', () => {
    const doc = readText(gluedReport({}).replace('规章000', '规章1234'));
    const t = readTables(doc.lines, '2019');
    // 1|2|34, 1|23|4, 12|3|4: 表二 has no rule to choose, so no value is picked.
    expect(t.cells['t2.rules.new_made']).toBeNull();
    expect(t.uncertain['t2.rules.new_made']).toMatch(/可能为/);
  });
});

describe('money', () => {
  it('converts 万元 to 元 exactly', () => {
    expect(wanToYuan('12.5')).toBe(125000);
    expect(wanToYuan('24252.311082')).toBe(242523110.82);
    expect(wanToYuan('9116.36')).toBe(91163600);
    expect(shiftDecimal('-3', 4)).toBe(-30000);
  });
});
