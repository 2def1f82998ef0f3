/**
 * npm run mutation [-- group …] — Stryker over the modules that decide numbers, one group at a
 * time (groups in stryker.config.mjs; default checks, measures, csv), then each group's
 * mutation score: the share of deliberate bugs (mutants) that some test catches.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const ALL = ['checks', 'measures', 'csv', 'parse'];
const groups = process.argv.slice(2).length ? process.argv.slice(2) : ['checks', 'measures', 'csv'];
for (const g of groups) if (!ALL.includes(g)) throw new Error(`unknown group ${g}: one of ${ALL.join(', ')}`);

interface Report { files: Record<string, { mutants: { status: string }[] }> }

const rows: string[] = [];
for (const g of groups) {
  const t0 = performance.now();
  const r = spawnSync('npx', ['stryker', 'run'], { stdio: 'inherit', env: { ...process.env, MUTATION_GROUP: g } });
  if (r.status !== 0) throw new Error(`stryker (${g}) failed with status ${r.status}`);
  const minutes = (performance.now() - t0) / 60000;
  const report = JSON.parse(readFileSync(`reports/mutation/${g}.json`, 'utf8')) as Report;
  for (const [file, { mutants }] of Object.entries(report.files)) {
    const n = (s: string) => mutants.filter((m) => m.status === s).length;
    const caught = n('Killed') + n('Timeout');
    const valid = caught + n('Survived') + n('NoCoverage');
    rows.push(`${g.padEnd(9)} ${file.padEnd(32)} ${String(mutants.length).padStart(4)} mutants  ${String(n('Survived')).padStart(3)} survived  ${String(n('NoCoverage')).padStart(3)} untested  score ${(100 * caught / valid).toFixed(1).padStart(5)} %`);
  }
  rows.push(`${g.padEnd(9)} ${'(time)'.padEnd(32)} ${minutes.toFixed(1)} min`);
}
console.log(`\n${rows.join('\n')}`);
