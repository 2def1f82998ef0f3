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

// A batch (gongkai build) parses thousands of files in one process: the rate that counts is
// the one after the JIT has compiled the parser, so two seconds of warm-up come first. The first
// pass, cold, is printed too: it is what one import in a fresh page pays.
for (const [name, list] of Object.entries(groups)) {
  const c0 = performance.now();
  for (const x of list) await parseFile(x.f, x.bytes, divisions);
  const cold = list.length / ((performance.now() - c0) / 1000);
  const w0 = performance.now();
  while (performance.now() - w0 < 2000) for (const x of list) await parseFile(x.f, x.bytes, divisions);
  const seconds = name === 'pdf' ? 5 : 4;
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) {
    for (const x of list) { await parseFile(x.f, x.bytes, divisions); n++; }
  }
  const rate = n / ((performance.now() - t0) / 1000);
  console.log(`${name.padEnd(22)} ${rate.toFixed(1).padStart(8)} reports/s  (${list.length} files, warm, target ≥ ${targets[name]}) ${rate >= targets[name] ? 'ok' : 'BELOW TARGET'}; first pass, cold: ${cold.toFixed(1)}/s`);
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
// The same with every embedded font program handed to pdf.js (parse/pdf/fonts.ts leaves out
// those text extraction does not need): what that saves.
const allFonts = await rate(pdfs, (b) => readPdf(b, { fontPrograms: 'all' }));
console.log(`${'  … every font program'.padEnd(22)} ${allFonts.toFixed(1).padStart(8)} PDFs/s     (pdf.js parses and repairs every embedded font)`);
const titles = manifest().map((m) => ({ unit: m.unit, text: new TextDecoder().decode(files.find((x) => x.f === m.inputs[0])?.bytes ?? new Uint8Array()) }));
const divRate = await rate(titles, (t) => resolveDivision(t, divisions));
console.log(`${'division resolution'.padEnd(22)} ${divRate.toFixed(0).padStart(8)} reports/s  (${titles.length} reports, target ≥ 2000)`);

// gongkai build's worker pool, one thread per core: what a directory of reports is parsed at.
// Each worker starts cold (TypeScript loader, pdfjs, the division table): the start-up (until
// every worker has returned a file) is printed apart from the rate after it.
const threads = availableParallelism();
for (const [name, list] of Object.entries(groups)) {
  const jobs = Array.from({ length: name === 'pdf' ? 20 : 150 }, () => list).flat().map((x) => ({ path: reportPath(x.f), name: x.f }));
  const t0 = performance.now();
  const done: number[] = [];
  await parseAll(jobs, threads, () => done.push(performance.now()));
  const started = done[threads - 1];
  const rate = (jobs.length - threads) / ((done[done.length - 1] - started) / 1000);
  console.log(`${`${name}, ${threads} threads`.padEnd(22)} ${rate.toFixed(1).padStart(8)} reports/s  (${jobs.length} files through gongkai build's worker pool; start-up ${((started - t0) / 1000).toFixed(1)} s before that)`);
}
