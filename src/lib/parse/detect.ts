/** What kind of file arrived, and turning its bytes into text. Refuses what cannot be read. */
import { ReportError, type InputKind } from '../format';

/**
 * The file names the reader takes: the CLI's directory walk and the import page's file picker
 * offer these (the content decides the kind where the name does not).
 */
export const READABLE_EXTENSIONS = ['.pdf', '.html', '.htm', '.shtml', '.xhtml', '.txt', '.md', '.markdown', '.csv', '.docx'] as const;

export function detectKind(name: string, bytes: Uint8Array): InputKind {
  if (bytes.length === 0 || (bytes.length < 64 && decodeText(bytes).trim() === '')) {
    throw new ReportError('empty', '文件是空的，没有任何内容。请检查是否选错了文件，或重新下载原报告。');
  }
  const head = bytes.subarray(0, 8);
  if (head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46) return 'pdf';
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    throw new ReportError('unsupported', '这是旧版 Word（.doc）或 Excel 文件，暂不能直接读取。请在 Word 中“另存为”.docx、PDF 或网页（.html）后再导入。');
  }
  if (head[0] === 0x50 && head[1] === 0x4b) {
    if (/\.docx$/i.test(name) || containsName(bytes, 'word/document.xml')) return 'docx';
    throw new ReportError('unsupported', '这是一个压缩包（ZIP），不是年度报告。请解压后导入其中的 PDF、网页或文本文件。');
  }
  const utf16 = utf16Encoding(bytes);
  if (!utf16 && looksBinary(bytes)) {
    throw new ReportError('binary', '这个文件不是文本、网页或 PDF（看起来是图片或其他二进制文件），无法读取。请导入报告的 PDF、网页（.html）或文本（.txt/.md）。');
  }
  const lower = name.toLowerCase();
  if (/\.(html?|shtml|xhtml)$/.test(lower)) return 'html';
  if (/\.(md|markdown)$/.test(lower)) return 'markdown';
  if (/\.csv$/.test(lower)) return 'csv';
  const start = (utf16 ? decodeText(bytes.subarray(0, 4096)) : new TextDecoder().decode(bytes.subarray(0, 2048))).trimStart().toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html') || /<(table|body|div|p)[\s>]/.test(start)) return 'html';
  return 'text';
}

/** ZIP entry names are stored as plain bytes: a Word file names word/document.xml. */
function containsName(bytes: Uint8Array, name: string): boolean {
  const n = new TextEncoder().encode(name);
  outer: for (let i = 0; i + n.length <= bytes.length; i++) {
    for (let j = 0; j < n.length; j++) if (bytes[i + j] !== n[j]) continue outer;
    return true;
  }
  return false;
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) bad++;
  }
  return bad > n * 0.05;
}

/**
 * 'utf-16le' / 'utf-16be' for UTF-16 text: with a byte-order mark (Notepad's "Unicode"), or
 * without one when the bytes hold zero bytes mostly at odd positions (the high byte of line
 * breaks, digits and ASCII in little-endian order) and read as UTF-16LE into text that is
 * nearly all Chinese, ASCII and their punctuation. Text without zero bytes never needs this:
 * it is UTF-8 or GBK, and reading it as UTF-16 would be wrong.
 */
export function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes.length < 16) return null;
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192) & ~1);
  let zeroOdd = 0;
  let zeroEven = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) zeroEven++;
    if (sample[i + 1] === 0) zeroOdd++;
  }
  // U+4E00 (一) and its kin have a zero low byte, so even zeros are allowed, but fewer.
  // (Checked first: UTF-8 and GBK text, nearly every file, has no zero byte and stops here.)
  if (zeroOdd === 0 || zeroEven >= zeroOdd) return null;
  let plausible = 0;
  for (let i = 0; i < sample.length; i += 2) {
    const u = sample[i] | (sample[i + 1] << 8);
    if (TEXT_UNITS.some(([lo, hi]) => u >= lo && u <= hi)) plausible++;
  }
  return plausible >= (sample.length / 2) * 0.95 ? 'utf-16le' : null;
}

/** Code units of Chinese report text: whitespace, ASCII, Latin-1, punctuation, CJK, full-width forms. */
const TEXT_UNITS: [number, number][] = [
  [0x09, 0x0d], [0x20, 0x7e], [0xa0, 0xff], [0x2000, 0x206f], [0x2160, 0x2193], [0x2460, 0x24ff], [0x2500, 0x25ff],
  [0x3000, 0x303f], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xfe30, 0xfe4f], [0xff00, 0xffef],
];

/** UTF-16 (see utf16Encoding), else UTF-8 where it decodes cleanly, else GB18030 (a superset of GBK and GB2312). */
export function decodeText(bytes: Uint8Array): string {
  const utf16 = utf16Encoding(bytes);
  if (utf16) return new TextDecoder(utf16).decode(bytes).replace(/^\ufeff/, '');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
