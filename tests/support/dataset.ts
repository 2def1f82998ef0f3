/** Where the tests find the shipped dataset: data/ unless GONGKAI_DATA points elsewhere. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const DATA_DIR = resolve(process.env.GONGKAI_DATA ?? 'data');
export const HAS_DATA = existsSync(resolve(DATA_DIR, 'reports.parquet'));
export const NO_DATA_REASON = `no dataset at ${DATA_DIR} (run \`npm run data\`)`;

/** The dataset is committed with the code, so its absence is a failure, not a reason to skip. */
export function requireData(): void {
  if (!HAS_DATA) throw new Error(NO_DATA_REASON);
}
