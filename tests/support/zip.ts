/** A minimal ZIP writer for test fixtures (deflated entries, CRC-32), e.g. a .docx or a zip bomb. */
import { crc32, deflateRawSync } from 'node:zlib';

/** An entry whose data is already deflated, with the sizes and CRC its headers declare. */
export interface RawEntry {
  name: string;
  deflated: Uint8Array;
  size: number;
  crc: number;
}

export function zip(files: Record<string, string>): Uint8Array {
  return zipRaw(Object.entries(files).map(([name, content]) => {
    const raw = Buffer.from(content, 'utf8');
    return { name, deflated: deflateRawSync(raw), size: raw.length, crc: crc32(raw) };
  }));
}

export function zipRaw(entries: RawEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const n = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8); local.writeUInt32LE(e.crc, 14); local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(e.size, 22); local.writeUInt16LE(n.length, 26);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(0x02014b50, 0); cen.writeUInt16LE(20, 4); cen.writeUInt16LE(20, 6); cen.writeUInt16LE(0x0800, 8);
    cen.writeUInt16LE(8, 10); cen.writeUInt32LE(e.crc, 16); cen.writeUInt32LE(e.deflated.length, 20);
    cen.writeUInt32LE(e.size, 24); cen.writeUInt16LE(n.length, 28); cen.writeUInt32LE(offset, 42);
    locals.push(local, n, Buffer.from(e.deflated));
    central.push(cen, n);
    offset += 30 + n.length + e.deflated.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10); end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}
