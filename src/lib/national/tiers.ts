/**
 * The dataset's tiers in the browser (written by src/cli/tiers.ts): fetched from the page's own
 * origin and read with apache-arrow, no DuckDB needed for a chart of a few dozen bars; a
 * province's detail partition only when the reader drills into one of its counties.
 */
import { tableFromIPC } from 'apache-arrow';
import { dataUrl } from '../data/files';
import type { TierRow } from './model';

const cache = new Map<string, Promise<unknown>>();

function fetched<T>(name: string, read: (res: Response) => Promise<T>): Promise<T> {
  let p = cache.get(name) as Promise<T> | undefined;
  if (!p) {
    p = fetch(dataUrl(`tiers/${name}`)).then((res) => {
      if (!res.ok) throw new Error(res.status === 404 ? '这个数据集没有分层汇总（tiers/），请用 npm run data 或 gongkai build 重新生成' : `分层数据 ${name} 无法读取（HTTP ${res.status}）`);
      return read(res);
    });
    p.catch(() => cache.delete(name));
    cache.set(name, p);
  }
  return p;
}

const rowsOf = async (res: Response): Promise<TierRow[]> =>
  tableFromIPC(new Uint8Array(await res.arrayBuffer())).toArray().map((r) => r.toJSON() as TierRow);

/** The rollup of the level with `digits` (2 provinces, 4 cities, 6 counties). */
export function rollup(digits: 2 | 4 | 6): Promise<TierRow[]> {
  return fetched(`rollup-${digits === 2 ? 'province' : digits === 4 ? 'city' : 'county'}.arrow`, rowsOf);
}

/** A province's reports, one row per body and year, keyed by the body's division code. */
export async function detail(province: string): Promise<TierRow[]> {
  if (!/^\d{2}$/.test(province)) throw new Error(`不是省级行政区划代码：${province}`);
  const rows = await fetched(`detail/province=${province}.arrow`, rowsOf);
  return rows.map((r) => ({ ...r, code: (r as unknown as { division_code: string }).division_code }));
}

export function names(): Promise<Record<string, string>> {
  return fetched('names.json', (res) => res.json() as Promise<Record<string, string>>);
}
