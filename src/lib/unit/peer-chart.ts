/**
 * The strip plot of one measure: every peer with a number as a dot along the value axis (spread
 * up and down by a fixed jitter so equal values stay visible), the unit itself as a larger
 * diamond. Scatter series are registered lazily (charts/extras.ts), never on the first screen.
 */
import type { EChartsCoreOption } from 'echarts/core';
import { formatCount, formatRatio, shortUnit } from '../charts/format';
import { baseOption } from '../charts/options';
import type { ChartTable } from '../charts/table';
import type { PeerMeasure, PeerRow, PeerStats } from './peers';
import { PEER_LABELS } from './peers';

export const isRatio = (m: PeerMeasure) => m !== 'received';
export const formatPeer = (m: PeerMeasure) => (isRatio(m) ? formatRatio : formatCount);

/** A fixed height in [-0.8, 0.8] from the unit key: the same dot stays put across redraws. */
function jitter(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return ((h >>> 0) / 0xffffffff - 0.5) * 1.6;
}

export function stripOption(m: PeerMeasure, peers: readonly PeerRow[], stats: PeerStats, unitName: string): EChartsCoreOption {
  const label = PEER_LABELS[m];
  const fmt = formatPeer(m);
  const dots = peers.filter((p) => typeof p.values[m] === 'number');
  const base = baseOption(`${unitName}与同级单位的${label}`) as { aria: { label: Record<string, unknown> } };
  const q = stats.quartiles;
  base.aria.label.description = `${unitName}的${label}为 ${stats.own === null ? '未填报或无法计算' : fmt(stats.own)}；`
    + `${stats.n} 个同级单位有此数字${q ? `，中位数 ${fmt(q[2])}，范围 ${fmt(q[0])}—${fmt(q[4])}` : ''}。`;
  return {
    ...base,
    grid: { left: 16, right: 24, top: 8, bottom: 28 },
    xAxis: isRatio(m)
      ? { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } }
      : { type: 'value', minInterval: 1, scale: true },
    yAxis: { type: 'value', min: -1, max: 1, show: false },
    series: [
      { type: 'scatter', name: '同级单位', symbolSize: 7, itemStyle: { opacity: 0.55 },
        data: dots.map((p) => ({ value: [p.values[m], jitter(p.unit_key)], name: shortUnit(p.unit) })) },
      { type: 'scatter', name: '本单位', symbol: 'diamond', symbolSize: 16, z: 3, itemStyle: { color: '#d55e00', borderColor: '#000', borderWidth: 1 },
        data: stats.own === null ? [] : [{ value: [stats.own, 0], name: shortUnit(unitName) }] },
    ],
  };
}

/** The dots as a table, for export: the unit first, then its peers; a missing figure in words. */
export function stripTable(m: PeerMeasure, peers: readonly PeerRow[], self: PeerRow): ChartTable {
  const row = (p: PeerRow, who: string) => [p.unit, who, p.values[m] ?? '未填报或无法计算'];
  return {
    columns: ['单位', '', PEER_LABELS[m]],
    rows: [row(self, '本单位'), ...peers.map((p) => row(p, '同级单位'))],
    formats: ['text', 'text', isRatio(m) ? 'percent' : 'number'],
  };
}
