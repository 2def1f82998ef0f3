/** Scores a parse of a synthetic report against its figures (the real-extractor tests share it). */
import { isFailure } from '../../src/lib/format';
import { parseFile } from '../../src/lib/parse';
import type { Synthetic } from './synthetic';
/** A parse of `s` printed and extracted: cells read as printed, and those given wrong without a flag. */
export async function scoreExtracted(s: Synthetic, text: Uint8Array, name = 'report.txt') {
  const r = await parseFile(name, text);
  if (isFailure(r)) throw new Error(`refused: ${r.error.message}`);
  let exact = 0;
  const wrong: string[] = [];
  for (const [k, v] of Object.entries(s.cells)) {
    if (k in r.uncertain) continue;
    if (r.cells[k] === v) exact++;
    else wrong.push(`${k}: ${v} read as ${r.cells[k]}`);
  }
  return { exact, total: Object.keys(s.cells).length, wrong, cells: r.cells, uncertain: r.uncertain, findings: r.findings };
}
