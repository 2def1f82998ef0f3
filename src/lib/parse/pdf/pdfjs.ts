/**
 * The one place that loads pdfjs-dist. Node gets the legacy build (the modern one assumes
 * browser-era JS APIs Node 20 lacks); a browser or Web Worker gets the modern build. In both
 * we load pdfjs's worker code into this thread (globalThis.pdfjsWorker) so pdfjs runs its
 * "fake worker" in-process: no nested Worker to spawn, no workerSrc URL for a bundler to
 * resolve, and no worker start-up cost per document.
 */
type PdfjsModule = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<PdfjsModule> | null = null;

function inNode(): boolean {
  return typeof process !== 'undefined' && !!process.versions?.node;
}

async function load(): Promise<PdfjsModule> {
  const g = globalThis as { pdfjsWorker?: unknown };
  if (inNode()) {
    const [lib, worker] = await Promise.all([
      import('pdfjs-dist/legacy/build/pdf.mjs'),
      import('pdfjs-dist/legacy/build/pdf.worker.mjs'),
    ]);
    g.pdfjsWorker ??= worker;
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

/** Options for getDocument that keep pdfjs to text extraction: no eval, no fonts, no fetch. */
export function documentOptions(data: Uint8Array) {
  return {
    data,
    useWorkerFetch: false,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    // Text positions come from the PDF's own width tables; missing standard-font files only
    // matter for rendering, and their absence must not make pdfjs print warnings.
    verbosity: 0,
  };
}
