/** A small ZIP reader for tests: finds the central directory, inflates entries, checks CRCs. */
import { inflateRawSync } from 'node:zlib';
import { crc32 } from '../../src/lib/export/crc32';

export interface UnzippedEntry {
  name: string;
  method: number;
  crc: number;
  data: Buffer;
}

export function unzip(bytes: Uint8Array): Map<string, UnzippedEntry> {
  const buf = Buffer.from(bytes);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('no end of central directory record');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, UnzippedEntry>();
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central header at ${at}`);
    const method = buf.readUInt16LE(at + 10);
    const crc = buf.readUInt32LE(at + 16);
    const csize = buf.readUInt32LE(at + 20);
    const usize = buf.readUInt32LE(at + 24);
    const nameLen = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLen).toString('utf8');
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + csize);
    const data = method === 8 ? inflateRawSync(raw) : method === 0 ? Buffer.from(raw) : null;
    if (!data) throw new Error(`unsupported method ${method} for ${name}`);
    if (data.length !== usize) throw new Error(`size mismatch for ${name}`);
    if (crc32(data) !== crc) throw new Error(`CRC mismatch for ${name}`);
    out.set(name, { name, method, crc, data });
    at += 46 + nameLen + extra + comment;
  }
  return out;
}

/** Cells of a worksheet written with inline strings and numbers: A1 → value (missing = absent). */
export function sheetCells(xml: string): Map<string, string | number | boolean> {
  const cells = new Map<string, string | number | boolean>();
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*)>(.*?)<\/c>/g)) {
    const [, ref, attrs, body] = m;
    if (/t="inlineStr"/.test(attrs)) cells.set(ref, unescape(/<t[^>]*>(.*?)<\/t>/s.exec(body)?.[1] ?? ''));
    else if (/t="b"/.test(attrs)) cells.set(ref, /<v>1<\/v>/.test(body));
    else cells.set(ref, Number(/<v>(.*?)<\/v>/.exec(body)?.[1]));
  }
  return cells;
}
