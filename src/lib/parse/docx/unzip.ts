/**
 * Reading one entry of a .docx with fflate, bounded: the directory is walked without
 * inflating anything (entry count capped, the declared size checked), then the entry is
 * inflated slice by slice so a header that understates its size cannot make it inflate to
 * gigabytes; the result must have the declared size and CRC-32. fflate reads ZIP64 records.
 */
import { Unzip, UnzipInflate, ZipPassThrough, unzipSync, type UnzipFileInfo } from 'fflate';
import { ReportError } from '../../format';
import { checkDocxEntries, checkDocxXml, LIMITS } from '../limits';

const BROKEN = '这个 Word 文件已损坏或不完整，无法打开。请重新下载原文件，或在 Word 中另存为 PDF 后再导入。';
const broken = () => new ReportError('broken_file', BROKEN);

/** Compressed bytes handed to the inflater at a time: at most ~1,000× as many come out (2 MB). */
const SLICE = 2 * 1024;

export function directory(zip: Uint8Array): UnzipFileInfo[] {
  const entries: UnzipFileInfo[] = [];
  try {
    unzipSync(zip, {
      filter(f) {
        entries.push(f);
        checkDocxEntries(entries.length);
        return false; // nothing is inflated here
      },
    });
  } catch (e) {
    throw e instanceof ReportError ? e : broken();
  }
  return entries;
}

/** The entry's bytes; a ReportError if it is too large, damaged, or stored in an unknown way. */
export function readEntry(zip: Uint8Array, entry: UnzipFileInfo): Uint8Array {
  checkDocxXml(entry.originalSize);
  if (entry.compression !== 0 && entry.compression !== 8) {
    throw new ReportError('unsupported', '这个 Word 文件使用了不支持的压缩方式。请在 Word 中另存为 PDF 或网页后再导入。');
  }
  const cap = Math.min(entry.originalSize, LIMITS.docxXmlBytes);
  const chunks: Uint8Array[] = [];
  let size = 0;
  let done = false;
  let failed = false;
  const unzip = new Unzip((file) => {
    if (file.name !== entry.name || done) return;
    file.ondata = (err, chunk, final) => {
      if (err || size + chunk.length > cap) {
        failed = true;
        file.terminate();
        return;
      }
      chunks.push(chunk);
      size += chunk.length;
      if (final) done = true;
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < zip.length && !done && !failed; at += SLICE) {
      unzip.push(zip.subarray(at, at + SLICE), at + SLICE >= zip.length);
    }
  } catch {
    failed = true;
  }
  if (failed || !done || size !== entry.originalSize) throw broken();
  const data = concat(chunks, size);
  if (crc32(data) !== storedCrc(zip, entry.name)) throw broken();
  return data;
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}

/** fflate computes CRC-32 while it writes a ZIP entry; a pass-through entry is just that. */
function crc32(data: Uint8Array): number {
  const z = new ZipPassThrough('');
  z.ondata = () => {};
  z.push(data, true);
  return z.crc >>> 0;
}

/**
 * The CRC-32 the central directory records for `name` (fflate does not hand it out). The
 * CRC field is 32-bit in ZIP64 archives too. The last record naming the entry wins, as the
 * directory sits at the end of the file.
 */
function storedCrc(zip: Uint8Array, name: string): number | null {
  const n = new TextEncoder().encode(name);
  for (let i = zip.length - 46 - n.length; i >= 0; i--) {
    if (zip[i] !== 0x50 || zip[i + 1] !== 0x4b || zip[i + 2] !== 1 || zip[i + 3] !== 2) continue;
    if ((zip[i + 28] | (zip[i + 29] << 8)) !== n.length) continue;
    let same = true;
    for (let j = 0; j < n.length && same; j++) same = zip[i + 46 + j] === n[j];
    if (same) return (zip[i + 16] | (zip[i + 17] << 8) | (zip[i + 18] << 16) | (zip[i + 19] << 24)) >>> 0;
  }
  return null;
}
