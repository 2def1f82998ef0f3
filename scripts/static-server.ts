/**
 * A small static file server for the built site (build/): used by `npm start`, the browser
 * tests and the bench. No request can stop it: a malformed path is a 400, and any failure
 * while answering is caught and ends that one response. It sends the site's security
 * headers (CSP, nosniff, Referrer-Policy), serves .wasm as application/wasm so the browser
 * can stream-compile it, and the build's .br/.gz copies to clients that accept them.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { CSP_DIRECTIVES, HEADER_ONLY, policyText, SECURITY_HEADERS } from './csp.js';
import { COMPRESSIBLE } from './precompress.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.arrow': 'application/vnd.apache.arrow.stream',
  '.parquet': 'application/octet-stream',
  '.csv': 'text/csv; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

/** Longer paths are no page of this site; refused before any file system call. */
const MAX_PATH = 2048;
const BASE_POLICY = policyText({ ...CSP_DIRECTIVES, ...HEADER_ONLY });
const HEADER_EXTRA = policyText(HEADER_ONLY);

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

class Refusal extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** The decoded path of a request, or a Refusal saying why it is not one this server serves. */
export function requestPath(url: string): string {
  if (url.length > MAX_PATH) throw new Refusal(414, '地址过长');
  // Only origin-form ("/a/b?q"); an absolute URL or "*" asks for a proxy, which this is not.
  if (!url.startsWith('/') || url.startsWith('//')) throw new Refusal(400, '地址格式不对');
  let path: string;
  try {
    path = decodeURIComponent(url.split(/[?#]/)[0]);
  } catch {
    throw new Refusal(400, '地址中的百分号编码不对');
  }
  if (/[\0\\]/.test(path) || path.split('/').some((s) => s === '..')) throw new Refusal(400, '地址不合规');
  return path;
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function fileFor(root: string, path: string): string | null {
  const full = join(root, path);
  if (full !== root && !full.startsWith(root + sep)) return null;
  for (const candidate of [full, join(full, 'index.html'), `${full.replace(/\/$/, '')}.html`]) {
    if (isFile(candidate)) return candidate;
  }
  return null;
}

/** The policy a page carries in its <meta> (with Kit's script hashes), plus what only a header can say. */
const pagePolicies = new Map<string, { mtime: number; policy: string }>();
function pagePolicy(file: string, mtime: number): string {
  const hit = pagePolicies.get(file);
  if (hit?.mtime === mtime) return hit.policy;
  const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(readFileSync(file, 'utf8'));
  const policy = meta ? `${meta[1].replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/;?\s*$/, '')}; ${HEADER_EXTRA}` : BASE_POLICY;
  pagePolicies.set(file, { mtime, policy });
  return policy;
}

/** br or gzip when the client accepts it (q > 0) and the build made that copy. */
function encodingFor(req: IncomingMessage, file: string): { encoding: string; file: string } | null {
  const accepted = new Set(
    String(req.headers['accept-encoding'] ?? '')
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => !q || !/^\s*q=0(\.0*)?\s*$/.test(q))
      .map(([name]) => name.trim().toLowerCase()),
  );
  for (const [encoding, ext] of [['br', '.br'], ['gzip', '.gz']] as const) {
    if (accepted.has(encoding) && isFile(file + ext)) return { encoding, file: file + ext };
  }
  return null;
}

function answer(root: string, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS }).end('只支持 GET');
    return;
  }
  const file = fileFor(root, requestPath(req.url ?? '/'));
  if (!file) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': BASE_POLICY, ...SECURITY_HEADERS }).end('未找到');
    return;
  }
  const ext = extname(file);
  const st = statSync(file);
  const compressible = COMPRESSIBLE.includes(ext);
  const pick = compressible ? encodingFor(req, file) : null;
  const body = pick?.file ?? file;
  res.writeHead(200, {
    'Content-Type': TYPES[ext] ?? 'application/octet-stream',
    'Content-Length': pick ? statSync(body).size : st.size,
    'Cache-Control': file.includes(`${sep}immutable${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
    // Pages only. A worker script's own header would become the worker's policy, and the import
    // worker's accept step fails under it (known gap, see README); a static host sends none either.
    ...(ext === '.html' ? { 'Content-Security-Policy': pagePolicy(file, st.mtimeMs) } : {}),
    ...SECURITY_HEADERS,
    ...(pick ? { 'Content-Encoding': pick.encoding } : {}),
    ...(compressible ? { Vary: 'Accept-Encoding' } : {}),
  });
  if (req.method === 'HEAD') res.end();
  // A read error midway (file replaced by a rebuild) can only cut this response short.
  else pipeline(createReadStream(body), res, () => undefined);
}

/** Serve `dir` on 127.0.0.1; port 0 picks a free one. */
export function serveStatic(dir: string, port = 0, host = '127.0.0.1'): Promise<StaticServer> {
  const root = resolve(dir);
  const server: Server = createServer((req, res) => {
    try {
      answer(root, req, res);
    } catch (err) {
      const status = err instanceof Refusal ? err.status : 500;
      if (status === 500) console.error('请求处理出错：', req.url?.slice(0, 200), err);
      if (res.headersSent) res.destroy();
      else res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS }).end(err instanceof Refusal ? err.message : '服务器内部错误');
    }
  });
  // A request Node cannot even parse (bad request line, oversized headers): answer 400 and close.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      server.on('error', (err) => console.error('服务器出错：', err));
      const { port: p } = server.address() as AddressInfo;
      ok({
        url: `http://${host}:${p}/`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
