/**
 * Weighs the two browser formats of a detail partition (usage: tsx scripts/synthetic/formats.ts
 * FILE.arrow FILE.parquet): bytes as stored, gzip and brotli, and the time to decode into
 * columns in JS (apache-arrow for Arrow IPC, hyparquet for Parquet), median of 5.
 */
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { tableFromIPC } from 'apache-arrow';
import { parquetReadObjects } from 'hyparquet';

export async function weigh(arrowFile: string, parquetFile: string): Promise<string[]> {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const time = async (f: () => unknown) => {
    const t: number[] = [];
    for (let i = 0; i < 5; i++) { const s = performance.now(); await f(); t.push(performance.now() - s); }
    return median(t);
  };
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  const lines: string[] = [];
  for (const [name, file] of [['Arrow IPC', arrowFile], ['Parquet', parquetFile]] as const) {
    const bytes = readFileSync(file);
    const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }).length;
    const ms = name === 'Arrow IPC'
      ? await time(() => tableFromIPC(bytes).numRows)
      : await time(() => parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) }));
    lines.push(`${name.padEnd(10)} ${kb(bytes.length).padStart(8)}  gzip ${kb(gzipSync(bytes, { level: 9 }).length).padStart(7)}  br ${kb(br).padStart(7)}  decode ${ms.toFixed(1)} ms`);
  }
  return lines;
}

if (process.argv[1]?.endsWith('formats.ts')) console.log((await weigh(process.argv[2], process.argv[3])).join('\n'));
