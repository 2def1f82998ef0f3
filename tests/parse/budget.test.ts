/**
 * The searches of a reading are bounded by a count of steps, not by the clock: a report reads
 * the same on a slow machine, under load, or with a clock that jumps, as on a quiet one (a
 * wall-clock deadline once flagged cells on a busy CI machine that a quiet one read exactly).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isFailure, type ParseOutcome } from '../../src/lib/format';
import { parseFile } from '../../src/lib/parse';
import { FAMILIES } from '../support/synthetic-families';

/** Synthetic reports whose reading takes hundreds of thousands of search steps. */
const HEAVY = [['f1i', 960007], ['f1i', 960004], ['f21g', 960004], ['f21b', 960007]] as const;

const family = (id: string) => FAMILIES.find((f) => f.id === id)!;

async function parse(id: string, seed: number): Promise<ParseOutcome> {
  const d = family(id).make(seed);
  return parseFile(d.name, new TextEncoder().encode(d.text));
}

/** Every clock the page or Node could ask runs `ms` ahead at each look. */
function slowClock(ms: number): void {
  let t = Date.now();
  let p = performance.now();
  vi.spyOn(Date, 'now').mockImplementation(() => (t += ms));
  vi.spyOn(performance, 'now').mockImplementation(() => (p += ms));
}

afterEach(() => vi.restoreAllMocks());

describe('a reading bounded by steps, not by time', () => {
  it.each(HEAVY)('%s seed %i: the same cells and flags when the clock runs a second per look', async (id, seed) => {
    const quiet = await parse(id, seed);
    slowClock(1000);
    const slow = await parse(id, seed);
    vi.restoreAllMocks();
    expect(isFailure(quiet)).toBe(false);
    expect(slow).toEqual(quiet);
  });
});
