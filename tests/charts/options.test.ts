import { describe, expect, it } from 'vitest';
import { Table, vectorFromArray, Float64, Utf8, Int32 } from 'apache-arrow';
import { formatCount, formatRatio, formatYuan, NOT_REPORTED } from '../../src/lib/charts/format';
import { column, fromRecords } from '../../src/lib/data/columns';
import { headGrid, headRows, headlineOption, headlineTable } from '../../src/lib/overview/chart';

type Opt = Record<string, any>;

/** 甲镇 titled two ways (one body), 乙镇 with no 2021 report and a 2022 report that handled 0. */
const records = [
  { report_id: 'a-2021', unit_key: 'a', unit: '甲镇人民政府', year: 2021, received: 12, handled: 10, disclosure_rate: 0.5, n_findings: 2, origin: 'shipped' },
  { report_id: 'a-2022', unit_key: 'a', unit: '某县甲镇人民政府', year: 2022, received: null, handled: 4, disclosure_rate: null, n_findings: 0, origin: 'user' },
  { report_id: 'b-2022', unit_key: 'b', unit: '乙镇人民政府', year: 2022, received: 0, handled: 0, disclosure_rate: null, n_findings: 0, origin: 'shipped' },
];

describe('overview charts', () => {
  const grid = headGrid(headRows(fromRecords(records)));
  const received = headlineOption(grid, 'received') as Opt;
  const rate = headlineOption(grid, 'rate') as Opt;

  it('gives each body one name (its latest title) and one bar group, a bar per year', () => {
    expect(grid.units).toEqual([{ key: 'a', label: '某县甲镇' }, { key: 'b', label: '乙镇' }]);
    expect(received.dataset.source).toEqual({ label: ['某县甲镇', '乙镇'], s0: [12, null], s1: [null, 0] });
    expect(received.series.map((s: Opt) => [s.type, s.name])).toEqual([['bar', '2021'], ['bar', '2022']]);
    // One value axis: no twin axes to misalign.
    expect(Array.isArray(received.yAxis)).toBe(false);
  });

  it('draws 公开率 as bars per body and year on its own 0–100 % axis, never a line joining two bodies', () => {
    expect(rate.series.every((s: Opt) => s.type === 'bar')).toBe(true);
    expect(rate.dataset.source.s0).toEqual([0.5, null]);
    expect([rate.yAxis.min, rate.yAxis.max]).toEqual([0, 1]);
  });

  it('names every gap by its state for screen readers and tooltips', () => {
    expect(received.aria.label.description).toBe(
      '这是一个关于“各单位历年收到申请数”的图表。2021——某县甲镇：12 件，乙镇：无此年报；2022——某县甲镇：未填报，乙镇：0 件。',
    );
    expect(rate.aria.label.description).toContain('乙镇：无法计算（0 件）');
    const tip = rate.tooltip.formatter([{ seriesIndex: 0, dataIndex: 0, axisValueLabel: '某县甲镇', marker: '' }]);
    expect(tip).toContain('50.0%');
    expect(tip).toContain('n = 10 件');
    expect(tip).toContain('2 处勾稽不符');
    const user = received.tooltip.formatter([{ seriesIndex: 1, dataIndex: 0, axisValueLabel: '某县甲镇', marker: '' }]);
    expect(user).toContain('未填报');
    expect(user).toContain('我的报告（导入）');
  });

  it('marks small n, 勾稽 findings and imported figures beside the drawn value', () => {
    expect(rate.series[0].label.formatter({ dataIndex: 0 })).toBe('※');
    expect(received.series[1].label.formatter({ dataIndex: 0 })).toBe('导入');
  });

  it('exports one row per report, states in words, origin per row', () => {
    const t = headlineTable(headRows(fromRecords(records)));
    expect(t.rows).toEqual([
      ['甲镇人民政府', 2021, 12, 10, 0.5],
      ['某县甲镇人民政府', 2022, '未填报', 4, '未填报'],
      ['乙镇人民政府', 2022, 0, 0, '无法计算（0 件）'],
    ]);
    expect(t.origin).toEqual(['shipped', 'user', 'shipped']);
  });

  it('draws one body over its years (the unit page)', () => {
    const one = headlineOption(headGrid(headRows(fromRecords(records.slice(0, 2)))), 'rate') as Opt;
    expect(one.dataset.source.label).toEqual(['2021', '2022']);
    expect(one.series).toHaveLength(1);
  });

  it('reads an Arrow table the same way, without turning null into 0', () => {
    const t = new Table({
      report_id: vectorFromArray(['a-2021', 'a-2022'], new Utf8()),
      unit_key: vectorFromArray(['a', 'a'], new Utf8()),
      unit: vectorFromArray(['甲镇人民政府', '甲镇人民政府'], new Utf8()),
      year: vectorFromArray([2021, 2022], new Int32()),
      received: vectorFromArray([12, null], new Float64()),
      handled: vectorFromArray([10, 4], new Float64()),
      disclosure_rate: vectorFromArray([0.5, null], new Float64()),
    });
    expect(column(t, 'received')).toEqual([12, null]);
    expect((headlineOption(headGrid(headRows(t)), 'received') as Opt).dataset.source.s0).toEqual([12, null]);
  });
});

describe('formatting', () => {
  it('never prints a missing number as 0', () => {
    for (const f of [formatCount, formatYuan, formatRatio]) {
      expect(f(null)).toBe(NOT_REPORTED);
      expect(f(undefined)).toBe(NOT_REPORTED);
      expect(f(Number.NaN)).toBe(NOT_REPORTED);
    }
    expect(NOT_REPORTED).toBe('未填报');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(3119)).toBe('3,119');
  });

  it('gives every percentage one decimal', () => {
    expect([formatRatio(0), formatRatio(0.4), formatRatio(0.2571)]).toEqual(['0.0%', '40.0%', '25.7%']);
  });

  it('reads money in 元, 万元 or 亿元 as Chinese readers expect', () => {
    expect(formatYuan(9800)).toBe('9,800 元');
    expect(formatYuan(125000)).toBe('12.5 万元');
    expect(formatYuan(77302800)).toBe('7,730.28 万元');
    expect(formatYuan(1000000000)).toBe('10 亿元');
  });
});
