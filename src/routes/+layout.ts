// The site is static files; all data work happens in the browser (DuckDB-WASM, ECharts).
export const prerender = true;
export const ssr = false;
