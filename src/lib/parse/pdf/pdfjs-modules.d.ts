// pdfjs-dist ships no typings for its worker bundles or the modern build path; we only need
// them as opaque modules (see pdfjs.ts).
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs';
declare module 'pdfjs-dist/build/pdf.worker.mjs';
declare module 'pdfjs-dist/build/pdf.mjs';
