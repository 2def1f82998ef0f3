/**
 * npm run accuracy:pdftotext — synthetic reports printed to PDF by the real Chromium, extracted
 * by the real pdftotext (poppler-utils) in each of its modes and by pypdf and pdfminer (Debian's
 * python3 packages, tests/support/extractors.ts), then parsed: exact, flagged and
 * wrong cells per mode (wrong = given without a flag and unlike the answer). Layout family 1 of
 * issue 8 measured on what the real tools write rather than on text written to look like it.
 * `-n 12` reports, `--from 1` first seed, `--blanks` prints a share of the cells that are
 * 0 blank (as nothing or as `—`, in both templates; `--blanks-any` any cell, so the sums break;
 * `--blank-as mark|nothing` one spelling only), `-v` lists
 * the flagged cells of each report with the reason, `--keep` keeps the PDFs and texts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshBrowser } from '../tests/support/browser';
import { makeReport } from '../tests/support/synthetic';
import { reportPage } from '../tests/support/html-page';
import { parseFile } from '../src/lib/parse';
import { isFailure } from '../src/lib/format';
import { extractWith, isPythonExtractor } from '../tests/support/extractors';

const arg = (name: string, dflt: number) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : dflt);
const n = arg('-n', 12);
const from = arg('--from', 1);
const verbose = process.argv.includes('-v');
// A report prints a blank for none (`—` or nothing where the figure is 0), and its sums hold;
// `--blanks-any` blanks figures that are not 0 too, so that the report's sums break.
const blanksAny = process.argv.includes('--blanks-any');
const blanks = blanksAny || process.argv.includes('--blanks');
// `--blank-as mark` or `nothing`: every report spells its blanks that way (else half and half).
const blankAs = process.argv.includes('--blank-as') ? process.argv[process.argv.indexOf('--blank-as') + 1] : 'both';
const spelling = (seed: number) => (blankAs === 'mark' ? '—' : blankAs === 'nothing' ? '' : Math.floor(seed / 2) % 2 ? '' : '—');
const keep = process.argv.includes('--keep');
// pdftotext's three modes, and the two Python extractors whose dumps the corpus also holds
// (Debian's python3-pdfminer and python3-pypdf, run with the system python). `--modes a,b` picks.
const allModes = ['default', 'layout', 'raw', 'pdfminer', 'pypdf', 'pymupdf'];
const modes = process.argv.includes('--modes') ? process.argv[process.argv.indexOf('--modes') + 1].split(',') : allModes;

function extract(mode: string, pdf: string, txt: string): void {
  if (isPythonExtractor(mode)) extractWith(mode, pdf, txt);
  else execFileSync('pdftotext', [...(mode === 'default' ? [] : [`-${mode}`]), pdf, txt]);
}

const dir = mkdtempSync(join(tmpdir(), 'gongkai-pdftotext-'));
const browser = await freshBrowser();
const totals = new Map(modes.map((m) => [m, { reports: 0, refused: 0, exact: 0, flagged: 0, wrong: 0, cells: 0 }]));
try {
  for (let seed = from; seed < from + n; seed++) {
    const s = makeReport(seed, seed % 2 ? '2021' : '2019');
    const blanked = new Set(Object.keys(s.cells).filter((k) => blanks && (k.length * 7 + seed) % 5 === 0 && (blanksAny || s.cells[k] === 0)));
    const blank = (k: string) => blanked.has(k);
    for (const k of blanked) s.cells[k] = null;
    const page = await browser.context.newPage();
    await page.setContent(reportPage(s, blanks ? { blank: spelling(seed), blankKeys: blank } : {}));
    const pdf = join(dir, `${seed}.pdf`);
    await page.pdf({ path: pdf, format: 'A4' });
    await page.close();
    for (const mode of modes) {
      const t = totals.get(mode)!;
      const txt = `${pdf}.${mode}.txt`;
      extract(mode, pdf, txt);
      const r = await parseFile('report.txt', readFileSync(txt));
      t.reports++;
      const keys = Object.keys(s.cells);
      t.cells += keys.length;
      if (isFailure(r)) { t.refused++; t.flagged += keys.length; continue; }
      const flagged: string[] = [];
      for (const k of keys) {
        if (k in r.uncertain) { t.flagged++; flagged.push(`${k}: ${r.uncertain[k]}`); }
        else if (r.cells[k] === s.cells[k]) t.exact++;
        else { t.wrong++; console.log(`  ✗ seed ${seed} -${mode} ${k}: ${s.cells[k]} read as ${r.cells[k]}`); }
      }
      if (verbose && flagged.length) console.log(`seed ${seed} ${mode}: ${flagged.length} flagged\n${flagged.map((f) => `    ${f}`).join('\n')}`);
    }
  }
} finally {
  await browser.close();
  if (keep) console.log(`PDFs and texts kept in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
console.log('mode'.padEnd(8), 'reports'.padStart(7), 'refused'.padStart(7), 'exact'.padStart(7), 'flagged'.padStart(7), 'wrong'.padStart(6), 'exact%'.padStart(8));
for (const [mode, t] of totals) {
  console.log(mode.padEnd(8), String(t.reports).padStart(7), String(t.refused).padStart(7), String(t.exact).padStart(7),
    String(t.flagged).padStart(7), String(t.wrong).padStart(6), (100 * t.exact / t.cells).toFixed(2).padStart(8));
}
