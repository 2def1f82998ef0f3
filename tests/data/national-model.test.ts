/** The national view's places and bars (src/lib/national/model.ts), on rows written out by hand. */
import { describe, expect, it } from 'vitest';
import { chartBars, childLevel, placesUnder, yearsOf, type TierRow } from '../../src/lib/national/model';

const row = (code: string, year: number, received: number | null, extra: Partial<TierRow> = {}): TierRow =>
  ({ code, year, reports: 1, received, handled: null, granted: null, review_corrected: null, findings: null, ...extra });
const NAMES = { 32: '江苏省', 33: '浙江省', 34: '安徽省', 3208: '淮安市' };

describe('the national view\'s places', () => {
  it('goes 全国 → provinces → cities → counties → bodies', () => {
    expect(['', '32', '3208', '320813'].map(childLevel)).toEqual([2, 4, 6, 'bodies']);
  });

  it('lists the places of the year, largest first, a place without the figure last and never as 0', () => {
    const rows = [row('32', 2024, 10), row('33', 2024, null), row('34', 2024, 30), row('32', 2023, 99)];
    expect(placesUnder('', 2024, 'received', rows, NAMES).map((p) => [p.name, p.value])).toEqual([['安徽省', 30], ['江苏省', 10], ['浙江省', null]]);
    expect(yearsOf(rows)).toEqual([2024, 2023]);
  });

  it('under a county lists its bodies, the county\'s own too, each by its name', () => {
    const rows = [row('320813', 2024, 95, { unit: '洪泽区人民政府', unit_key: 'a' }), row('320813101', 2024, 3, { unit: '高良涧街道办事处', unit_key: 'b' }),
      row('320812', 2024, 7, { unit: '别的区', unit_key: 'c' })];
    expect(placesUnder('320813', 2024, 'received', rows, NAMES).map((p) => [p.code, p.name, p.value])).toEqual([['a', '洪泽区人民政府', 95], ['b', '高良涧街道办事处', 3]]);
  });

  it('draws the largest places and sums the rest into one bar', () => {
    const places = [50, 40, 30, 20, 10].map((v, i) => ({ code: String(i), name: `地${i}`, value: v, reports: 1 }));
    expect(chartBars(places, 2)).toEqual([{ label: '地0', value: 50 }, { label: '地1', value: 40 }, { label: '其余 3 个合计', value: 60 }]);
    expect(chartBars(places, 5)).toHaveLength(5);
  });
});
