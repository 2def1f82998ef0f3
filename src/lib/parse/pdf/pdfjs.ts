/**
 * The one place that loads pdfjs-dist. Node gets the legacy build (the modern one assumes
 * browser-era JS APIs Node 20 lacks); a browser or Web Worker gets the modern build. In both
 * we load pdfjs's worker code into this thread (globalThis.pdfjsWorker) so pdfjs runs its
 * "fake worker" in-process: no nested Worker to spawn, no workerSrc URL for a bundler to
 * resolve, and no worker start-up cost per document.
 */
type PdfjsModule = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<PdfjsModule> | null = null;

/**
 * Where pdfjs finds its CMap files (pdfjs-dist/cmaps/). Chinese PDFs often use fonts that are
 * not embedded with a predefined CMap (UniGB-UCS2-H, GBK-EUC-H…); without these files pdfjs
 * extracts no text at all from them. In Node they are found in node_modules; a browser build
 * must serve the directory and call setPdfAssets with its URL (ending in '/').
 */
export interface PdfAssets {
  cMapUrl?: string;
  standardFontDataUrl?: string;
}
let assets: PdfAssets = {};

export function setPdfAssets(a: PdfAssets): void {
  assets = { ...assets, ...a };
}

async function nodeAssets(): Promise<PdfAssets> {
  // Variable specifiers keep bundlers from pulling Node built-ins into a browser build.
  const modName = 'node:module', pathName = 'node:path';
  const { createRequire } = await import(/* @vite-ignore */ modName);
  const { dirname, join } = await import(/* @vite-ignore */ pathName);
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  // Standard-font files are left out: they only serve rendering, and text extraction takes
  // glyph widths from the PDF's width tables and pdfjs's built-in metrics.
  return { cMapUrl: join(root, 'cmaps') + '/' };
}

function inNode(): boolean {
  return typeof process !== 'undefined' && !!process.versions?.node;
}

/**
 * The legacy build carries core-js, which on Node 20 replaces the engine's Array.prototype.push
 * for the whole process with a JavaScript one (it corrects how push fails on an array whose
 * length was made read-only, V8 bug 12681, which neither pdfjs nor this project ever does).
 * That replacement made every push several times slower: a fifth of the time of reading a
 * PDF, and all of the parser's own work once a PDF had been read. The engine's push goes back.
 */
function keepNative(push: typeof Array.prototype.push): void {
  if (Array.prototype.push !== push) {
    Object.defineProperty(Array.prototype, 'push', { value: push, writable: true, configurable: true, enumerable: false });
  }
}

async function load(): Promise<PdfjsModule> {
  const g = globalThis as { pdfjsWorker?: unknown };
  if (inNode()) {
    const push = Array.prototype.push;
    const [lib, worker] = await Promise.all([
      import('pdfjs-dist/legacy/build/pdf.mjs'),
      import('pdfjs-dist/legacy/build/pdf.worker.mjs'),
    ]);
    keepNative(push);
    g.pdfjsWorker ??= worker;
    assets = { ...(await nodeAssets()), ...assets };
    return lib;
  }
  const [lib, worker] = await Promise.all([
    import('pdfjs-dist/build/pdf.mjs') as unknown as Promise<PdfjsModule>,
    import('pdfjs-dist/build/pdf.worker.mjs'),
  ]);
  g.pdfjsWorker ??= worker;
  return lib;
}

export function loadPdfjs(): Promise<PdfjsModule> {
  loading ??= load();
  return loading;
}

/**
 * Options for getDocument that keep pdfjs to text extraction: no eval, no font faces, and
 * CMaps read by this thread (useWorkerFetch false) from the asset location above.
 */
export function documentOptions(data: Uint8Array) {
  return {
    data,
    ...(assets.cMapUrl ? { cMapUrl: assets.cMapUrl, cMapPacked: true } : {}),
    ...(assets.standardFontDataUrl ? { standardFontDataUrl: assets.standardFontDataUrl } : {}),
    useWorkerFetch: false,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    // pdfjs warns on stderr about recoverable oddities of real files; they are not ours to show.
    verbosity: 0,
  };
}
