/**
 * A small static file server for the built site (build/): used by `npm start`, the browser
 * tests and the bench. It serves .wasm as application/wasm so the browser can stream-compile it,
 * and a file's precompressed `.br` or `.gz` twin (scripts/precompress.ts) to a browser that
 * accepts it.
 */
import { createServer, type Server } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.arrow': 'application/vnd.apache.arrow.stream',
  '.parquet': 'application/octet-stream',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

function fileFor(root: string, urlPath: string): string | null {
  const path = decodeURIComponent(urlPath.split('?')[0]);
  const full = normalize(join(root, path));
  if (full !== root && !full.startsWith(root + sep)) return null;
  try {
    const st = statSync(full);
    if (st.isFile()) return full;
    if (st.isDirectory()) {
      const index = join(full, 'index.html');
      if (statSync(index).isFile()) return index;
    }
  } catch {
    // fall through to the .html form of a prerendered route
  }
  try {
    if (statSync(`${full}.html`).isFile()) return `${full}.html`;
  } catch {
    return null;
  }
  return null;
}

/** The encoding of a precompressed twin the client accepts and that is as new as the file. */
function precompressed(file: string, accept: string): 'br' | 'gzip' | null {
  const fresh = (twin: string) => {
    try {
      return statSync(twin).mtimeMs >= statSync(file).mtimeMs;
    } catch {
      return false;
    }
  };
  if (/\bbr\b/.test(accept) && fresh(`${file}.br`)) return 'br';
  if (/\bgzip\b/.test(accept) && fresh(`${file}.gz`)) return 'gzip';
  return null;
}

/** Serve `dir` on 127.0.0.1; port 0 picks a free one. */
export function serveStatic(dir: string, port = 0, host = '127.0.0.1'): Promise<StaticServer> {
  const root = resolve(dir);
  const server: Server = createServer((req, res) => {
    const file = req.method === 'GET' || req.method === 'HEAD' ? fileFor(root, req.url ?? '/') : null;
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('未找到');
      return;
    }
    const immutable = file.includes(`${sep}immutable${sep}`);
    const encoding = precompressed(file, String(req.headers['accept-encoding'] ?? ''));
    const body = encoding ? `${file}.${encoding === 'br' ? 'br' : 'gz'}` : file;
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': statSync(body).size,
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      Vary: 'Accept-Encoding',
      ...(encoding ? { 'Content-Encoding': encoding } : {}),
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(body).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const { port: p } = server.address() as AddressInfo;
      ok({
        url: `http://${host}:${p}/`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
