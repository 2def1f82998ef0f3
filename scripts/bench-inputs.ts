/**
 * Part of npm run bench:parse — how long the inputs that limits.ts guards against take to be
 * refused, and how long the largest accepted inputs take to read (median of 3 runs each).
 * Nothing here is asserted: the limits tests check the refusal codes.
 */
import { readFileSync } from 'node:fs';
import { constants, deflateRawSync } from 'node:zlib';
import { parseFile } from '../src/lib/parse';
import { isFailure } from '../src/lib/format';
import { LIMITS } from '../src/lib/parse/limits';
import { reportPath } from '../src/lib/corpus/gold';
import { manyPagesPdf } from '../tests/support/big-inputs';
import { zipRaw } from '../tests/support/zip';

const enc = (s: string) => new TextEncoder().encode(s);
/** `s` repeated to just under `chars` characters. */
const fill = (s: string, chars: number) => s.repeat(Math.floor(chars / s.length));

const bombBlock = deflateRawSync(Buffer.alloc(1 << 20), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
const bomb = new Uint8Array(Buffer.concat([...Array.from({ length: 1024 }, () => bombBlock), Buffer.from([3, 0])]));
const txt = readFileSync(reportPath('chaihe-2020.txt'), 'utf8');
const html = readFileSync(reportPath('shuyang-fgj-2023.html'), 'utf8');
const fiftyMb = new Uint8Array(50 * 1024 * 1024).fill(0x31);
for (let i = 99; i < fiftyMb.length; i += 100) fiftyMb[i] = 10;

const cases: [string, string, () => Uint8Array][] = [
  ['2,000-page PDF', 'x.pdf', () => manyPagesPdf(2000)],
  ['50 MB text', 'x.txt', () => fiftyMb],
  ['.docx → 1 GB (declared)', 'x.docx', () => zipRaw([{ name: 'word/document.xml', deflated: bomb, size: 1 << 30, crc: 0 }])],
  ['.docx → 1 GB (claims 10 KB)', 'x.docx', () => zipRaw([{ name: 'word/document.xml', deflated: bomb, size: 10_000, crc: 0 }])],
  ['text just over the limit', 'x.txt', () => enc(fill(txt, LIMITS.textChars + txt.length))],
  ['text just under the limit', 'x.txt', () => enc(fill(txt, LIMITS.textChars))],
  ['HTML just under the limit', 'x.html', () => enc(fill(html, LIMITS.htmlChars))],
  ['UTF-16LE report (no BOM)', 'x.txt', () => new Uint8Array(Buffer.from(txt, 'utf16le'))],
];

// pdfjs is loaded once before timing, as the import worker keeps it loaded.
await parseFile('warm.pdf', manyPagesPdf(1));
console.log('\nbounded inputs (median of 3 runs, wall ms, range, and median CPU ms):');
for (const [name, file, make] of cases) {
  const bytes = make();
  const times: number[] = [];
  const cpu: number[] = [];
  let outcome = '';
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const r = await parseFile(file, bytes);
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    outcome = isFailure(r) ? `refused: ${r.error.code}` : `read: ${Object.values(r.cells).filter((v) => v !== null).length} cells`;
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  console.log(`${name.padEnd(30)} ${(bytes.length / 1024 / 1024).toFixed(1).padStart(6)} MB ${times[1].toFixed(0).padStart(7)} ms  (range ${times[0].toFixed(0)}–${times[2].toFixed(0)}; CPU ${cpu[1].toFixed(0)} ms)  ${outcome}`);
}
