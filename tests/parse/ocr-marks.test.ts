/**
 * Marks an OCR tool or a scan leaves in or beside a figure: 〇 read for 0, ] or | for 1, a stray
 * 、 · ‘ 。［. A person cannot tell 247〇 from 2470 or 247, nor 9243] from 92431 or 9243: the cell
 * is in doubt, never the figure cut at the mark. 表二's cells of one figure are the test, since no
 * rule checks them. And a Markdown row with a stray | (1639 read 163|) has a cell too many.
 */
import { describe, expect, it } from 'vitest';
import { makeTruth, rng } from '../support/synthetic-figures';
import { spaced, tabbed, type Ctx } from '../support/synthetic-layouts';
import { textTables } from '../support/synthetic-layouts-sheets';
import { parsedText } from '../support/parse-text';

const KEY = 't2.licensing.decisions';
const MARKS = ['〇', '、', ']', '|', '·', '‘', '。', '［'];

function ctx(seed: number): Ctx {
  const r = rng(seed);
  const t = makeTruth(r, '2021', { blanks: 'none', big: true });
  t.cells[KEY] = 2000 + Math.floor(r() * 7000);
  return { t, r, blank: () => '0' };
}

describe('OCR marks in a figure', () => {
  it.each(MARKS)('%s before, inside or after 表二\'s figure: flagged, not cut (tab-separated, spaced, and as a page\'s cell)', async (mark) => {
    for (const [i, at] of (['start', 'middle', 'end'] as const).entries()) {
      const c = ctx(31 + i);
      const v = String(c.t.cells[KEY]);
      const hurt = at === 'start' ? `${mark}${v}` : at === 'middle' ? `${v.slice(0, 2)}${mark}${v.slice(2)}` : `${v}${mark}`;
      const cell = (k: string, s: string) => (k === KEY ? hurt : s);
      const docs = [tabbed(c, cell).text, ...(mark === '|' ? [] : [spaced(c, cell).text])];
      const tabs = tabbed(c, cell).text.split('\n');
      const html = `<html><body>${tabs.map((l) => (l.includes('\t') ? `<table><tr>${l.split('\t').map((x) => `<td>${x}</td>`).join('')}</tr></table>` : `<p>${l}</p>`)).join('\n')}</body></html>`;
      for (const [text, name] of [...docs.map((d) => [d, 'r.txt']), [html, 'r.html']]) {
        const r = await parsedText(text, name);
        expect(r.cells[KEY], `${name} ${hurt}`).toBeNull();
        expect(r.uncertain[KEY], `${name} ${hurt}`).toBeDefined();
      }
    }
  });

  it('a Markdown row with a stray | (a 1 read as a pipe): its figures are in doubt, the other rows read', async () => {
    const key = 't2.normative.in_force';
    let tried = 0;
    for (let seed = 1; tried < 4 && seed < 200; seed++) {
      const c = ctx(seed);
      const d = textTables(c);
      if (!d.name.endsWith('.md') || !d.text.includes('|---')) continue;
      const v = c.t.cells[key];
      const lines = d.text.split('\n');
      const at = lines.findIndex((l) => /^\|\s*(?:行政)?规范性文件\s*\|/.test(l));
      const cells = at < 0 ? [] : lines[at].split('|');
      // 表二's 现行有效件数 of 规范性文件: 1639 printed 163| (the 9 lost, a 1 read as a pipe), the row a cell wider.
      const k = cells.length - 2;
      if (v === null || v < 10 || cells[k]?.trim() !== String(v)) continue;
      tried++;
      cells[k] = ` ${String(v).slice(0, -1)}| `;
      lines[at] = cells.join('|');
      const r = await parsedText(lines.join('\n'), 'r.md');
      expect(r.cells[key], `seed ${seed}`).toBeNull();
      expect(r.uncertain[key], `seed ${seed}`).toBeDefined();
      expect(r.cells['t2.rules.in_force'], `seed ${seed}`).toBe(c.t.cells['t2.rules.in_force']);
    }
    expect(tried).toBe(4);
  });
});
