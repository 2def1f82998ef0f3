/** A file's bytes for the command line, or the refusal that says why they cannot be had. */
import { readFileSync } from 'node:fs';
import type { ParseFailure } from '../lib/format';

/**
 * `path`'s bytes, or an `unreadable` outcome named `name` (the parser words every other error).
 * `batch`: one of many files, whose others are not lost.
 */
export function readBytes(path: string, name: string, batch = false): Uint8Array | ParseFailure {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (err) {
    const why = err instanceof Error && 'code' in err ? `（${String(err.code)}）` : '';
    const next = batch ? '请检查后重新运行；已解析的文件不受影响。' : '请检查路径和权限后重试。';
    return { file: name, error: { code: 'unreadable', message: `无法打开文件“${name}”${why}：文件不存在或没有读取权限。${next}` } };
  }
}
