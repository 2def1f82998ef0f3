/** npm run accuracy — parses every corpus input and counts exact, flagged and wrong cells. */
import { readFileSync } from 'node:fs';
import { isFailure } from '../src/lib/format';
import { parseFile } from '../src/lib/parse';
import { loadDivisions } from '../src/lib/divisions/load';
import { gold, manifest, reportPath, score } from '../tests/support/gold';

const verbose = process.argv.includes('-v');
const divisions = loadDivisions();
let total = { exact: 0, flagged: 0, wrong: 0, files: 0, identity: 0 };
console.log('file'.padEnd(36), 'exact'.padStart(6), 'flagged'.padStart(8), 'wrong'.padStart(6), ' identity');
for (const m of manifest()) {
  const g = gold(m.id);
  for (const f of m.inputs) {
    const r = await parseFile(f, new Uint8Array(readFileSync(reportPath(f))), divisions);
    total.files++;
    if (isFailure(r)) {
      console.log(f.padEnd(36), `refused: ${r.error.message}`);
      total.wrong += Object.keys(g.cells).length;
      continue;
    }
    const s = score(r, g);
    total.exact += s.exact; total.flagged += s.flagged; total.wrong += s.wrong.length;
    total.identity += s.identityErrors.length;
    console.log(f.padEnd(36), String(s.exact).padStart(6), String(s.flagged).padStart(8), String(s.wrong.length).padStart(6), ' ', s.identityErrors.join('; ') || 'ok');
    if (verbose) for (const w of s.wrong) console.log('      ✗', w);
  }
}
console.log(`total: ${total.files} files, ${total.exact} exact, ${total.flagged} flagged, ${total.wrong} wrong, ${total.identity} identity errors`);
