/**
 * Kangxi radicals and compatibility ideographs in a report's text (⾏政许可 for 行政许可, as a
 * browser's "save as PDF" and other PDF writers map glyphs): the parser reads them as the
 * characters a reader sees.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isFailure, type ParsedReport } from '../../src/lib/format';
import { parseFile } from '../../src/lib/parse';
import { normalizeText } from '../../src/lib/parse/normalize';
import { loadDivisions } from '../../src/lib/divisions/load';
import { gold, manifest, reportPath, score } from '../support/gold';

const divisions = loadDivisions();

// Written as code points so that no editor or tool normalizes the test's own text.
const KANGXI: Record<string, string> = {
  '\u2f00': '一', '\u2f06': '二', '\u2f2f': '工', '\u2f8f': '行', '\u2f54': '水', '\u2f26': '子',
  '\u2f47': '日', '\u2f49': '月', '\u2f63': '生', '\u2f8d': '虫', '\u2fa8': '門', '\u2e9f': '母', '\uf900': '豈',
};

describe('radicals read as ideographs', () => {
  it('normalizeText maps each to the ideograph it stands for and leaves the rest alone', () => {
    for (const [radical, ideograph] of Object.entries(KANGXI)) expect(normalizeText(`${radical}政`)).toBe(`${ideograph}政`);
    expect(normalizeText('行政许可 9,487 件（一）')).toBe('行政许可 9,487 件（一）');
  });

  const textReports = manifest().flatMap((m) => m.inputs.filter((f) => /\.txt$/.test(f)).map((f) => [m.id, f] as const)).slice(0, 3);
  it('the corpus holds text reports to rewrite', () => expect(textReports.length).toBeGreaterThan(0));
  for (const [id, file] of textReports) {
    it(`${file} with 一 二 工 行 written as radicals gives the same cells`, async () => {
      const raw = readFileSync(reportPath(file), 'utf8');
      const back = Object.fromEntries(Object.entries(KANGXI).map(([r, i]) => [i, r]));
      const mangled = raw.replace(/[一二工行]/g, (c) => back[c]);
      expect(mangled).not.toBe(raw);
      const read = async (text: string) => {
        const r = await parseFile(file, new TextEncoder().encode(text), divisions);
        if (isFailure(r)) throw new Error(r.error.message);
        return r as ParsedReport;
      };
      const [plain, radicals] = [await read(raw), await read(mangled)];
      expect(radicals.cells).toEqual(plain.cells);
      expect(Object.keys(radicals.uncertain).sort()).toEqual(Object.keys(plain.uncertain).sort());
      expect(score(radicals, gold(id)).wrong).toEqual([]);
    });
  }
});
