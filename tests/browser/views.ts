/** Helpers of the comparison views' browser tests: open a path with its query, wait for the charts. */
import type { Page } from 'playwright-core';
import type { StaticServer } from '../../scripts/static-server';
import { visit, waitForDataset, type Visit } from './site';

export { foreignRequests } from './site';

export async function open(server: StaticServer, path: string): Promise<Visit> {
  return visit(server, undefined, path);
}

/** Until the view has its answer and the named chart holds a dataset. */
export async function waitForChart(page: Page, name: string): Promise<void> {
  await page.waitForSelector('section[data-ready="yes"]', { timeout: 45_000 });
  await waitForDataset(page, name);
}

/** The chart's option as ECharts holds it (series, axes, dataset), for checks beyond the data. */
export async function chartOption(page: Page, name: string): Promise<Record<string, any>> {
  return page.evaluate((n) => {
    const w = window as unknown as { __gongkaiCharts?: Record<string, { getOption(): unknown }> };
    const o = w.__gongkaiCharts?.[n]?.getOption() as Record<string, unknown>;
    // Functions (axis formatters) do not cross into Node.
    return JSON.parse(JSON.stringify(o));
  }, name);
}

/** Numbers equal to 12 places, nulls equal to null. */
export function sameNumbers(got: unknown[], want: (number | null)[]): boolean {
  return got.length === want.length && got.every((g, i) => (want[i] === null ? g === null : typeof g === 'number' && Math.abs(g - (want[i] as number)) < 1e-12));
}
