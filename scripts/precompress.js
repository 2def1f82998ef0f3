/**
 * Brotli and gzip copies (`x.js.br`, `x.js.gz`) next to each compressible file of the built
 * site, made once at build time so the server only picks one (scripts/static-server.ts).
 * Plain JS: svelte.config.js, which Node loads untranspiled, runs it after adapter-static.
 * Compressed bytes are cached by content hash, so the unchanged 33 MB wasm costs nothing
 * after the first build.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

export const COMPRESSIBLE = ['.html', '.js', '.mjs', '.css', '.json', '.svg', '.wasm', '.arrow', '.csv', '.map', '.bcmap', '.txt'];
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const CACHE = resolve('node_modules/.cache/gongkai-precompress');
/** Smaller than this, compressing saves less than the header costs. */
const MIN_BYTES = 1024;

/** @param {string} dir */
function* files(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (COMPRESSIBLE.includes(extname(e.name))) yield p;
  }
}

/**
 * @param {Buffer} bytes
 * @param {'br' | 'gz'} kind
 */
async function compressed(bytes, kind) {
  // Top brotli quality runs at about 1 MB/s: the wasm gets quality 9, close in size and far faster.
  const quality = bytes.length > 4_000_000 ? 9 : zlib.constants.BROTLI_MAX_QUALITY;
  const key = createHash('sha256').update(bytes).digest('hex') + (kind === 'br' ? `.q${quality}.br` : '.gz');
  const cached = join(CACHE, key);
  if (existsSync(cached)) return readFileSync(cached);
  const out = kind === 'br'
    ? await brotli(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } })
    : await gzip(bytes, { level: zlib.constants.Z_BEST_COMPRESSION });
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(cached, out);
  return out;
}

/** Write `.br` and `.gz` beside every compressible file in `dir` that they make smaller. */
export async function precompress(dir) {
  for (const file of files(dir)) {
    if (statSync(file).size < MIN_BYTES) continue;
    const bytes = readFileSync(file);
    for (const kind of /** @type {const} */ (['br', 'gz'])) {
      const out = await compressed(bytes, kind);
      if (out.length < bytes.length) writeFileSync(`${file}.${kind}`, out);
    }
  }
}
