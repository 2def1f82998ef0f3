/** Parses synthetic reports of each layout family and scores every cell against the answer. */
import { isFailure } from '../../src/lib/format';
import { parseFile } from '../../src/lib/parse';
import { scoreAgainst } from './synthetic-figures';
import type { Family } from './synthetic-families';

export interface FamilyStats {
  id: string;
  title: string;
  readable: boolean;
  reports: number;
  refused: number;
  exact: number;
  flagged: number;
  wrong: string[];
}

export async function runFamily(f: Family, seeds: number[]): Promise<FamilyStats> {
  const s: FamilyStats = { id: f.id, title: f.title, readable: f.readable, reports: 0, refused: 0, exact: 0, flagged: 0, wrong: [] };
  for (const seed of seeds) {
    const d = f.make(seed);
    const r = await parseFile(d.name, new TextEncoder().encode(d.text));
    const sc = scoreAgainst(d.truth, isFailure(r) ? null : r);
    s.reports++;
    if (sc.refused) s.refused++;
    s.exact += sc.exact;
    s.flagged += sc.flagged;
    s.wrong.push(...sc.wrong.map((w) => `${f.id} seed ${seed} (${d.truth.form}, ${d.truth.year}): ${w}`));
  }
  return s;
}

export function exactRate(s: FamilyStats): number {
  const total = s.exact + s.flagged + s.wrong.length;
  return total === 0 ? 0 : s.exact / total;
}
