import { describe, expect, it } from 'vitest';
import {
  barsOption, compositionOption, linesOption, multiplesOption, niceMax, partsOption, partsTable, pivotTable, shares,
  type MeasureLook, type Part,
} from '../../src/lib/charts/compare';
import { fromRecords } from '../../src/lib/data/columns';
import { pivot, ranking, cellText, type UnitInfo } from '../../src/lib/compare/pivot';
import { formatCount } from '../../src/lib/charts/format';

type Opt = Record<string, any>;

const unit = (key: string, name: string, years: number[]): UnitInfo => ({
  key, unit: name, titles: [name], division_name: null, province_code: null, city_code: null, county_code: null, level: 'township', years,
});
const UNITS = [unit('a', '甲镇人民政府', [2020, 2021, 2022]), unit('b', '乙镇人民政府', [2021, 2022])];
/** 甲镇 2020 is a 2019-template report (no such figure), 乙镇 2021 leaves it blank, 乙镇 has no 2020 report. */
const ROWS = fromRecords([
  { report_id: 'a-2020', unit_key: 'a', year: 2020, template: '2019', value: null },
  { report_id: 'a-2021', unit_key: 'a', year: 2021, template: '2021', value: 10 },
  { report_id: 'a-2022', unit_key: 'a', year: 2022, template: '2021', value: 15 },
  { report_id: 'b-2021', unit_key: 'b', year: 2021, template: '2021', value: null },
  { report_id: 'b-2022', unit_key: 'b', year: 2022, template: '2021', value: 0 },
]);
const COUNT: MeasureLook = { label: '收到申请', format: 'count', unit: '件' };
const RATE: MeasureLook = { label: '公开率', format: 'ratio', unit: '%' };
const P = pivot(ROWS, UNITS, [2020, 2021, 2022], ['2021']);

describe('pivot', () => {
  it('keeps 无此年报, 未填报 and 表格无此项 apart, and a printed 0 as 0', () => {
    expect(P.units.map((u) => u.label)).toEqual(['甲镇', '乙镇']);
    expect(P.values).toEqual([['absent', 10, 15], [undefined, null, 0]]);
    expect(cellText(P.values[0][0], formatCount)).toBe('表格无此项');
    expect(cellText(P.values[1][0], formatCount)).toBe('无此年报');
    expect(cellText(P.values[1][1], formatCount)).toBe('未填报');
  });

  it('tells a ratio over 0 (无法计算（0 件）) from a blank, and keeps its n', () => {
    const r = pivot(fromRecords([
      { report_id: 'z', unit_key: 'a', year: 2021, template: '2021', value: null, base: 0, n_findings: 0, origin: 'shipped' },
      { report_id: 'y', unit_key: 'b', year: 2021, template: '2021', value: 0.5, base: 2, n_findings: 1, origin: 'user' },
    ]), UNITS, [2021], ['2021']);
    expect(r.values).toEqual([['zero'], [0.5]]);
    expect(cellText(r.values[0][0], formatCount)).toBe('无法计算（0 件）');
    expect(r.notes[1][0]).toEqual({ report_id: 'y', n: 2, findings: 1, user: true });
    const o = linesOption('t', r, RATE) as Opt;
    expect(o.series[1].label.formatter({ dataIndex: 0 })).toBe('n=2 ※ 导入');
    const tip = o.tooltip.formatter([{ seriesIndex: 0, dataIndex: 0, axisValueLabel: '2021' }, { seriesIndex: 1, dataIndex: 0, axisValueLabel: '2021' }]);
    expect(tip).toContain('甲镇：<b>无法计算（0 件）</b>');
    expect(tip).toContain('乙镇：<b>50.0%</b>');
    expect(tip).toContain('n = 2 件');
  });

  it('ranks by the year, highest first, with the change from the year before', () => {
    const r = ranking(P, 2022);
    expect(r.map((x) => [x.key, x.value, x.previous, x.change, x.changeRatio])).toEqual([
      ['a', 15, 10, 5, 0.5],
      ['b', 0, null, null, null],
    ]);
    // A zero last year gives a change but no ratio.
    const z = ranking(pivot(fromRecords([
      { report_id: 'x', unit_key: 'b', year: 2021, template: '2021', value: 0 },
      { report_id: 'y', unit_key: 'b', year: 2022, template: '2021', value: 4 },
    ]), UNITS, [2021, 2022], ['2021']), 2022);
    expect([z[0].change, z[0].changeRatio]).toEqual([4, null]);
  });
});

describe('mark keys in the legend', () => {
  // 甲镇 2021 has 2 勾稽 findings and a base of 3 cases; 乙镇 2022 was imported by the user.
  const MARKED = fromRecords([
    { report_id: 'a-2021', unit_key: 'a', year: 2021, template: '2021', value: 0.5, base: 3, n_findings: 2, origin: 'shipped' },
    { report_id: 'b-2021', unit_key: 'b', year: 2021, template: '2021', value: 0.2, base: 40, n_findings: 0, origin: 'shipped' },
    { report_id: 'b-2022', unit_key: 'b', year: 2022, template: '2021', value: 0.25, base: 40, n_findings: 0, origin: 'user' },
  ]);
  const M = pivot(MARKED, UNITS, [2021, 2022], ['2021']);

  it('names exactly the marks the chart draws', () => {
    expect((barsOption('t', M, 2021, RATE) as Opt).markKeys).toEqual(['n=… 比率的分母（不足 10 件时标出）', '※ 该报告有勾稽不符']);
    expect((barsOption('t', M, 2022, RATE) as Opt).markKeys).toEqual(['导入 我的报告（在本浏览器导入）']);
    expect((linesOption('t', M, RATE) as Opt).markKeys).toEqual(['n=… 比率的分母（不足 10 件时标出）', '※ 该报告有勾稽不符', '导入 我的报告（在本浏览器导入）']);
    // A count has no n to show.
    expect((linesOption('t', M, COUNT) as Opt).markKeys).toEqual(['※ 该报告有勾稽不符', '导入 我的报告（在本浏览器导入）']);
    // Nothing marked, nothing explained.
    expect((linesOption('t', P, COUNT) as Opt).markKeys).toEqual([]);
  });

  it('asks for label events on category axes, so a cut name can be shown whole', () => {
    expect((barsOption('t', P, 2021, COUNT) as Opt).xAxis.triggerEvent).toBe(true);
  });
});

describe('comparison option builders', () => {
  it('bars: one bar per body for the year, nulls not drawn as 0, a gap labelled with its state', () => {
    const o = barsOption('t', P, 2021, COUNT) as Opt;
    expect(o.dataset.source).toEqual({ unit_key: ['a', 'b'], label: ['甲镇', '乙镇'], value: [10, null] });
    expect(o.series).toHaveLength(1);
    expect(o.aria.label.description).toContain('乙镇：未填报');
    expect(o.xAxis.axisLabel.formatter('乙镇', 1)).toBe('乙镇\n（未填报）');
    expect((barsOption('t', P, 2020, COUNT) as Opt).xAxis.axisLabel.formatter('乙镇', 1)).toBe('乙镇\n（无此年报）');
    expect(o.tooltip.formatter([{ seriesIndex: 0, dataIndex: 0, axisValueLabel: '甲镇' }])).toContain('10 件');
  });

  it('lines: one line per body over the years, gaps kept', () => {
    const o = linesOption('t', P, COUNT) as Opt;
    expect(o.dataset.source).toEqual({ year: ['2020', '2021', '2022'], a: [null, 10, 15], b: [null, null, 0] });
    expect(o.series.map((s: Opt) => [s.name, s.encode.y, s.connectNulls])).toEqual([['甲镇', 'a', false], ['乙镇', 'b', false]]);
  });

  it('ratios get a 0–100 % axis', () => {
    const o = linesOption('t', P, RATE) as Opt;
    expect([o.yAxis.min, o.yAxis.max, o.yAxis.axisLabel.formatter(0.5)]).toEqual([0, 1, '50%']);
  });

  it('money axes read in 万元 or 亿元, the data staying in 元', () => {
    const big = pivot(fromRecords([{ report_id: 'r', unit_key: 'a', year: 2021, template: '2021', value: 77302800 }]), UNITS, [2021], ['2021']);
    const o = linesOption('t', big, { label: '金额', format: 'yuan', unit: '元' }) as Opt;
    expect([o.yAxis.name, o.yAxis.axisLabel.formatter(50000000)]).toEqual(['万元', '5000']);
    expect(o.dataset.source.a).toEqual([77302800]);
  });

  it('small multiples: one grid per body, all with the same maximum', () => {
    const o = multiplesOption('t', P, COUNT) as Opt;
    expect(o.grid).toHaveLength(2);
    expect(o.yAxis.map((y: Opt) => y.max)).toEqual([20, 20]);
    expect(o.xAxis.map((x: Opt) => x.name)).toEqual(['甲镇', '乙镇']);
    expect(o.series.map((s: Opt) => [s.xAxisIndex, s.yAxisIndex, s.encode.y])).toEqual([[0, 0, 'a'], [1, 1, 'b']]);
    expect([niceMax(0), niceMax(7), niceMax(15), niceMax(218), niceMax(1000)]).toEqual([1, 10, 20, 500, 1000]);
  });

  const counts: Part[] = [
    { id: 'granted', label: '予以公开', values: [3, 0, null] },
    { id: 'partial', label: '部分公开', values: [1, 0, 2] },
  ];

  it('composition: shares of the sum, none where a part is missing or the sum is 0', () => {
    expect(shares(counts).map((p) => p.values)).toEqual([[0.75, null, null], [0.25, null, null]]);
    const o = compositionOption('t', ['甲 2021', '乙 2021', '丙 2021'], counts) as Opt;
    expect(o.series.every((s: Opt) => s.stack === 'all')).toBe(true);
    expect(o.dataset.source.granted).toEqual([0.75, null, null]);
    expect(o.yAxis.max).toBe(1);
  });

  it('parts: side by side, one stack, or a stack per group', () => {
    const stackOf = (o: Opt) => o.series.map((s: Opt) => s.stack);
    expect(stackOf(partsOption('t', ['x'], counts, COUNT, false) as Opt)).toEqual([undefined, undefined]);
    expect(stackOf(partsOption('t', ['x'], counts, COUNT, (id) => id.slice(0, 1)) as Opt)).toEqual(['g', 'p']);
  });

  it('chart tables: one row per body and year, ratios exact (0–1, percent format), empties in words', () => {
    const t = pivotTable(P, COUNT);
    expect(t.columns).toEqual(['单位', '年度', '收到申请']);
    expect(t.rows).toEqual([
      ['甲镇', 2020, '表格无此项'], ['甲镇', 2021, 10], ['甲镇', 2022, 15],
      ['乙镇', 2020, '无此年报'], ['乙镇', 2021, '未填报'], ['乙镇', 2022, 0],
    ]);
    expect(t.units).toEqual([undefined, undefined, '件']);
    expect(t.origin).toEqual(['shipped', 'shipped', 'shipped', null, 'shipped', 'shipped']);
    const rate = pivot(fromRecords([{ report_id: 'r', unit_key: 'a', year: 2021, template: '2021', value: 0.57 }]), UNITS, [2021], ['2021']);
    const rt = pivotTable(rate, RATE);
    expect(rt.rows).toEqual([['甲镇', 2021, 0.57]]);
    expect(rt.formats).toEqual(['text', 'text', 'percent']);
    expect(partsTable('单位 · 年度', ['x', 'y', 'z'], counts).rows[2]).toEqual(['z', '未填报', 2]);
  });
});
