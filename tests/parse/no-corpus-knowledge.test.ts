/**
 * The product must never have been told about a particular file: no corpus file names, unit
 * names or figures in its code. It will be run on reports it has never seen. Every file of
 * src/ is read after undoing the ways a literal hides: \u escapes, a string split with +,
 * digit separators (2_648, 2,648). Comments are left out: they explain, they do not decide.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gold, manifest } from '../support/gold';

const SRC = join(__dirname, '../../src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|js|svelte|json|html)$/.test(f) ? [p] : [];
  });
}

/** Source text as the program sees its literals. */
export function normalize(text: string): string {
  return text
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:\\'"`])\/\/.*$/gm, '$1')
    .replace(/\\u\{([0-9a-fA-F]+)\}/g, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, h) => String.fromCharCode(parseInt(h, 16)))
    .replace(/\\x([0-9a-fA-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)))
    .replace(/['"`]\s*\+\s*['"`]/g, '')
    .replace(/(\d)_(?=\d)/g, '$1')
    .replace(/(?<![\d.])\d{1,3}(?:,\d{3})+(?![\d])/g, (m) => m.replace(/,/g, ''));
}

/** Every number written in the text (after normalize). */
function literals(text: string): string[] {
  return text.match(/(?<![\w.])\d+(?:\.\d+)?(?![\w])/g) ?? [];
}

const entries = manifest();
const golds = entries.map((m) => gold(m.id));

/** How many answer keys hold each figure. */
const reportsWith = new Map<number, number>();
for (const g of golds) for (const v of new Set(Object.values(g.cells))) if (v !== null) reportsWith.set(v, (reportsWith.get(v) ?? 0) + 1);

/**
 * Figures distinctive enough that finding one in code means it was copied from a report: four
 * digits or more; two or three digits when a single report holds them; every amount also in the
 * 万元 form reports print (136648 元 = 13.6648 万元).
 */
export function distinctiveFigures(): Set<string> {
  const out = new Set<string>();
  for (const [v, n] of reportsWith) {
    const a = Math.abs(v);
    if (a >= 1000 || (a >= 100 && n === 1)) out.add(String(a));
  }
  for (const g of golds) {
    for (const [k, v] of Object.entries(g.cells)) {
      if (!v || !k.includes('amount')) continue;
      const wan = Math.abs(v) / 10000;
      for (const s of [String(wan), wan.toFixed(2), wan.toFixed(4)]) {
        const t = s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
        if (t.replace(/\D/g, '').replace(/^0+/, '').length >= 4) out.add(t);
      }
    }
  }
  return out;
}

const sources = files(SRC).map((f) => ({ f: f.slice(SRC.length + 1), text: normalize(readFileSync(f, 'utf8')) }));

describe('the normalizer undoes hidden literals', () => {
  it('reads escapes, split strings and digit separators as the program does', () => {
    expect(normalize("'\\u67f4\\u6cb3' + x")).toBe("'柴河' + x");
    expect(normalize("'\\u{5e73}潭'")).toBe("'平潭'");
    expect(normalize("'chaihe-' + '2020.txt'")).toBe("'chaihe-2020.txt'");
    expect(literals(normalize('const n = 2_648, m = 2,648;'))).toEqual(['2648', '2648']);
    expect(literals(normalize('f(1, 200)'))).toEqual(['1', '200']);
    expect(normalize('a // 平潭\nb /* 柴河 */ c')).toBe('a \nb  c');
    expect(normalize("'http://x' // y")).toBe("'http://x' ");
  });
});

describe('the product knows no corpus file', () => {
  it('scans every source file of src/', () => {
    expect(sources.length).toBeGreaterThan(100);
    expect(sources.some((s) => s.f.startsWith('routes/'))).toBe(true);
  });

  it('names no corpus file or report id', () => {
    const names = entries.flatMap((m) => [m.id, ...m.inputs]);
    for (const { f, text } of sources) for (const n of names) expect(text.includes(n), `${n} in ${f}`).toBe(false);
  });

  it('names no reporting unit of the corpus', () => {
    // The unit's distinctive part: 平潭综合实验区 → 平潭, 柴河镇人民政府 → 柴河.
    const stems = [...new Set(entries.map((m) => m.unit.replace(/^(.{2}).*$/, '$1')))].filter((s) => !/^(上海|淮安)$/.test(s));
    const full = entries.map((m) => m.unit);
    for (const { f, text } of sources) {
      for (const u of [...full, ...stems]) expect(text.includes(u), `${u} in ${f}`).toBe(false);
    }
  });

  it('holds none of the distinctive corpus figures as literals', () => {
    const figures = distinctiveFigures();
    expect(figures.has('13.6648')).toBe(true); // a 万元 form is looked for
    for (const { f, text } of sources) {
      for (const l of literals(text)) expect(figures.has(l), `${l} in ${f}`).toBe(false);
    }
  });

  it('holds no row of a report: a list of numbers with three of one report’s figures of two digits or more', () => {
    // A list: numbers separated only by commas, spaces or bars ([12, 3, 45], '12 3 45', |12|3|45|).
    const lists = sources.flatMap(({ f, text }) =>
      (text.match(/\d+(?:\.\d+)?(?:[\s,，|]+\d+(?:\.\d+)?){2,}/g) ?? []).map((l) => ({ f, nums: literals(l) })));
    for (const g of golds) {
      const own = new Set(Object.values(g.cells).filter((v): v is number => v !== null && Math.abs(v) >= 10).map((v) => String(Math.abs(v))));
      for (const { f, nums } of lists) {
        const hits = [...new Set(nums.filter((l) => own.has(l)))];
        expect(hits.length < 3, `${hits.join(', ')} of ${g.id} in ${f}`).toBe(true);
      }
    }
  });
});
