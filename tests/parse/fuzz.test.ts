/**
 * Bounded fuzzing over the corpus: every text input (txt, md, html), damaged in each way of
 * tests/support/perturb.ts with several seeds, must parse without an internal error, finish
 * within a generous bound (issue 8: no input may keep a worker busy for more than a few
 * seconds), and give no value that differs from the answer key without a flag.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isFailure } from '../../src/lib/format';
import { parseFile } from '../../src/lib/parse';
import { gold, goldUncertainKeys, manifest, reportPath } from '../support/gold';
import { PERTURBATIONS } from '../support/perturb';

/** FUZZ_SEEDS=9,10,11 npx vitest run tests/parse/fuzz.test.ts tries other damage. */
const SEEDS = (process.env.FUZZ_SEEDS ?? '1,2,3,4,5,6,7,8').split(',').map(Number);
/** The bound for one file; a real report parses in milliseconds. */
const BOUND_MS = 5000;

const inputs = manifest().flatMap((m) => m.inputs.filter((f) => !f.endsWith('.pdf')).map((f) => ({ id: m.id, f })));

describe.each(PERTURBATIONS)('%s', (_name, perturb, html) => {
  it('every damaged corpus text: no internal error, bounded time, no wrong value without a flag', async () => {
    const wrong: string[] = [];
    const slow: string[] = [];
    for (const { id, f } of inputs.filter((x) => html || !/\.html?$/.test(x.f))) {
      const g = gold(id);
      const open = goldUncertainKeys(g, Object.keys(g.cells));
      const bytes = new Uint8Array(readFileSync(reportPath(f)));
      for (const seed of SEEDS) {
        const input = perturb(bytes, seed);
        const t0 = performance.now();
        const r = await parseFile(f, input);
        const ms = performance.now() - t0;
        if (ms > BOUND_MS) slow.push(`${f} seed ${seed}: ${Math.round(ms)} ms`);
        if (isFailure(r)) {
          expect(['broken_file', 'internal_error'], `${f} seed ${seed}: ${r.error.message}`).not.toContain(r.error.code);
          continue;
        }
        for (const [k, want] of Object.entries(g.cells)) {
          const got = r.cells[k];
          if (got === undefined || got === null || k in r.uncertain || open.has(k)) continue;
          if (r.template !== g.template) wrong.push(`${f} seed ${seed}: ${k} read with template ${r.template}`);
          else if (got !== want) wrong.push(`${f} seed ${seed}: ${k}: 应为 ${want}，读为 ${got}`);
        }
      }
    }
    expect(slow).toEqual([]);
    expect(wrong).toEqual([]);
  }, 300_000);
});
