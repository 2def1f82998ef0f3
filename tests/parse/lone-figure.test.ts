/**
 * A number alone on a line after a row's figures — the page's footer number, as pdftotext prints it
 * right after a table at the foot of a page — while the row itself lost a blank printed as nothing:
 * the count is the form's again, but the figures have moved one column. Where a rule then breaks,
 * the row's cells are flagged; the report is never blamed for it.
 */
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/lib/parse';
import { isFailure, KEY_INFO } from '../../src/lib/format';
import { FAMILIES } from '../support/synthetic-families';

const family = FAMILIES.find((f) => f.id === 'f1')!;
const t4Keys = [...KEY_INFO.keys()].filter((k) => KEY_INFO.get(k)!.table === 't4');

describe('a lone number after a row of figures', () => {
  it('表四 with a blank printed as nothing and a page number after it: flagged or exact, never a finding', async () => {
    let tried = 0;
    for (let seed = 1; seed <= 16; seed++) {
      const d = family.make(seed);
      const lines = d.text.split('\n');
      const at = lines.findIndex((l, i) => i > lines.findIndex((x) => /^四、(政府|因)/.test(x)) && /^[0-9]+( [0-9]+){14}$/.test(l));
      if (at < 0) continue;
      const figs = lines[at].split(' ');
      const zero = figs.findIndex((f, i) => f === '0' && !t4Keys[i].endsWith('.total'));
      if (zero < 0) continue;
      const truth: Record<string, number | null> = Object.fromEntries(t4Keys.map((k) => [k, d.truth.cells[k] ?? null]));
      truth[t4Keys[zero]] = null;
      const shifted = [...figs.slice(0, zero), ...figs.slice(zero + 1)].map(Number);
      // A page number equal to the sum of the block it would close keeps every rule: no reader can
      // tell it from a total, so such a number is not tried.
      const closes = shifted.slice(10, 14).reduce((a, b) => a + b, 0);
      const page = [3, 4, 5, 6, 7, 8, 9].find((p) => p !== closes)!;
      lines[at] = shifted.join(' ');
      lines.splice(at + 1, 0, `${page}\f`);
      const r = await parseFile('report.txt', new TextEncoder().encode(lines.join('\n')));
      if (isFailure(r)) throw new Error(r.error.message);
      tried++;
      for (const k of t4Keys) if (!(k in r.uncertain)) expect(r.cells[k], `seed ${seed} ${k}`).toBe(truth[k]);
      expect(r.findings.filter((f) => f.table === 't4'), `seed ${seed}`).toEqual([]);
    }
    expect(tried).toBeGreaterThanOrEqual(8);
  });
  it('a figure of two digits split to make up the count (10 as 1 and 0) beside a blank printed as nothing: the row is flagged, not shifted', async () => {
    const d = family.make(1);
    const lines = d.text.split('\n');
    const four = lines.findIndex((x) => /^四、(政府|因)/.test(x));
    const at = lines.findIndex((l, i) => i > four && /^[0-9]+( [0-9]+){14}$/.test(l));
    expect(at).toBeGreaterThan(four);
    // 复议后起诉's 维持 is blank and printed as nothing; 10 closes 未经复议直接起诉.
    const truth = [2, 0, 0, 4, 6, 5, 0, 4, 1, 10, null, 3, 1, 2, 6];
    // Narrow columns run a 0 into the figure after it (04): digits are split where the count needs it.
    lines[at] = '2 0 0 4 6 5 04 1 10 3 1 2 6';
    const r = await parseFile('report.txt', new TextEncoder().encode(lines.join('\n')));
    if (isFailure(r)) throw new Error(r.error.message);
    for (const [i, k] of t4Keys.entries()) if (!(k in r.uncertain)) expect(r.cells[k], k).toBe(truth[i]);
    expect(r.findings.filter((f) => f.table === 't4')).toEqual([]);
  });
});
