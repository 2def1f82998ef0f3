/**
 * Damage done to a report's text the way copying, converting and bad storage do it: cut
 * short, lines shuffled, long digit runs, separators dropped or added, bytes flipped. Each
 * keeps the printed figures themselves (no digit is turned into another digit), so the
 * answer key still holds for every cell the parser claims to know.
 */
import { rng } from './synthetic-figures';

export type Perturbation = (bytes: Uint8Array, seed: number) => Uint8Array;

const enc = new TextEncoder();
const lines = (b: Uint8Array) => new TextDecoder().decode(b).split('\n');
const join = (ls: string[]) => enc.encode(ls.join('\n'));

const truncate: Perturbation = (b, seed) => b.subarray(0, Math.floor(b.length * (0.2 + 0.75 * rng(seed)())));

const shuffleLines: Perturbation = (b, seed) => {
  const r = rng(seed);
  const ls = lines(b);
  const from = Math.floor(r() * ls.length * 0.6);
  const win = ls.slice(from, from + 10 + Math.floor(r() * 80));
  for (let i = win.length - 1; i > 0; i--) { const j = Math.floor(r() * (i + 1)); [win[i], win[j]] = [win[j], win[i]]; }
  ls.splice(from, win.length, ...win);
  return join(ls);
};

const digitRuns: Perturbation = (b, seed) => {
  const r = rng(seed);
  const ls = lines(b);
  for (let n = 0; n < 3; n++) {
    const run = Array.from({ length: 40 + Math.floor(r() * 160) }, () => Math.floor(r() * 10)).join('');
    const at = Math.floor(r() * ls.length);
    ls[at] = r() < 0.5 ? run : `${ls[at]} ${run}`;
  }
  return join(ls);
};

/** Tabs and runs of spaces between cells become single spaces, commas or nothing at all. */
const separators: Perturbation = (b, seed) => {
  const r = rng(seed);
  const sep = [' ', '　', '\t', ',', '，', ''][Math.floor(r() * 6)];
  return enc.encode(new TextDecoder().decode(b).replace(/(?<=\d)[\t ]+(?=\d)/g, () => (r() < 0.3 ? sep : ' ')));
};

/** Bytes replaced by ones that are not digits: broken characters, stray punctuation. */
const byteFlips: Perturbation = (b, seed) => {
  const r = rng(seed);
  const out = b.slice();
  const junk = [0x23, 0x7c, 0x2d, 0xff, 0x80, 0x0a, 0x20, 0x2e];
  for (let n = 0; n < 1 + Math.floor(out.length / 2000); n++) {
    const at = Math.floor(r() * out.length);
    if (out[at] >= 0x30 && out[at] <= 0x39) continue;
    out[at] = junk[Math.floor(r() * junk.length)];
  }
  return out;
};

const dropLines: Perturbation = (b, seed) => {
  const r = rng(seed);
  return join(lines(b).filter(() => r() > 0.05));
};

/**
 * A row of figures printed again right after itself, one of its figures changed in the copy (a
 * line pasted twice and edited, a page break that repeats a row): the first copy keeps the answer.
 */
const repeatedRow: Perturbation = (b, seed) => {
  const r = rng(seed);
  const ls = lines(b);
  const rows = ls.flatMap((l, i) => ((l.match(/(?<![\d.])\d+(?![\d.])/g) ?? []).length >= 3 && /[\u4e00-\u9fff]/.test(l) ? [i] : []));
  for (let n = 0; n < 2 && rows.length; n++) {
    const at = rows.splice(Math.floor(r() * rows.length), 1)[0];
    const figures = [...ls[at].matchAll(/(?<![\d.])\d+(?![\d.])/g)];
    const f = figures[Math.floor(r() * figures.length)];
    const copy = ls[at].slice(0, f.index) + String(Number(f[0]) + 1 + Math.floor(r() * 9)) + ls[at].slice(f.index! + f[0].length);
    ls.splice(at + 1, 0, copy);
    for (let k = 0; k < rows.length; k++) if (rows[k] > at) rows[k]++;
  }
  return join(ls);
};

/**
 * Name, damage, and whether it applies to HTML: shuffling an HTML file's lines moves `<td>`s
 * between rows, which changes the table a browser shows, so the answer key no longer holds.
 */
export const PERTURBATIONS: [string, Perturbation, boolean][] = [
  ['truncated', truncate, true], ['shuffled lines', shuffleLines, false], ['digit runs', digitRuns, true],
  ['separators', separators, true], ['byte flips', byteFlips, true], ['lines dropped', dropLines, true],
  ['row repeated, a figure changed', repeatedRow, false],
];
