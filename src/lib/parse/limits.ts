/**
 * How much work one file may cause. A real annual report is a few MB and under ~60 pages;
 * the limits leave a wide margin above that and stop what no report is (a 2,000-page PDF, a
 * 50 MB text dump, a .docx that inflates to 1 GB) before it keeps the import worker busy.
 * Each refusal says in Chinese what was too large and what to do, with code 'too_large'.
 */
import { ReportError } from '../format';

export const LIMITS = {
  /** Bytes of any input file. */
  fileBytes: 20 * 1024 * 1024,
  /** Characters of a text or Markdown report once decoded. */
  textChars: 5_000_000,
  /** Characters of an HTML page once decoded (markup included; a report page is < 1 MB). */
  htmlChars: 5_000_000,
  /** Pages of a PDF. */
  pdfPages: 300,
  /**
   * Milliseconds a PDF's text extraction may take: a guard against pathological pages, set
   * far above what a real report needs (a corpus PDF takes about 1 s on a shared 2-core
   * machine, but one took over 15 s while a full test run loaded it: a real report must not
   * be refused for a busy machine).
   */
  pdfMillis: 60_000,
  /** Entries in a .docx (a Word file has a few dozen, more with many images). */
  docxEntries: 2_000,
  /** Bytes of word/document.xml once inflated. */
  docxXmlBytes: 50 * 1024 * 1024,
} as const;

const ADVICE = '年度报告通常只有几 MB、几十页。请确认选对了文件；如果确实是年度报告，请只导入报告本身（例如另存为只含报告的 PDF 或网页）。';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
const wan = (chars: number) => `${Math.round(chars / 10_000)} 万`;

export function tooLarge(what: string): ReportError {
  return new ReportError('too_large', `${what}${ADVICE}`);
}

export function checkFileSize(bytes: Uint8Array): void {
  if (bytes.length > LIMITS.fileBytes) throw tooLarge(`文件有 ${mb(bytes.length)}，超过了 ${mb(LIMITS.fileBytes)} 的上限。`);
}

export function checkTextLength(text: string, kind: 'text' | 'html'): void {
  const max = kind === 'html' ? LIMITS.htmlChars : LIMITS.textChars;
  if (text.length > max) throw tooLarge(`${kind === 'html' ? '网页' : '文本'}有 ${wan(text.length)}字符，超过了 ${wan(max)}字符的上限。`);
}

export function checkPdfPages(pages: number): void {
  if (pages > LIMITS.pdfPages) throw tooLarge(`这个 PDF 有 ${pages} 页，超过了 ${LIMITS.pdfPages} 页的上限。`);
}

export function pdfTimedOut(): ReportError {
  return tooLarge(`读取这个 PDF 超过了 ${LIMITS.pdfMillis / 1000} 秒仍未完成，已停止。`);
}

export function checkDocxEntries(n: number): void {
  if (n > LIMITS.docxEntries) throw tooLarge(`这个 Word 文件包含超过 ${LIMITS.docxEntries} 个内部文件，不像一份年度报告。`);
}

export function checkDocxXml(bytes: number): void {
  if (bytes > LIMITS.docxXmlBytes) throw tooLarge(`这个 Word 文件的正文解压后有 ${mb(bytes)}，超过了 ${mb(LIMITS.docxXmlBytes)} 的上限（可能是恶意构造的压缩文件）。`);
}
