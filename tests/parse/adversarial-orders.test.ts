/**
 * The red team's adversarial orders (tests/support/synthetic-adversarial.ts): whatever the order
 * of the figures and labels, every cell comes back exact or flagged, never wrong and silent. The
 * rules cannot tell 表三's result rows apart (any order of them keeps every sum), so these are the
 * cases where the labels' order must stop a reading by order. Seeds differ from the red team's.
 */
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/lib/parse';
import { isFailure } from '../../src/lib/format';
import { scoreAgainst } from '../support/synthetic-figures';
import { ADVERSARIAL_MODES, adversarialReport } from '../support/synthetic-adversarial';

const SEEDS = Array.from({ length: 16 }, (_, i) => 5000 + i);

describe('adversarial orders of figures and labels', () => {
  for (const mode of ADVERSARIAL_MODES) {
    it(`${mode}: no cell wrong without a flag`, async () => {
      const wrong: string[] = [];
      for (const seed of SEEDS) {
        const d = adversarialReport(mode, seed);
        const r = await parseFile('report.txt', new TextEncoder().encode(d.text));
        const s = scoreAgainst(d.truth, isFailure(r) ? null : r);
        wrong.push(...s.wrong.map((w) => `seed ${seed} (${d.note}): ${w}`));
      }
      expect(wrong).toEqual([]);
    }, 60_000);
  }
});
