/** The shared corpus (../shared/corpus beside the repository) and scoring against its answer keys. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParsedReport } from '../../src/lib/format';

export const CORPUS_DIR = process.env.GONGKAI_CORPUS
  ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus');

export interface ManifestEntry {
  id: string;
  inputs: string[];
  unit: string;
  division: { name: string; code: string };
  level: string;
  year: number;
  template: '2019' | '2021';
  format_notes?: string;
}

export interface Gold extends ManifestEntry {
  cells: Record<string, number | null>;
  proactive_total: { value: number; approx: boolean; sentence: string } | null;
  source_violations: string[];
  uncertain: string[];
}

/** The corpus's list of reports; a missing corpus fails the caller (tests never skip it). */
export function manifest(): ManifestEntry[] {
  const path = join(CORPUS_DIR, 'manifest.json');
  if (!existsSync(path)) throw new Error(`no corpus at ${CORPUS_DIR}: put ../shared beside the repository or set GONGKAI_CORPUS`);
  return JSON.parse(readFileSync(path, 'utf8'));
}

export function gold(id: string): Gold {
  return JSON.parse(readFileSync(join(CORPUS_DIR, 'gold', `${id}.json`), 'utf8'));
}

export function reportPath(file: string): string {
  return join(CORPUS_DIR, 'reports', file);
}

/** Keys the answer key itself leaves open ("apps.x.* / apps.y.*: why" names them). */
export function goldUncertainKeys(g: Gold, keys: string[]): Set<string> {
  const out = new Set<string>();
  for (const note of g.uncertain) {
    const head = note.split(':')[0];
    for (const part of head.split('/').map((s) => s.trim())) {
      if (part.endsWith('.*')) keys.filter((k) => k.startsWith(part.slice(0, -1))).forEach((k) => out.add(k));
      else if (keys.includes(part)) out.add(part);
    }
  }
  return out;
}

export interface Score {
  exact: number;
  flagged: number;
  wrong: string[];
  identityErrors: string[];
}

/** exact = equal and not flagged; flagged = listed as uncertain; wrong = differs silently. */
export function score(r: ParsedReport, g: Gold): Score {
  const keys = Object.keys(g.cells);
  const open = goldUncertainKeys(g, keys);
  const s: Score = { exact: 0, flagged: 0, wrong: [], identityErrors: [] };
  for (const k of keys) {
    const want = g.cells[k];
    const got = r.cells[k] === undefined ? null : r.cells[k];
    const flagged = k in r.uncertain;
    if (flagged) s.flagged++;
    else if (got === want && !open.has(k)) s.exact++;
    else if (got === want) s.exact++;
    else s.wrong.push(`${k}: 应为 ${want}，读为 ${got}`);
  }
  if (r.year !== g.year) s.identityErrors.push(`year ${r.year} ≠ ${g.year}`);
  if (r.template !== g.template) s.identityErrors.push(`template ${r.template} ≠ ${g.template}`);
  const pt = r.proactive_total;
  if (pt && (!g.proactive_total || pt.value !== g.proactive_total.value || pt.approx !== g.proactive_total.approx)) {
    s.identityErrors.push(`proactive_total ${pt.value} ≠ ${g.proactive_total?.value ?? null}`);
  }
  return s;
}
