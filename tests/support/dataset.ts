/** Where the tests find the shipped dataset: data/ unless GONGKAI_DATA points elsewhere. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const DATA_DIR = resolve(process.env.GONGKAI_DATA ?? 'data');
export const HAS_DATA = existsSync(resolve(DATA_DIR, 'reports.parquet'));
export const NO_DATA_REASON = `no dataset at ${DATA_DIR} (run \`npm run data\`)`;
