/**
 * npm run accuracy:synthetic — every layout family of issue 8 over many random reports:
 * exact, flagged and wrong cells per family (wrong = a value or blank given without a flag
 * that differs from the answer). `-n 200` sets the reports per family, `--from 5000` the first
 * seed (1000 unless given: other seeds are reports no test has seen), `--only f1,f1f` runs those
 * families alone, `-v` lists wrong cells.
 */
import { FAMILIES } from '../tests/support/synthetic-families';
import { exactRate, runFamily } from '../tests/support/synthetic-run';

const n = Number(process.argv[process.argv.indexOf('-n') + 1]) || 100;
const verbose = process.argv.includes('-v');
const from = process.argv.includes('--from') ? Number(process.argv[process.argv.indexOf('--from') + 1]) : 1000;
if (!Number.isInteger(from)) throw new Error('--from takes a whole number, the first seed');
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1].split(',') : null;
const seeds = Array.from({ length: n }, (_, i) => from + i);
console.log('family'.padEnd(6), 'reports'.padStart(7), 'refused'.padStart(7), 'exact'.padStart(7), 'flagged'.padStart(7), 'wrong'.padStart(6), 'exact%'.padStart(8), ' layout');
let wrong = 0;
for (const f of FAMILIES.filter((f) => !only || only.includes(f.id))) {
  const s = await runFamily(f, seeds);
  wrong += s.wrong.length;
  const pct = (100 * exactRate(s)).toFixed(2);
  console.log(f.id.padEnd(6), String(s.reports).padStart(7), String(s.refused).padStart(7), String(s.exact).padStart(7),
    String(s.flagged).padStart(7), String(s.wrong.length).padStart(6), pct.padStart(8), ` ${f.title}${f.readable ? '' : '（人也读不全，只要求不出错）'}`);
  if (verbose) for (const w of s.wrong.slice(0, 40)) console.log('   ✗', w);
}
console.log(`wrong cells without a flag, all families: ${wrong}`);
