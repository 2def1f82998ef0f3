/**
 * The work one reading may do, counted in search steps, not milliseconds: a file then reads the
 * same on every machine and under any load (a wall-clock deadline flagged cells on a busy machine
 * that a quiet one read). Past the allowance a search stops and what is open is flagged.
 */
export class Budget {
  private left: number;
  constructor(steps: number) {
    this.left = steps;
  }

  /** Takes `n` steps; false once the allowance is spent (and from then on). */
  spend(n = 1): boolean {
    this.left -= n;
    return this.left >= 0;
  }

  get spent(): boolean {
    return this.left < 0;
  }
}

/**
 * What one step of each search costs, in units of the cheapest (a cut of a digit run, ~0.3 µs on
 * a 2-core machine of 2026): measured on the slowest inputs of the fuzz test and the synthetic
 * families, so that an allowance bounds time whichever search spends it.
 */
export const STEP_COST = { cut: 1, order: 1, solve: 5, reading: 8 } as const;

/** No allowance at all (tests of what a search gives up with). */
export const SPENT = (): Budget => new Budget(-1);

/** Unbounded (callers that bound the search otherwise). */
export const UNBOUNDED = (): Budget => new Budget(Number.POSITIVE_INFINITY);
