/**
 * The parser must never have been told about a particular file: no corpus file names, unit
 * names or numbers in its code. It will be run on reports it has never seen.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gold, manifest } from '../../src/lib/corpus/gold';

const ROOTS = ['src/lib/parse', 'src/lib/checks', 'src/lib/format', 'src/lib/divisions'].map((d) => join(__dirname, '../..', d));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|svelte)$/.test(f) ? [p] : [];
  });
}

describe('the parser knows no corpus file', () => {
  const sources = ROOTS.flatMap(files).map((f) => ({ f, text: readFileSync(f, 'utf8') }));
  const entries = manifest();

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

  it('holds none of the corpus figures as literals', () => {
    // Distinctive figures (four digits or more) of the answer keys must not appear in the code.
    const figures = new Set<string>();
    for (const m of entries) {
      for (const v of Object.values(gold(m.id).cells)) if (v !== null && Math.abs(v) >= 1000) figures.add(String(v));
    }
    for (const { f, text } of sources) {
      const literals = text.match(/(?<![\w.])\d{4,}(?:\.\d+)?(?![\w])/g) ?? [];
      for (const l of literals) expect(figures.has(l), `${l} in ${f}`).toBe(false);
    }
  });
});
