/**
 * A Word table's label column is narrow: a row's name wraps inside its cell, and its last
 * characters print on the line after the row's figures (`3.要求提供公开出版  5 17 — …` / `物`),
 * as pdftotext -layout and the PDF reader give it. Where the wrap cuts the very words that name
 * the row (出版|物, 大量反|复申请) and a blank keeps the rules from confirming an order, the row
 * was flagged though a reader sees its name whole.
 */
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/lib/parse';
import { APP_ROWS, isFailure } from '../../src/lib/format';
import { heading, makeReport, printed, printedRows, T2_HEAD, T4_HEAD, TAIL, type Synthetic } from '../support/synthetic';

const FIG = 6;

/** One table row as -layout prints it: the label's first `width` characters beside the figures, the rest below. */
function rowLines(label: string, figs: string[], width: number): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < label.length; i += width) chunks.push(label.slice(i, i + width));
  const pad = (s: string, n: number) => s + ' '.repeat(Math.max(1, n - [...s].length));
  return [pad(chunks[0] ?? '', width + 3) + figs.map((f) => pad(f, FIG)).join('').trimEnd(), ...chunks.slice(1)];
}

/** The report with 表三's labels wrapped at `width`; zeros whose key hashes to `blankEvery` print as —. */
function layoutText(s: Synthetic, width: number, blank: (key: string) => boolean): string {
  const rows = printedRows(s);
  const t2 = rows.filter((r) => r.table === 't2').map((r) => `${r.label}  ${r.keys.map((k) => printed(s, k)).join('  ')}`);
  const t3 = rows.filter((r) => r.table === 't3').flatMap((r) => rowLines(r.label, r.keys.map((k) => (blank(k) ? '—' : printed(s, k))), width));
  const t4 = rows.find((r) => r.table === 't4')!.keys.map((k) => printed(s, k)).join('  ');
  return [heading(s), T2_HEAD[s.template], ...t2, ...T3_HEAD_LINES, ...t3, T4_HEAD, t4, TAIL].join('\n');
}

const T3_HEAD_LINES = ['三、收到和处理政府信息公开申请情况', '申请人情况', '自然人  法人或其他组织  总计', '商业企业  科研机构  社会公益组织  法律服务机构  其他'];

/** The rows whose every naming word the wrap cuts in two. */
function cutRows(width: number): string[] {
  return APP_ROWS.filter((r) => {
    if (r.cues.length === 0 || r.label.length <= width) return false;
    const chunks: string[] = [];
    for (let i = 0; i < r.label.length; i += width) chunks.push(r.label.slice(i, i + width));
    return r.cues.every((c) => r.label.includes(c) && !chunks.some((x) => x.includes(c)));
  }).map((r) => r.row);
}

describe('labels wrapped inside the words that name their row', () => {
  it('the wrap of the test cuts names in two (the case exists)', () => {
    expect(cutRows(10)).toEqual(expect.arrayContaining(['rejected_publication']));
    expect(cutRows(9)).toEqual(expect.arrayContaining(['rejected_excessive', 'rejected_publication']));
  });

  it.each([9, 10])('reads every row of 表三 whose name a wrap at %i characters cuts, blanks beside it', async (width) => {
    let checked = 0;
    for (let seed = 1; seed <= 8; seed++) {
      const s = makeReport(seed * 7919 + width, '2021');
      // Zeros printed as — in the rows whose names are cut, and in their column's other rows now and then.
      const cut = new Set(cutRows(width));
      const blank = (k: string) => s.cells[k] === 0 && !k.endsWith('.total') && (cut.has(k.split('.')[1]) || (k.length + seed) % 7 === 0);
      const truth = { ...s.cells };
      for (const k of Object.keys(truth)) if (k.startsWith('apps.') && blank(k)) truth[k] = null;
      const text = layoutText(s, width, blank);
      const r = await parseFile('r.txt', new TextEncoder().encode(text));
      if (isFailure(r)) throw new Error(r.error.message);
      for (const [k, v] of Object.entries(truth)) {
        if (!k.startsWith('apps.') || k.startsWith('apps.other.')) continue;
        if (!(k in r.uncertain)) expect(r.cells[k], `${seed} ${k}`).toBe(v);
      }
      for (const row of cut) {
        for (const k of Object.keys(truth).filter((x) => x.startsWith(`apps.${row}.`))) {
          expect(r.uncertain[k], `${seed} ${k}`).toBeUndefined();
          expect(r.cells[k], `${seed} ${k}`).toBe(truth[k]);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(40);
  });
});
