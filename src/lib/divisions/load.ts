// Node-only loader for the committed table. Kept apart from resolve.ts so the
// resolver bundles for the browser without `fs`.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DivisionTable } from './types';

let cached: DivisionTable | null = null;

/** Reads data/divisions.json once per process (or from `path` when given). */
export function loadDivisions(path?: string): DivisionTable {
  if (path !== undefined) return parse(readFileSync(path, 'utf8'), path);
  if (cached === null) {
    const file = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'data', 'divisions.json');
    cached = parse(readFileSync(file, 'utf8'), file);
  }
  return cached;
}

function parse(json: string, file: string): DivisionTable {
  const t = JSON.parse(json) as DivisionTable;
  if (t.format !== 1 || typeof t.provinces !== 'object') throw new Error(`${file}: not a division table (format 1)`);
  return t;
}
