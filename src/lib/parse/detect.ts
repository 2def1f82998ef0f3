/** What kind of file arrived, and turning its bytes into text. Refuses what cannot be read. */
import { ReportError, type InputKind } from '../format';

export function detectKind(name: string, bytes: Uint8Array): InputKind {
  if (bytes.length === 0 || (bytes.length < 64 && new TextDecoder().decode(bytes).trim() === '')) {
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
  if (looksBinary(bytes)) {
    throw new ReportError('binary', '这个文件不是文本、网页或 PDF（看起来是图片或其他二进制文件），无法读取。请导入报告的 PDF、网页（.html）或文本（.txt/.md）。');
  }
  const lower = name.toLowerCase();
  if (/\.(html?|shtml|xhtml)$/.test(lower)) return 'html';
  if (/\.(md|markdown)$/.test(lower)) return 'markdown';
  const start = new TextDecoder().decode(bytes.subarray(0, 2048)).trimStart().toLowerCase();
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

/** UTF-8 where it decodes cleanly, otherwise GB18030 (a superset of GBK and GB2312). */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
