/**
 * 表二 whose figures are printed apart from their labels (pdftotext's default mode prints each
 * row's figures before its label). 表二 has no rule, so only where the labels stand can place its
 * figures (src/lib/parse/t2-gaps.ts). Our own generator rearranges the 表二 of readable reports:
 * figures before or after their labels, split over lines, zeros run together, a row's first
 * figure on its label's line, a blank printed as nothing, a page number among the figures, rows
 * out of the form's order. Whatever the arrangement, no cell of 表二 is wrong without a flag;
 * figures printed before their labels are read exactly.
 */
import { describe, expect, it } from 'vitest';
import { KEY_INFO, type ParsedReport } from '../../src/lib/format';
import { rng } from '../support/synthetic-figures';
import { arrange, source, T2_MODES } from '../support/synthetic-t2';
import { parsedText } from '../support/parse-text';

const T2 = [...KEY_INFO].filter(([, v]) => v.table === 't2').map(([k]) => k);

const parse = parsedText;

const wrong = (r: ParsedReport, truth: Record<string, number | null>) =>
  T2.filter((k) => k in truth && !(k in r.uncertain) && r.cells[k] !== truth[k]).map((k) => `${k}: ${truth[k]} → ${r.cells[k]}`);

describe('表二 placed by where its labels stand', () => {
  it('every row\'s figures printed before its label (split over lines, zeros run together): read exactly', async () => {
    for (let seed = 1; seed <= 12; seed++) {
      const { truth, rows, render } = source(seed);
      // (pdftotext ends every page with a form feed: its pages are marked.)
      const r = await parse(`${render(arrange('before', rows, rng(seed)))}\f`);
      expect(T2.filter((k) => k in truth && (k in r.uncertain || r.cells[k] !== truth[k])), `seed ${seed}`).toEqual([]);
    }
  });

  it('any arrangement of our generator: no cell of 表二 wrong without a flag', async () => {
    for (const mode of T2_MODES) {
      for (let seed = 100; seed < 124; seed++) {
        const { truth, rows, render } = source(seed);
        const r = await parse(render(arrange(mode, rows, rng(seed * 7 + 1))));
        expect(wrong(r, truth), `${mode} seed ${seed}`).toEqual([]);
      }
    }
  }, 60_000);

  it('a row whose first figure stands on its label\'s line and the rest before it: that row is flagged, not guessed', async () => {
    const seed = Array.from({ length: 40 }, (_, i) => i + 1).find((n) => source(n).rows.some((x) => x.figs.length === 3 && new Set(x.figs).size === 3))!;
    const { truth, rows, render } = source(seed);
    const i = rows.findIndex((x) => x.figs.length === 3 && new Set(x.figs).size === 3);
    const body = rows.flatMap((x, j) => (j === i ? [...x.head, x.figs.slice(1).join(' '), `${x.label} ${x.figs[0]}`] : [...x.head, x.figs.join(' '), x.label]));
    const r = await parse(`${render(body)}\f`);
    expect(wrong(r, truth)).toEqual([]);
    expect(rows[i].keys.filter((k) => !(k in r.uncertain)), 'the rotated row is flagged').toEqual([]);
    // The other rows are read.
    const others = rows.flatMap((x, j) => (j === i ? [] : x.keys));
    expect(others.filter((k) => k in r.uncertain || r.cells[k] !== truth[k])).toEqual([]);
  });

  it('blanks printed as a mark (—, /) are cells with nothing in them: read as not reported (null, never 0), every other cell exact', async () => {
    let marks = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const { truth, rows, render } = source(seed);
      const want = { ...truth };
      const marked = rows.map((x, i) => ({
        ...x,
        // (Not in a row with a negative figure: `-3 —` on one line is read as a page's footer, `- 3 -`,
        // and that row is flagged, as the next test wants of a true footer.)
        figs: x.figs.map((f, j) => {
          if (f !== '0' || (i + j + seed) % 3 !== 0 || x.figs.some((g) => g.startsWith('-'))) return f;
          want[x.keys[j]] = null;
          marks++;
          return (i + j) % 2 ? '—' : '/';
        }),
      }));
      const r = await parse(`${render(arrange('before', marked, rng(seed)))}\f`);
      expect(T2.filter((k) => k in want && (k in r.uncertain || r.cells[k] !== want[k])), `seed ${seed}`).toEqual([]);
    }
    expect(marks).toBeGreaterThan(10);
  });

  it('a page\'s number between dashes (- 3 -) among the figures, where three cells are printed as nothing: not read as cells', async () => {
    const { truth, rows, render } = source(6);
    const i = rows.findIndex((x) => x.figs.length === 3);
    const want = { ...truth, ...Object.fromEntries(rows[i].keys.map((k) => [k, null])) };
    const body = rows.flatMap((x, j) => (j === i ? [...x.head, '- 3 -', x.label] : [...x.head, x.figs.join(' '), x.label]));
    const r = await parse(`${render(body)}\f`);
    expect(wrong(r, want)).toEqual([]);
  });

  it('a blank printed as nothing and a page number where a page starts: 表二 is not read by its labels', async () => {
    const { truth, rows, render } = source(6);
    // The first row's first figure printed as nothing, the page's number `1` before it: the count holds.
    const body = rows.flatMap((x, j) => (j === 0 ? [...x.head, '1', `\f${x.figs.slice(1).join(' ')}`, x.label] : [...x.head, x.figs.join(' '), x.label]));
    const r = await parse(render(body));
    expect(wrong(r, { ...truth, [T2.find((k) => k in truth)!]: null })).toEqual([]);
  });
});
