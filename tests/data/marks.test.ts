import { beforeEach, describe, expect, it } from 'vitest';
import { MARKS, firstChartDrawn, mark } from '../../src/lib/data/marks';

/** Whether the promise has settled within `ms`. */
function settledWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
  return Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);
}

describe('firstChartDrawn: what waits for the first chart', () => {
  beforeEach(() => performance.clearMarks());

  it('waits while no chart is drawn, and goes on once one is', async () => {
    const drawn = firstChartDrawn(10_000);
    expect(await settledWithin(drawn, 100)).toBe(false);
    mark(MARKS.firstChart);
    expect(await settledWithin(drawn, 1_000)).toBe(true);
  });

  it('goes on at once when the chart was drawn before it was asked', async () => {
    mark(MARKS.firstChart);
    expect(await settledWithin(firstChartDrawn(10_000), 50)).toBe(true);
  });

  it('does not wait for a mark other than the first chart', async () => {
    const drawn = firstChartDrawn(10_000);
    mark(MARKS.duckdbReady);
    expect(await settledWithin(drawn, 150)).toBe(false);
  });

  it('on a page that draws no chart, goes on after the fallback delay', async () => {
    const drawn = firstChartDrawn(200);
    expect(await settledWithin(drawn, 50)).toBe(false);
    expect(await settledWithin(drawn, 1_000)).toBe(true);
  });
});
