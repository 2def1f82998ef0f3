/**
 * The page's first chart is laid out and painted alone; every other chart waits until it is on
 * screen. Laying out a chart takes 100–200 ms of main thread on a slow machine, and a page that
 * laid out all of its charts before painting any would show the reader nothing for that long.
 */
import { firstChartDrawn, isFirstChartDrawn } from '../data/marks';

let claimed = false;

/** null: draw now. Otherwise a promise that settles when this chart's turn has come. */
export function drawTurn(): Promise<void> | null {
  if (isFirstChartDrawn()) return null;
  if (!claimed) {
    claimed = true;
    return null;
  }
  return firstChartDrawn();
}
