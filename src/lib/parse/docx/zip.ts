/**
 * Just enough ZIP reading for .docx: the central directory, stored and deflated entries.
 * Deflate goes through the platform's DecompressionStream (browsers, Web Workers, Node ≥ 18).
 */
import { ReportError } from '../../format';

export interface ZipEntry {
  name: string;
  method: number;
  offset: number;
  compressedSize: number;
}

const BROKEN = '这个 Word 文件已损坏或不完整，无法打开。请重新下载原文件，或在 Word 中另存为 PDF 后再导入。';

function u16(b: Uint8Array, at: number): number { return b[at] | (b[at + 1] << 8); }
function u32(b: Uint8Array, at: number): number { return (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0; }

export function listEntries(bytes: Uint8Array): ZipEntry[] {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (u32(bytes, i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new ReportError('broken_file', BROKEN);
  const count = u16(bytes, eocd + 10);
  let at = u32(bytes, eocd + 16);
  const names = new TextDecoder();
  const out: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw new ReportError('broken_file', BROKEN);
    const nameLen = u16(bytes, at + 28);
    const extraLen = u16(bytes, at + 30);
    const commentLen = u16(bytes, at + 32);
    out.push({
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLen)),
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      offset: u32(bytes, at + 42),
    });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

export async function readEntry(bytes: Uint8Array, e: ZipEntry): Promise<Uint8Array> {
  const h = e.offset;
  if (h + 30 > bytes.length || u32(bytes, h) !== 0x04034b50) throw new ReportError('broken_file', BROKEN);
  const start = h + 30 + u16(bytes, h + 26) + u16(bytes, h + 28);
  const data = bytes.subarray(start, start + e.compressedSize);
  if (data.length < e.compressedSize) throw new ReportError('broken_file', BROKEN);
  if (e.method === 0) return data;
  if (e.method !== 8) throw new ReportError('unsupported', '这个 Word 文件使用了不支持的压缩方式。请在 Word 中另存为 PDF 或网页后再导入。');
  try {
    const stream = new Blob([data.slice()]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch {
    throw new ReportError('broken_file', BROKEN);
  }
}
