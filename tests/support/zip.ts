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

/**
 * The same entries as a ZIP64 archive, the way writers that always use ZIP64 store them:
 * 32-bit sizes and offsets set to 0xFFFFFFFF, the real values in ZIP64 extra fields, and a
 * ZIP64 end-of-central-directory record with its locator before the classic one.
 */
export function zip64(files: Record<string, string>): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const u64 = (n: number) => { const b = Buffer.alloc(8); b.writeBigUInt64LE(BigInt(n)); return b; };
  for (const [name, content] of Object.entries(files)) {
    const raw = Buffer.from(content, 'utf8');
    const data = deflateRawSync(raw);
    const n = Buffer.from(name, 'utf8');
    const localExtra = Buffer.concat([Buffer.from([1, 0, 16, 0]), u64(raw.length), u64(data.length)]);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(45, 4); local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8); local.writeUInt32LE(crc32(raw), 14); local.writeUInt32LE(0xffffffff, 18);
    local.writeUInt32LE(0xffffffff, 22); local.writeUInt16LE(n.length, 26); local.writeUInt16LE(localExtra.length, 28);
    const cenExtra = Buffer.concat([Buffer.from([1, 0, 24, 0]), u64(raw.length), u64(data.length), u64(offset)]);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(0x02014b50, 0); cen.writeUInt16LE(45, 4); cen.writeUInt16LE(45, 6); cen.writeUInt16LE(0x0800, 8);
    cen.writeUInt16LE(8, 10); cen.writeUInt32LE(crc32(raw), 16); cen.writeUInt32LE(0xffffffff, 20);
    cen.writeUInt32LE(0xffffffff, 24); cen.writeUInt16LE(n.length, 28); cen.writeUInt16LE(cenExtra.length, 30);
    cen.writeUInt32LE(0xffffffff, 42);
    parts.push(local, n, localExtra, data);
    central.push(cen, n, cenExtra);
    offset += 30 + n.length + localExtra.length + data.length;
  }
  const cd = Buffer.concat(central);
  const count = Object.keys(files).length;
  const eocd64 = Buffer.alloc(56);
  eocd64.writeUInt32LE(0x06064b50, 0); eocd64.writeBigUInt64LE(44n, 4); eocd64.writeUInt16LE(45, 12); eocd64.writeUInt16LE(45, 14);
  eocd64.writeBigUInt64LE(BigInt(count), 24); eocd64.writeBigUInt64LE(BigInt(count), 32);
  eocd64.writeBigUInt64LE(BigInt(cd.length), 40); eocd64.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0); locator.writeBigUInt64LE(BigInt(offset + cd.length), 8); locator.writeUInt32LE(1, 16);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(0xffff, 8); end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12); end.writeUInt32LE(0xffffffff, 16);
  return new Uint8Array(Buffer.concat([...parts, cd, eocd64, locator, end]));
}
