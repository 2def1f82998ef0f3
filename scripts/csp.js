/**
 * The site's Content-Security-Policy: only the site itself may supply scripts, workers,
 * wasm and data. One definition for both places it is enforced: SvelteKit writes it as a
 * <meta> into every prerendered page (with the hashes of its own inline start-up script), and
 * `npm start`'s server sends it as a header. Plain JS because svelte.config.js loads it.
 */

/** @type {Record<string, string[]>} */
export const CSP_DIRECTIVES = {
  'default-src': ['self'],
  // DuckDB is WebAssembly: compiling it needs wasm-unsafe-eval (not unsafe-eval).
  'script-src': ['self', 'wasm-unsafe-eval'],
  'worker-src': ['self'],
  // DuckDB's worker fetches its wasm from the site's own URL now, yet without blob: the import
  // page's accept step stalls (tests/browser/import.test.ts; cause not found yet). A blob: URL
  // is made by the page itself and names no other host.
  'connect-src': ['self', 'blob:'],
  'img-src': ['self', 'data:', 'blob:'],
  'font-src': ['self', 'data:'],
  // Svelte and ECharts set style attributes; styles cannot run code or send requests here,
  // as img-src/font-src/connect-src stay on the site.
  'style-src': ['self', 'unsafe-inline'],
  'object-src': ['none'],
  'base-uri': ['none'],
  'form-action': ['self'],
};

/** Directives a <meta> cannot carry, so only the header has them. */
export const HEADER_ONLY = { 'frame-ancestors': ['none'] };

const KEYWORDS = new Set(['self', 'none', 'unsafe-inline', 'unsafe-eval', 'wasm-unsafe-eval', 'strict-dynamic']);

/** @param {Record<string, string[]>} directives */
export function policyText(directives) {
  return Object.entries(directives)
    .map(([name, values]) => [name, ...values.map((v) => (KEYWORDS.has(v) ? `'${v}'` : v))].join(' '))
    .join('; ');
}

/** Headers every response of the site carries. */
export const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};
