/**
 * Bytes → string for HTML pages. Chinese government sites still serve GB2312/GBK pages, and
 * some pages lie about their charset (re-saved as UTF-8 but still declaring gb2312), so the
 * declaration is trusted only as far as the bytes agree with it.
 */

/** How far into the file a <meta> charset declaration is looked for. */
const SNIFF_BYTES = 4096;

/** Labels that name GB2312/GBK; gb18030 is their superset, and every runtime decodes it. */
const GB_LABELS = new Set(['gb2312', 'gbk', 'x-gbk', 'gb_2312-80', 'gb_2312', 'cp936', 'chinese', 'csgb2312', 'iso-ir-58', 'gb18030', 'windows-936', 'ms936']);

const latin1 = new TextDecoder('latin1');

export interface Decoded {
  text: string;
  /** The encoding actually used, as a TextDecoder label. */
  encoding: string;
}

export function decodeHtml(bytes: Uint8Array): Decoded {
  const bom = bomEncoding(bytes);
  if (bom) return { text: decodeWith(bom.label, bytes.subarray(bom.skip)) ?? '', encoding: bom.label };

  const declared = normaliseLabel(sniffCharset(bytes));
  if (declared === 'utf-8' || declared === null) {
    const utf8 = decodeWith('utf-8', bytes, true);
    if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
    // Not valid UTF-8: an undeclared page here is nearly always GBK; a declared one is
    // usually GBK mislabelled, but may be UTF-8 with a few broken bytes. Keep whichever
    // decoding leaves fewer undecodable characters.
    const gb = decodeWith('gb18030', bytes) ?? '';
    if (declared === null) return { text: gb, encoding: 'gb18030' };
    const loose = decodeWith('utf-8', bytes) ?? '';
    return countReplacements(loose) <= countReplacements(gb)
      ? { text: loose, encoding: 'utf-8' }
      : { text: gb, encoding: 'gb18030' };
  }
  // A page re-saved as UTF-8 often keeps its old gb2312 declaration. Legacy-encoded Chinese
  // text practically never forms valid multi-byte UTF-8 by chance, so valid UTF-8 with
  // non-ASCII content wins over the declaration.
  if (hasNonAscii(bytes)) {
    const utf8 = decodeWith('utf-8', bytes, true);
    if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  }
  const text = decodeWith(declared, bytes);
  if (text !== null) return { text, encoding: declared };
  return { text: decodeWith('gb18030', bytes) ?? '', encoding: 'gb18030' };
}

function bomEncoding(b: Uint8Array): { label: string; skip: number } | null {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { label: 'utf-8', skip: 3 };
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { label: 'utf-16le', skip: 2 };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { label: 'utf-16be', skip: 2 };
  return null;
}

/** The charset named by <meta charset>, <meta http-equiv content="…charset=…"> or <?xml encoding>. */
export function sniffCharset(bytes: Uint8Array): string | null {
  // Byte-per-char view: declarations are ASCII, whatever the page's encoding.
  const s = latin1.decode(bytes.subarray(0, SNIFF_BYTES));
  const meta = /<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(s);
  if (meta) return meta[1];
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9_.:-]+)/i.exec(s);
  return xml ? xml[1] : null;
}

/** A TextDecoder label for a declared charset, or null if there is none. */
function normaliseLabel(label: string | null): string | null {
  if (!label) return null;
  const l = label.trim().toLowerCase();
  if (GB_LABELS.has(l)) return 'gb18030';
  if (l === 'utf8' || l === 'utf-8' || l === 'unicode-1-1-utf-8') return 'utf-8';
  // UTF-16 declared inside an ASCII-readable page cannot be true (HTML spec: treat as UTF-8).
  if (l.startsWith('utf-16') || l === 'unicode') return 'utf-8';
  return l;
}

function decodeWith(label: string, bytes: Uint8Array, fatal = false): string | null {
  try {
    return new TextDecoder(label, { fatal }).decode(bytes);
  } catch {
    return null; // unknown label, or invalid bytes under fatal
  }
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return true;
  return false;
}

function countReplacements(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\ufffd'); i >= 0; i = s.indexOf('\ufffd', i + 1)) n++;
  return n;
}
