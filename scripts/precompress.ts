/**
 * Writes `<file>.br` and `<file>.gz` beside every compressible file of a folder (a built site,
 * a dataset's tiers), so the static server sends the smaller one a browser accepts instead of
 * compressing on every request. usage: tsx scripts/precompress.ts DIR…
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.arrow', '.svg', '.csv', '.map']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

export function precompress(dir: string): { files: number; bytes: number; br: number } {
  const out = { files: 0, bytes: 0, br: 0 };
  for (const f of files(dir)) {
    if (!COMPRESSIBLE.has(extname(f)) || statSync(f).size < 1024) continue;
    const src = statSync(f);
    // Already compressed from this version of the file: keep it (a 30 MB wasm takes seconds).
    try { if (statSync(`${f}.br`).mtimeMs >= src.mtimeMs && statSync(`${f}.gz`).mtimeMs >= src.mtimeMs) continue; } catch { /* not yet */ }
    const bytes = readFileSync(f);
    const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
    writeFileSync(`${f}.br`, br);
    writeFileSync(`${f}.gz`, gzipSync(bytes, { level: 9 }));
    out.files++;
    out.bytes += bytes.length;
    out.br += br.length;
  }
  return out;
}

if (process.argv[1]?.endsWith('precompress.ts')) {
  for (const dir of process.argv.slice(2)) {
    const r = precompress(dir);
    console.log(`${dir}: ${r.files} 个文件预压缩，${(r.bytes / 1048576).toFixed(1)} MB → brotli ${(r.br / 1048576).toFixed(1)} MB`);
  }
}
