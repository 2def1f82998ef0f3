/**
 * pdf.js parses and repairs every embedded TrueType program before it extracts a single
 * character (translateFont → checkAndRepair): with the large CJK subsets government PDFs
 * embed, about 40 % of reading a PDF. Text extraction does not need the program when the font
 * says everything itself: its ToUnicode map gives the characters and its /W array the widths.
 *
 * So, before pdf.js sees the file, the key /FontFile2 of such a font's descriptor is renamed in
 * place (same length: no offset moves, the cross-reference table stays exact) and pdf.js takes
 * the font as not embedded. Read in pdf.js 5.6's worker (Font, fallbackToSystemFont,
 * extractDataStructures, charToGlyph), a font gives the same characters and widths either way
 * when it is:
 *   - a Type0 font with /Encoding /Identity-H and a /ToUnicode stream; or /Identity-V when
 *     that map gives every code one character and no name is a symbol font's (pdf.js writes a
 *     vertical font without its program in presentation forms, which parse/normalize.ts turns
 *     back, but cuts an entry of several characters to one: tounicode.ts);
 *   - over a CIDFontType2 whose /BaseFont and descriptor /FontName carry a subset tag
 *     (ABCDEF+…): pdf.js never takes such a name for a standard font, whose missing-file path
 *     would remap the characters;
 *   - with a program that is TrueType (a CFF program under /FontFile2 brings its own font
 *     matrix, by which pdf.js rescales the widths).
 * A descriptor is renamed only when every reference to it is such a font's, and only in a file
 * whose objects can all be seen: no object streams, no object defined twice, every reference
 * resolved. Anything else is left to pdf.js as it is, so the worst case is the old speed,
 * never another text. tests/parse/pdf-fonts.test.ts reads PDFs both ways and compares.
 */
import { Unzlib } from 'fflate';
import { singleCharacters, streamText } from './tounicode';

interface PdfFile {
  bytes: Uint8Array;
  objects: PdfObject[];
}

interface PdfObject {
  num: number;
  gen: number;
  /** The object's text before its stream data (latin1), and where it starts in the file. */
  head: string;
  at: number;
  /** Where its stream data starts and ends (before "endstream"), or -1. */
  data: number;
  end: number;
}

const HEADER = /(\d+)[ \t\r\n]+(\d+)[ \t\r\n]+obj\b/g;
const SUBSET = /^\/[A-Z]{6}\+/;
const FONT_FILE2 = '/FontFile2';
const RENAMED = '/FontFileX';
const PROGRAM_REF = /^\/FontFile2[ \t\r\n]+(\d+)[ \t\r\n]+(\d+)[ \t\r\n]+R\b/;
const STREAM = /^[ \t\r\n]*stream(?:\r\n|\n|\r)/;
const REF = /(?<![\d.])(\d+)[ \t\r\n]+(\d+)[ \t\r\n]+R\b/g;

/** The file's objects in order, or null when they cannot all be seen as plain objects. */
function scanObjects(text: string): PdfObject[] | null {
  const out: PdfObject[] = [];
  const seen = new Set<string>();
  HEADER.lastIndex = 0;
  for (let m = HEADER.exec(text); m; m = HEADER.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    if (end < 0) return null;
    // The keyword right after the dictionary, not the word inside one of its strings.
    const close = dictEnd(text, start, end);
    // A dictionary still open at "endobj" means the word sat inside one of its strings: this
    // reading of the file is not to be trusted.
    if (close < 0 && /^[ \t\r\n]*<</.test(text.slice(start, start + 16))) return null;
    const kw = close < 0 ? null : STREAM.exec(text.slice(close, Math.min(end, close + 64)));
    const head = text.slice(start, close < 0 ? end : close);
    const id = `${m[1]} ${m[2]}`;
    if (seen.has(id) || /\/ObjStm\b/.test(head)) return null;
    seen.add(id);
    const data = kw ? close + kw[0].length : -1;
    // Skip the stream's bytes: they may hold anything, "obj" included.
    const last = kw ? text.indexOf('endstream', data) : -1;
    if (kw && last < 0) return null;
    out.push({ num: Number(m[1]), gen: Number(m[2]), head, at: start, data, end: last });
    if (kw) {
      const after = text.indexOf('endobj', last);
      if (after < 0) return null;
      HEADER.lastIndex = after + 6;
    } else {
      HEADER.lastIndex = end + 6;
    }
  }
  // An object skipped over by mistake would go unseen: every reference must name a seen one.
  for (const o of out) {
    for (const r of o.head.matchAll(REF)) if (!seen.has(`${r[1]} ${r[2]}`)) return null;
  }
  return out;
}

/**
 * Where the object's top-level dictionary ends (after its ">>"), reading past strings and
 * comments that may hold any text; -1 when the object is not a dictionary or does not close.
 */
function dictEnd(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && ' \t\r\n'.includes(text[i])) i++;
  if (!text.startsWith('<<', i)) return -1;
  let depth = 0;
  while (i < end) {
    const c = text[i];
    if (c === '(') {
      let nest = 0;
      for (; i < end; i++) {
        if (text[i] === '\\') i++;
        else if (text[i] === '(') nest++;
        else if (text[i] === ')' && --nest === 0) break;
      }
      i++;
    } else if (c === '%') {
      while (i < end && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (text.startsWith('<<', i)) {
      depth++;
      i += 2;
    } else if (text.startsWith('>>', i)) {
      i += 2;
      if (--depth === 0) return i;
    } else if (c === '<') {
      const shut = text.indexOf('>', i);
      if (shut < 0 || shut >= end) return -1;
      i = shut + 1;
    } else {
      i++;
    }
  }
  return -1;
}

const nameOf = (head: string, key: string) => new RegExp(`/${key}[ \\t\\r\\n]*(/[^\\s/<>\\[\\]()]+)`).exec(head)?.[1];
/** The text of a reference to `o` ("12 0 R"), as a regular expression's source. */
const refTo = (o: PdfObject) => `${o.num}[ \\t\\r\\n]+${o.gen}[ \\t\\r\\n]+R`;
const refsTo = (o: PdfObject) => new RegExp(`(?<![\\d.])${refTo(o)}\\b`, 'g');

/** Objects whose head refers to `target`, and whether every reference sits behind `key`. */
function referrers(objects: PdfObject[], target: PdfObject, key: RegExp): PdfObject[] | null {
  const found: PdfObject[] = [];
  const ref = refsTo(target);
  for (const o of objects) {
    const all = o.head.match(ref)?.length ?? 0;
    if (!all) continue;
    const keyed = o.head.match(key)?.length ?? 0;
    if (keyed !== all) return null;
    found.push(o);
  }
  return found;
}

const space = '[ \\t\\r\\n]*';
function keyed(key: string, target: PdfObject, array = false): RegExp {
  const ref = refTo(target);
  return new RegExp(array ? `/${key}${space}\\[${space}${ref}${space}\\]` : `/${key}${space}${ref}\\b`, 'g');
}

const count = (head: string, re: RegExp) => head.match(re)?.length ?? 0;

/** The name's text, its #xx escapes read (pdf.js tests the decoded name). */
const decoded = (name: string | undefined) => (name ?? '').replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
const TO_UNICODE = /\/ToUnicode[ \t\r\n]+(\d+)[ \t\r\n]+(\d+)[ \t\r\n]+R\b/;

/**
 * A Type0 font whose text needs no program: Identity-H, or Identity-V under the conditions of
 * tounicode.ts (one character per code) and with a name pdf.js does not remap as a symbol font.
 */
function isTextOnlyType0(file: PdfFile, font: PdfObject, names: (string | undefined)[]): boolean {
  const { head } = font;
  const toUnicode = TO_UNICODE.exec(head);
  if (nameOf(head, 'Subtype') !== '/Type0' || count(head, /\/Encoding\b/g) !== 1 || !toUnicode) return false;
  const encoding = nameOf(head, 'Encoding');
  if (encoding === '/Identity-H') return true;
  if (encoding !== '/Identity-V') return false;
  if ([...names, nameOf(head, 'BaseFont')].some((n) => /symbol|dingbats/i.test(decoded(n)))) return false;
  const cmap = file.objects.find((o) => o.num === Number(toUnicode[1]) && o.gen === Number(toUnicode[2]));
  const text = cmap ? streamText(file.bytes, cmap.head, cmap.data, cmap.end) : null;
  return text !== null && singleCharacters(text);
}

/** Whether the descriptor's program can be left out without changing the extracted text. */
function programNotNeeded(file: PdfFile, descriptor: PdfObject): boolean {
  const { objects } = file;
  const fontName = nameOf(descriptor.head, 'FontName');
  if (!SUBSET.test(fontName ?? '')) return false;
  const cidFonts = referrers(objects, descriptor, keyed('FontDescriptor', descriptor));
  if (!cidFonts?.length) return false;
  return cidFonts.every((c) => {
    const baseFont = nameOf(c.head, 'BaseFont');
    if (nameOf(c.head, 'Subtype') !== '/CIDFontType2' || !SUBSET.test(baseFont ?? '')) return false;
    const parents = referrers(objects, c, keyed('DescendantFonts', c, true));
    return !!parents?.length && parents.every((p) => isTextOnlyType0(file, p, [fontName, baseFont]));
  });
}

const TRUETYPE = [[0x00, 0x01, 0x00, 0x00], [0x74, 0x72, 0x75, 0x65]]; // 1.0 and 'true'

/** Whether a program stream holds a TrueType font: its first bytes, inflated if need be. */
function isTrueType(bytes: Uint8Array, program: PdfObject): boolean {
  if (program.data < 0 || /\/DecodeParms\b/.test(program.head)) return false;
  const filter = /\/Filter[ \t\r\n]*(\/\w+|\[)/.exec(program.head)?.[1];
  if (filter !== undefined && filter !== '/FlateDecode') return false;
  let head: Uint8Array | null = null;
  if (!filter) {
    head = bytes.subarray(program.data, program.data + 4);
  } else {
    const inflate = new Unzlib((chunk) => { head ??= chunk; });
    try {
      // Only as much as the first bytes need, never the whole program.
      for (let at = program.data; !head && at < Math.min(bytes.length, program.data + 65536); at += 1024) {
        inflate.push(bytes.subarray(at, Math.min(at + 1024, bytes.length)), false);
      }
    } catch {
      return false;
    }
  }
  const first = head as Uint8Array | null;
  return !!first && first.length >= 4 && TRUETYPE.some((m) => m.every((b, i) => first[i] === b));
}

/**
 * The file with the programs of fonts that do not need them renamed away, and how many; the
 * same bytes (not a copy) when there is nothing to leave out.
 */
export function withoutFontPrograms(bytes: Uint8Array): { bytes: Uint8Array; skipped: number } {
  const text = latin1(bytes);
  if (!text.includes(FONT_FILE2)) return { bytes, skipped: 0 };
  const objects = scanObjects(text);
  if (!objects) return { bytes, skipped: 0 };
  let out: Uint8Array | null = null;
  let skipped = 0;
  for (const o of objects) {
    const key = o.head.indexOf(FONT_FILE2);
    // One program, in the one key pdf.js would take: a /FontFile or /FontFile3 beside it
    // would be read in its place once /FontFile2 is gone.
    const ref = key < 0 ? null : PROGRAM_REF.exec(o.head.slice(key));
    if (!ref || count(o.head, /\/FontFile\d?\b/g) !== 1) continue;
    if (nameOf(o.head, 'Type') !== '/FontDescriptor' || !programNotNeeded({ bytes, objects }, o)) continue;
    const program = objects.find((p) => p.num === Number(ref[1]) && p.gen === Number(ref[2]));
    if (!program || !isTrueType(bytes, program)) continue;
    out ??= bytes.slice();
    const at = o.at + key;
    for (let i = 0; i < RENAMED.length; i++) out[at + i] = RENAMED.charCodeAt(i);
    skipped++;
  }
  return { bytes: out ?? bytes, skipped };
}

/**
 * The file as a string whose offsets are byte offsets: windows-1252 (WHATWG's "latin1") is a
 * single-byte encoding, one code unit per byte, and every key searched for is ASCII.
 */
function latin1(bytes: Uint8Array): string {
  // Node's Buffer makes a one-byte string at copy speed; TextDecoder maps byte by byte, ~10×
  // slower (6 ms for a 300 KB report), and is what a browser has.
  const B = (globalThis as { Buffer?: { from(b: ArrayBuffer, at: number, n: number): { toString(enc: string): string } } }).Buffer;
  return B ? B.from(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength).toString('latin1') : new TextDecoder('latin1').decode(bytes);
}
