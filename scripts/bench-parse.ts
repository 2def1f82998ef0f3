/**
 * npm run bench:parse — reports per second over the corpus, text inputs and PDFs apart; then
 * the PDF reader alone and the division resolver alone (speed is measured here, never asserted in tests).
 */
import { readFileSync } from 'node:fs';
import { parseFile } from '../src/lib/parse';
import { loadDivisions } from '../src/lib/divisions/load';
import { resolveDivision } from '../src/lib/divisions/resolve';
import { readPdf } from '../src/lib/parse/pdf';
import { manifest, reportPath } from '../tests/support/gold';
import { availableParallelism } from 'node:os';
import { parseAll } from '../src/cli/pool';

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

/** Runs `step` over `items` for about `seconds`, after one warm-up pass; items per second. */
async function rate<T>(items: T[], step: (x: T) => unknown, seconds = 2): Promise<number> {
  for (const x of items) await step(x);
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) for (const x of items) { await step(x); n++; }
  return n / ((performance.now() - t0) / 1000);
}

const pdfs = groups.pdf.map((x) => x.bytes);
const pdfRate = await rate(pdfs, (b) => readPdf(b));
console.log(`${'readPdf alone'.padEnd(22)} ${pdfRate.toFixed(1).padStart(8)} PDFs/s     (${pdfs.length} files, target ≥ 3)`);
const titles = manifest().map((m) => ({ unit: m.unit, text: new TextDecoder().decode(files.find((x) => x.f === m.inputs[0])?.bytes ?? new Uint8Array()) }));
const divRate = await rate(titles, (t) => resolveDivision(t, divisions));
console.log(`${'division resolution'.padEnd(22)} ${divRate.toFixed(0).padStart(8)} reports/s  (${titles.length} reports, target ≥ 2000)`);

// gongkai build's worker pool, one thread per core: what a directory of reports is parsed at.
// Workers start cold (loader, pdfjs, divisions), so the start-up is inside the figure.
const threads = availableParallelism();
for (const [name, list] of Object.entries(groups)) {
  const jobs = Array.from({ length: name === 'pdf' ? 20 : 40 }, () => list).flat().map((x) => ({ path: reportPath(x.f), name: x.f }));
  const t0 = performance.now();
  await parseAll(jobs, threads, () => undefined);
  const rate = jobs.length / ((performance.now() - t0) / 1000);
  console.log(`${`${name}, ${threads} threads`.padEnd(22)} ${rate.toFixed(1).padStart(8)} reports/s  (${jobs.length} files through gongkai build's worker pool, start-up included)`);
}
