/**
 * Whether a font's ToUnicode map gives every code exactly one character. A vertical font that
 * pdf.js reads without its program swaps a character for its vertical presentation form
 * (parse/normalize.ts turns those back), but it judges by the first character of the map's
 * entry and then drops the rest of it: an entry of several characters would be cut. So such a
 * font may go without its program only when no entry holds more than one.
 *
 * The map is read the way pdf.js's CMap parser reads bfchar and bfrange entries; anything this
 * reader does not follow (usecmap, odd hex strings, a range that runs past its byte) answers
 * "no", which keeps the program: the worst case is the old speed.
 */
import { Unzlib } from 'fflate';

/** A ToUnicode map is a few kB; one past this is not read (the program is kept). */
const MAX_CMAP_BYTES = 1 << 20;

/**
 * The stream's bytes as text (one character per byte), inflated when Flate-compressed; null
 * when they cannot be read plainly and whole. `end` is where "endstream" begins.
 */
export function streamText(bytes: Uint8Array, head: string, data: number, end: number): string | null {
  if (data < 0 || end < data || /\/DecodeParms\b/.test(head)) return null;
  const filter = /\/Filter[ \t\r\n]*(\/\w+|\[)/.exec(head)?.[1];
  if (filter !== undefined && filter !== '/FlateDecode') return null;
  // A direct /Length says where the data ends; else the end of line before "endstream" goes.
  const length = /\/Length[ \t\r\n]+(\d+)(?![ \t\r\n]+\d+[ \t\r\n]+R)/.exec(head);
  let stop = length && data + Number(length[1]) <= end ? data + Number(length[1]) : end;
  if (!length) {
    if (bytes[stop - 1] === 0x0a) stop--;
    if (bytes[stop - 1] === 0x0d) stop--;
  }
  let raw = bytes.subarray(data, stop);
  if (filter) {
    if (!raw.length) return null;
    const chunks: Uint8Array[] = [];
    let size = 0;
    const inflate = new Unzlib((chunk) => { size += chunk.length; chunks.push(chunk); });
    try {
      for (let at = 0; at < raw.length && size <= MAX_CMAP_BYTES; at += 4096) inflate.push(raw.subarray(at, at + 4096), at + 4096 >= raw.length);
    } catch {
      return null;
    }
    if (size > MAX_CMAP_BYTES) return null;
    raw = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) { raw.set(c, at); at += c.length; }
  }
  if (raw.length > MAX_CMAP_BYTES) return null;
  let s = '';
  for (let i = 0; i < raw.length; i += 8192) s += String.fromCharCode(...raw.subarray(i, i + 8192));
  return s;
}

const SECTION = /begin(bfchar|bfrange)\b([\s\S]*?)\bend\1\b/g;
const TOKEN = /<([0-9A-Fa-f\s]*)>|\[|\]|\S+/g;

/** Whether a destination (hex digits) is one character: one code unit, or a surrogate pair. */
function oneChar(h: string): boolean {
  const unit = (x: string) => parseInt(x, 16);
  if (h.length === 2) return true;
  if (h.length === 4) return unit(h) < 0xd800 || unit(h) > 0xdfff;
  if (h.length !== 8) return false;
  const hi = unit(h.slice(0, 4)), lo = unit(h.slice(4));
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
}

type Token = { hex: string } | { word: string };

/** Whether the ToUnicode CMap's text maps every code to a single character. */
export function singleCharacters(cmap: string): boolean {
  const text = cmap.replace(/%[^\r\n]*/g, '');
  const sections = [...text.matchAll(SECTION)];
  // Not recognisably a CMap: pdf.js may read it some other way.
  if (/\busecmap\b/.test(text) || !/\bbegincmap\b/.test(text) || !sections.length) return false;
  for (const [, kind, body] of sections) {
    const tokens: Token[] = [...body.matchAll(TOKEN)].map((t) => (t[1] !== undefined ? { hex: t[1].replace(/\s+/g, '') } : { word: t[0] }));
    let i = 0;
    const hex = (): string | null => {
      const t = tokens[i];
      if (!t || !('hex' in t)) return null;
      i++;
      return t.hex;
    };
    const word = (w: string) => { const t = tokens[i]; return !!t && 'word' in t && t.word === w; };
    while (i < tokens.length) {
      const src = hex();
      if (src === null) return false;
      if (kind === 'bfchar') {
        const dst = hex();
        if (dst === null || !oneChar(dst)) return false;
        continue;
      }
      const hi = hex();
      const span = hi === null || !src || !hi ? NaN : parseInt(hi, 16) - parseInt(src, 16);
      if (!(span >= 0)) return false;
      if (word('[')) {
        for (i++; !word(']'); ) {
          const d = hex();
          if (d === null || !oneChar(d)) return false;
        }
        i++;
        continue;
      }
      const dst = hex();
      if (dst === null || !rangeStaysSingle(dst, span)) return false;
    }
  }
  return true;
}

/**
 * A bfrange's destination counts up from `dst` by one per code. pdf.js carries into the byte
 * before the last; a range is taken only where every value stays one code unit.
 */
function rangeStaysSingle(dst: string, span: number): boolean {
  const v = parseInt(dst, 16);
  if (dst.length === 2) return v + span <= 0xff;
  if (dst.length !== 4) return false;
  const last = v + span;
  return last <= 0xffff && (last < 0xd800 || v > 0xdfff);
}
