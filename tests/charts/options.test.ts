import { describe, expect, it } from 'vitest';
import { Table, vectorFromArray, Float64, Utf8, Int32 } from 'apache-arrow';
import { headlineOption, reportLabels } from '../../src/lib/charts/options';
import { formatCount, formatRatio, formatYuan, NO_RATIO, NOT_REPORTED } from '../../src/lib/charts/format';
import { column, fromRecords } from '../../src/lib/data/columns';

type Opt = Record<string, any>;

const records = [
  { report_id: 'a-2021', unit: '甲镇人民政府', year: 2021, received: 12, handled: 10, disclosure_rate: 0.5 },
  { report_id: 'a-2022', unit: '甲镇人民政府', year: 2022, received: null, handled: 0, disclosure_rate: null },
];

describe('headlineOption', () => {
  const opt = headlineOption(fromRecords(records)) as Opt;

  it('puts the query columns into a keyed-column dataset, nulls kept', () => {
    expect(opt.dataset.source.report_id).toEqual(['a-2021', 'a-2022']);
    expect(opt.dataset.source.received).toEqual([12, null]);
    expect(opt.dataset.source.disclosure_rate).toEqual([0.5, null]);
    expect(opt.dataset.source.label).toEqual(['甲镇 2021', '甲镇 2022']);
  });

  it('draws bars of received and a line of the rate on its own axis', () => {
    expect(opt.series.map((s: Opt) => [s.type, s.encode.y, s.yAxisIndex])).toEqual([
      ['bar', 'received', 0],
      ['line', 'disclosure_rate', 1],
    ]);
    expect(opt.series[1].connectNulls).toBe(false);
  });

  it('describes itself to screen readers with decals, and exports on white', () => {
    expect(opt.aria).toMatchObject({ enabled: true, decal: { show: true } });
    expect(opt.aria.label.general.withoutTitle).toContain('收到申请数与公开率');
    expect(opt.aria.label.description).toBe(
      '这是一个关于“各单位各年度收到申请数与公开率”的图表。收到申请——甲镇 2021：12，甲镇 2022：未报告；公开率——甲镇 2021：50%，甲镇 2022：—。',
    );
    expect(opt.backgroundColor).toBe('#ffffff');
  });

  it('leaves gaps for missing values instead of plotting 0', () => {
    expect(opt.series[0].encode.y).toBe('received');
    expect(opt.dataset.source.received[1]).toBeNull();
  });

  it('reads an Arrow table the same way, without turning null into 0', () => {
    const t = new Table({
      report_id: vectorFromArray(['a-2021', 'a-2022'], new Utf8()),
      unit: vectorFromArray(['甲镇人民政府', '甲镇人民政府'], new Utf8()),
      year: vectorFromArray([2021, 2022], new Int32()),
      received: vectorFromArray([12, null], new Float64()),
      disclosure_rate: vectorFromArray([0.5, null], new Float64()),
    });
    expect(column(t, 'received')).toEqual([12, null]);
    const fromArrow = headlineOption(t) as Opt;
    expect(fromArrow.dataset.source).toEqual(opt.dataset.source);
  });
});

describe('formatting', () => {
  it('never prints a missing number as 0', () => {
    for (const f of [formatCount, formatYuan]) {
      expect(f(null)).toBe(NOT_REPORTED);
      expect(f(undefined)).toBe(NOT_REPORTED);
      expect(f(Number.NaN)).toBe(NOT_REPORTED);
    }
    // A ratio over a 0 or missing denominator is empty: neither 0% nor NaN.
    for (const v of [null, undefined, Number.NaN]) expect(formatRatio(v)).toBe(NO_RATIO);
    expect(formatCount(0)).toBe('0');
    expect(formatCount(3119)).toBe('3,119');
    expect(formatRatio(0)).toBe('0%');
    expect(formatYuan(125000)).toBe('125,000 元');
  });

  it('labels reports by short unit name and year', () => {
    expect(reportLabels(['洪泽区人民政府', '上海市科委'], [2023, 2024])).toEqual(['洪泽区 2023', '上海市科委 2024']);
  });
});
