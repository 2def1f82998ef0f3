/**
 * The parser against the answer keys of ../shared/corpus, over every input file of every
 * report: no silent error anywhere, every cell exact except where digits run together and
 * admit more than one split that fits the table's rules.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isFailure, type ParsedReport } from '../../src/lib/format';
import { parseFile } from '../../src/lib/parse';
import { loadDivisions } from '../../src/lib/divisions/load';
import { gold, goldUncertainKeys, manifest, reportPath, score } from '../support/gold';

const divisions = loadDivisions();
// The manifest's notes say which text dumps ran their table cells together.
const runTogether = (f: string) => /\.txt$/.test(f)
  && /concatenated with no separators/.test(manifest().find((m) => m.inputs.includes(f))?.format_notes ?? '');

describe.each(manifest().flatMap((m) => m.inputs.map((f) => [m.id, f] as const)))('%s · %s', (id, file) => {
  const g = gold(id);
  let parsed: ParsedReport;
  const get = async () => {
    if (!parsed) {
      const r = await parseFile(file, new Uint8Array(readFileSync(reportPath(file))), divisions);
      if (isFailure(r)) throw new Error(`refused: ${r.error.message}`);
      parsed = r;
    }
    return parsed;
  };

  it('reads year and template right', async () => {
    const r = await get();
    expect(r.year).toBe(g.year);
    expect(r.template).toBe(g.template);
  });

  it('has no silent error: every value that differs from the key is flagged', async () => {
    const s = score(await get(), g);
    expect(s.wrong).toEqual([]);
  });

  it('is exact wherever the cells are separated in the source', async () => {
    const r = await get();
    const open = goldUncertainKeys(g, Object.keys(g.cells));
    const flagged = Object.keys(r.uncertain).filter((k) => !open.has(k));
    // Besides, a cell placed by order alone (no label beside it) is flagged where no rule confirms it.
    // So is a cell of a block printed one figure per line whose walk (by row or by column) no
    // rule decides, when the printed value is one of the two the message names.
    const walk = (k: string) => /逐行还是逐列/.test(r.uncertain[k]) && new RegExp(`[（、]${g.cells[k] ?? '空'}[、）]`).test(r.uncertain[k]);
    const byOrder = (k: string) => /按顺序推断/.test(r.uncertain[k]) || walk(k);
    if (runTogether(file)) {
      // A flag is allowed only where several readings fit; the printed value must be one of them.
      for (const k of flagged.filter((x) => !byOrder(x))) {
        expect(r.uncertain[k], k).toMatch(/可能为/);
        expect(r.uncertain[k], k).toContain(String(g.cells[k]));
      }
    } else {
      expect(flagged.filter((k) => !byOrder(k))).toEqual([]);
    }
  });

  it('reports the consistency rules the report itself breaks', async () => {
    const r = await get();
    // Where the cells of a broken rule were placed by inference, they are flagged instead: the
    // parser suspects its own reading before it blames the report.
    const suspected = Object.values(r.uncertain).some((why) => /勾稽关系.*不成立/.test(why));
    expect(r.findings.filter((f) => f.rule <= 5).length + (suspected ? 1 : 0)).toBeGreaterThanOrEqual(g.source_violations.length > 0 ? 1 : 0);
    if (g.source_violations.length === 0) {
      // Findings on a clean report can only come from cells the parser itself flagged.
      for (const f of r.findings) expect(f.keys.some((k) => k in r.uncertain), f.message).toBe(true);
    }
  });

  it('reads the proactive total from the narrative when the input has one', async () => {
    const r = await get();
    if (r.proactive_total === null) {
      expect(file).toMatch(/tables\.html$/);
    } else {
      expect(r.proactive_total.value).toBe(g.proactive_total?.value);
      expect(r.proactive_total.approx).toBe(g.proactive_total?.approx);
    }
  });

  it('tells where each value was read', async () => {
    const r = await get();
    const located = Object.entries(r.cells).filter(([k, v]) => v !== null && !(k in r.uncertain) && !k.startsWith('apps.other.'));
    for (const [k] of located) {
      const src = r.sources[k];
      expect(src, k).toBeDefined();
      expect(src.line ?? src.page ?? src.row, k).toBeDefined();
    }
  });
});
