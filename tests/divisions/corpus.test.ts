// Every real report in the shared corpus resolves to the division its answer key
// gives, from its unit title and the crude text of its first input.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../support/gold';
import { loadDivisions } from '../../src/lib/divisions/load';
import { resolveDivision } from '../../src/lib/divisions/resolve';

const corpus = CORPUS_DIR;

interface ManifestEntry {
  id: string;
  inputs: string[];
  unit: string;
  level: string;
  division: { name: string; code: string };
}

/** Crude text of an input: tags stripped for HTML, the pypdf extraction for a PDF. */
function crudeText(file: string): string {
  const path = join(corpus, 'reports', file);
  if (file.endsWith('.pdf')) {
    const sibling = path.replace(/\.pdf$/, '.pypdf.txt');
    return existsSync(sibling) ? readFileSync(sibling, 'utf8') : '';
  }
  const raw = readFileSync(path, 'utf8');
  return file.endsWith('.html') ? raw.replace(/<[^>]*>/g, ' ') : raw;
}

const manifest = JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8')) as ManifestEntry[];
const table = loadDivisions();

describe('corpus reports resolve to their answer key division', () => {
  it('has reports', () => expect(manifest.length).toBeGreaterThan(0));
  for (const r of manifest) {
    const text = crudeText(r.inputs[0]);
    it(`${r.id}: ${r.unit}`, () => {
      const got = resolveDivision({ unit: r.unit, text }, table);
      expect({ name: got.name, code: got.code }).toEqual(r.division);
    });
    it(`${r.id}: ${r.unit} (with level ${r.level})`, () => {
      const got = resolveDivision({ unit: r.unit, text, level: r.level }, table);
      expect({ name: got.name, code: got.code }).toEqual(r.division);
    });
  }
});
