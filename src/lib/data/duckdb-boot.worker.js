// DuckDB's worker, started as a classic worker script. Without TransformStream, duckdb-wasm's
// worker compiles the wasm with WebAssembly.instantiateStreaming(fetch(url)) on the response
// itself, which the browser may keep compiled in its code cache; its progress-reporting path
// hands the compiler a re-wrapped Response that no cache can key. The page reports no progress.
self.TransformStream = undefined;
importScripts(decodeURIComponent(self.location.hash.slice(1)));
