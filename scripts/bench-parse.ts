/** npm run bench:parse — reports per second over the corpus, text inputs and PDFs apart. */
import { readFileSync } from 'node:fs';
import { parseFile } from '../src/lib/parse';
import { loadDivisions } from '../src/lib/divisions/load';
import { manifest, reportPath } from '../src/lib/corpus/gold';

const divisions = loadDivisions();
const files = manifest().flatMap((m) => m.inputs).map((f) => ({ f, bytes: new Uint8Array(readFileSync(reportPath(f))) }));
const groups = {
  'text (txt, md, html)': files.filter((x) => !x.f.endsWith('.pdf')),
  pdf: files.filter((x) => x.f.endsWith('.pdf')),
};
const targets: Record<string, number> = { 'text (txt, md, html)': 500, pdf: 10 };

for (const [name, list] of Object.entries(groups)) {
  for (const x of list) await parseFile(x.f, x.bytes, divisions); // warm-up
  const seconds = name === 'pdf' ? 3 : 2;
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) {
    for (const x of list) { await parseFile(x.f, x.bytes, divisions); n++; }
  }
  const rate = n / ((performance.now() - t0) / 1000);
  console.log(`${name.padEnd(22)} ${rate.toFixed(1).padStart(8)} reports/s  (${list.length} files, target ≥ ${targets[name]}) ${rate >= targets[name] ? 'ok' : 'BELOW TARGET'}`);
}
