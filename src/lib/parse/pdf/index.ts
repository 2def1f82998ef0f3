/**
 * PDF input reader: text items with their positions → rows of cells (ReportDocument).
 * Only the text layer is read (getTextContent); nothing is rendered.
 */
import { ReportError } from '../../format';
import type { Line, ReportDocument } from '../document';
import { toPieces, type Piece, type RawItem } from './items';
import { DIGIT, unseenItems, type Ops } from './ink';
import type { LayerShown } from './paint';
import { ADDED, noteItems } from './notes';
import { raisedMarks } from './raised-marks';
import { PICTURE, pictureItems } from './pictures';
import { assemble } from './labels';
import { documentOptions, loadPdfjs } from './pdfjs';
import { withoutFontPrograms } from './fonts';
import { checkPdfPages, LIMITS, pdfTimedOut } from '../limits';
import { buildRows, dropMargins, type Row } from './rows';
import { classify, findBlocks } from './tables';

const MSG_ENCRYPTED = '这个 PDF 文件已加密，无法读取。请先用 PDF 阅读器去掉密码（另存为不加密的 PDF），再导入。';
const MSG_SCANNED = '这个 PDF 没有文字层（可能是扫描件），无法读取数字。请使用带文字的 PDF、网页版报告，或先做文字识别（OCR）。';
const MSG_BROKEN = '这个 PDF 文件已损坏或不完整，无法打开。请重新下载原文件。';

/** Fewer visible characters than this per page means there is no real text layer. */
const MIN_CHARS_PER_PAGE = 30;

/** An error thrown by the program's own reading of a page, not by pdf.js: not the file's fault. */
class OwnFault {
  constructor(readonly error: unknown) {}
}

/** What to throw for an error met while pdf.js read the file (parse/index.ts words a fault of ours). */
function failure(e: unknown): unknown {
  if (e instanceof ReportError) return e;
  if (e instanceof OwnFault) return e.error;
  const name = (e as { name?: string } | null)?.name;
  if (name === 'PasswordException') return new ReportError('encrypted_pdf', MSG_ENCRYPTED);
  return new ReportError('broken_file', MSG_BROKEN);
}

export interface PdfOptions {
  /** How long text extraction may take (ms); then the file is refused. */
  millis?: number;
  /**
   * 'all' hands pdf.js every embedded font program; by default those text extraction does not
   * need are left out (fonts.ts). Tests compare the two.
   */
  fontPrograms?: 'all' | 'needed';
}

export async function readPdf(bytes: Uint8Array, opts: PdfOptions = {}): Promise<ReportDocument> {
  const millis = opts.millis ?? LIMITS.pdfMillis;
  const deadline = Date.now() + millis;
  const pdfjs = await loadPdfjs();
  // pdfjs may take ownership of (detach) the buffer it is given; the caller keeps theirs.
  const light = opts.fontPrograms === 'all' ? bytes : withoutFontPrograms(bytes).bytes;
  const task = pdfjs.getDocument(documentOptions(light === bytes ? new Uint8Array(bytes) : light));
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    throw failure(e);
  }
  let pages: { pieces: Piece[]; height: number; page: number }[];
  let title: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    checkPdfPages(doc.numPages);
    // pdfjs yields while it works, so the timer can stop a page that takes too long; the
    // check between pages makes the limit exact for the usual case of many ordinary pages.
    const expired = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(pdfTimedOut()), millis); });
    const extract = async () => {
      const out: { pieces: Piece[]; height: number; page: number }[] = [];
      const shown = await layers(doc);
      for (let i = 0; i < doc.numPages; i++) {
        if (Date.now() >= deadline) throw pdfTimedOut();
        out.push(await readPage(pdfjs, doc, i + 1, shown));
      }
      return out;
    };
    // An error of ours met here comes out as an OwnFault, so that it is not called a broken file.
    pages = await Promise.race([extract(), expired]);
    title = await readTitle(doc);
  } catch (e) {
    throw failure(e);
  } finally {
    clearTimeout(timer);
    await doc.destroy().catch(() => undefined);
  }
  const chars = pages.reduce((n, p) => n + visibleChars(p.pieces), 0);
  if (chars < MIN_CHARS_PER_PAGE * Math.max(1, pages.length)) throw new ReportError('scanned_pdf', MSG_SCANNED);

  const rows = dropMargins(pages.map((p) => ({ rows: buildRows(p.pieces, p.page), height: p.height })));
  const lines = toLines(rows.flat());
  return { kind: 'pdf', text: plainText(lines), lines, paged: true, ...(title ? { title } : {}) };
}

type Pdfjs = Awaited<ReturnType<typeof loadPdfjs>>;
type PdfDoc = Awaited<ReturnType<Pdfjs['getDocument']>['promise']>;

async function readPage(pdfjs: Pdfjs, doc: PdfDoc, n: number, shown: LayerShown): Promise<{ pieces: Piece[]; height: number; page: number }> {
  const page = await doc.getPage(n);
  const view = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const items = content.items.filter((it): it is RawItem & typeof it => 'str' in it);
  // The colours the figures are painted in are only in the operator list (ink.ts); a page
  // without a digit has no figure to hide.
  const digits = items.some((it) => DIGIT.test(it.str));
  const ops = digits ? await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE }) : null;
  // Form fields and free-text annotations a viewer shows over the page (notes.ts).
  const annotations = await page.getAnnotations({ intent: 'display' }).catch(() => []);
  try {
    const pieces = pagePieces(items, ops && { ops, names: pdfjs.OPS as unknown as Ops }, annotations, shown, view);
    return { pieces, height: view.height, page: n };
  } catch (e) {
    throw new OwnFault(e);
  } finally {
    page.cleanup();
  }
}

/** The program's own work on what pdf.js read of a page. */
function pagePieces(items: RawItem[], painted: { ops: Parameters<typeof unseenItems>[1]; names: Ops } | null, annotations: Parameters<typeof noteItems>[0],
  shown: LayerShown, view: { transform: number[]; height: number; width: number }): Piece[] {
  const seen = painted ? unseenItems(items, painted.ops, painted.names, shown) : null;
  const notes = noteItems(annotations);
  const marks = raisedMarks(items);
  const kept = items.flatMap((_, i) => (seen?.watermark[i] || marks[i] ? [] : [i]));
  const own = kept.map((i) => (seen?.joined[i] !== undefined ? { ...items[i], str: seen.joined[i]! } : items[i]));
  const pictures = seen ? pictureItems(seen.pictures, seen.usual) : [];
  const all = [...own, ...notes, ...pictures];
  const why = [...kept.map((i) => seen?.why[i]), ...notes.map(() => ADDED), ...pictures.map(() => PICTURE)];
  return toPieces(all, { transform: view.transform, height: view.height, width: view.width }, why);
}

/** Which optional-content layers the document shows by default, as a reader's viewer does. */
async function layers(doc: PdfDoc): Promise<LayerShown> {
  try {
    const config = await doc.getOptionalContentConfig();
    return (props) => {
      try {
        return config.isVisible(props as Parameters<typeof config.isVisible>[0]);
      } catch {
        return true;
      }
    };
  } catch {
    return () => true;
  }
}

function visibleChars(pieces: Piece[]): number {
  return pieces.reduce((n, p) => n + p.text.replace(/\s/g, '').length, 0);
}

function toLines(rows: Row[]): Line[] {
  const entries = classify(rows);
  findBlocks(entries);
  const lines: Line[] = [];
  let page = 0;
  let n = 0;
  for (const r of assemble(entries)) {
    if (r.page !== page) {
      page = r.page;
      n = 0;
    }
    n++;
    lines.push({ cellular: true, tokens: r.texts.map((text, i) => {
      const doubt = r.doubt && i >= r.doubt.from ? r.doubt.why : r.doubts?.[i];
      return { text, page, line: n, ...(doubt ? { doubt } : {}) };
    }) });
  }
  return lines;
}

function plainText(lines: Line[]): string {
  const out: string[] = [];
  let page = 0;
  for (const l of lines) {
    const p = l.tokens[0]?.page ?? page;
    if (page && p !== page) out.push('');
    page = p;
    out.push(l.tokens.map((t) => t.text).filter(Boolean).join(' '));
  }
  return out.join('\n');
}

async function readTitle(doc: { getMetadata(): Promise<{ info: object }> }): Promise<string | undefined> {
  try {
    const { info } = await doc.getMetadata();
    const t = (info as { Title?: unknown }).Title;
    return typeof t === 'string' && t.trim() ? t.trim() : undefined;
  } catch {
    return undefined;
  }
}
