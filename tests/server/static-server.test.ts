/**
 * `npm start`'s server over the built site: hostile requests get a 4xx and never stop it,
 * every answer carries the security headers, and the build's .br/.gz copies are served to
 * clients that accept them.
 */
import { connect } from 'node:net';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../scripts/static-server';
import { requireBuiltSite } from '../browser/site';
import { SITE_DIR } from '../../scripts/site-build';

const SITE = SITE_DIR.test;

/** Send raw bytes as a request and read the status line of the answer (0: no answer). */
function raw(server: StaticServer, request: string): Promise<number> {
  const { hostname, port } = new URL(server.url);
  return new Promise((ok) => {
    const s = connect(Number(port), hostname, () => s.write(request));
    let data = '';
    s.setTimeout(5000, () => s.destroy());
    s.on('error', () => undefined);
    s.on('close', () => ok(Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0)));
    // The status line is all we need; a body may be long (the site's page), so stop there.
    s.on('data', (d) => {
      data += d.toString('latin1');
      if (data.includes('\r\n')) s.destroy();
    });
  });
}

const get = (path: string) => `GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`;

const HOSTILE: string[] = [
  '/%', '/%E0%A4%A', '/%zz', '/%ff%fe', '/..%2f..%2fetc/passwd', '/..%2F..%2F..%2Fetc%2Fpasswd', '/../../etc/passwd',
  '/%2e%2e/%2e%2e/etc/passwd', '/data/..%5c..%5cpackage.json', '/%00', '/index.html%00.png', '/a\0b',
  '/' + 'a'.repeat(70_000), '/' + '%41'.repeat(5000), 'http://127.0.0.2:9/', 'https://example.com/x', '*', '//evil.example/x',
  '/\u00ff\u00fe', '/_app/%c0%ae%c0%ae/x',
];

function builtFiles(dir: string, ext: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith(ext)).map((f) => join(dir, f));
}

describe('static server', () => {
  let server: StaticServer;
  beforeAll(async () => {
    requireBuiltSite();
    server = await serveStatic(SITE);
  });
  afterAll(() => server?.close());

  it('answers every hostile path with a 4xx and keeps serving the site', async () => {
    for (const path of HOSTILE) {
      const status = await raw(server, get(path));
      // Node itself refuses a few request lines before they reach the handler (then: 400).
      expect(status, JSON.stringify(path.slice(0, 40))).toBeGreaterThanOrEqual(400);
      expect(status, JSON.stringify(path.slice(0, 40))).toBeLessThan(500);
    }
    for (const req of ['POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n', 'GARBAGE\r\n\r\n', `GET / HTTP/1.1\r\nHost: x\r\nX: ${'b'.repeat(70_000)}\r\n\r\n`]) {
      const status = await raw(server, req);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
    }
    const res = await fetch(server.url);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('公开年报看板');
    expect(await raw(server, get('/etc/passwd'))).toBe(404);
    // The query string is the page's business, not the server's: a stray % there is no error.
    expect(await raw(server, get('/sql?sql=%'))).toBe(200);
  });

  it('sends the page’s own CSP as a header, with nosniff and no-referrer, on pages and files', async () => {
    const res = await fetch(new URL('sql', server.url));
    const html = await res.text();
    const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(html)?.[1].replace(/&#39;/g, "'");
    expect(meta).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
    const header = res.headers.get('content-security-policy') ?? '';
    expect(header.startsWith(meta!.replace(/;?\s*$/, ''))).toBe(true);
    expect(header).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const js = await fetch(new URL('_app/version.json', server.url));
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves the build’s .br and .gz copies when accepted, identity otherwise, with Vary', async () => {
    const wasm = builtFiles(SITE, '.wasm')[0];
    const js = builtFiles(`${SITE}/_app/immutable`, '.js').sort((a, b) => readFileSync(b).length - readFileSync(a).length)[0];
    for (const file of [js, wasm, `${SITE}/data/reports.arrow`]) {
      const original = readFileSync(file);
      const url = new URL(file.slice(SITE.length + 1), server.url).href;
      const { request } = await import('node:http');
      const fetchRaw = (enc: string) => new Promise<{ headers: Record<string, unknown>; body: Buffer }>((ok, fail) => {
        request(url, { headers: { 'accept-encoding': enc } }, (res) => {
          const parts: Buffer[] = [];
          res.on('data', (d: Buffer) => parts.push(d));
          res.on('end', () => ok({ headers: res.headers, body: Buffer.concat(parts) }));
        }).on('error', fail).end();
      });
      const br = await fetchRaw('gzip, deflate, br');
      expect(br.headers['content-encoding'], file).toBe('br');
      expect(br.headers.vary).toBe('Accept-Encoding');
      expect(br.body.length).toBeLessThan(original.length);
      expect(brotliDecompressSync(br.body).equals(original)).toBe(true);
      const gz = await fetchRaw('gzip');
      expect(gz.headers['content-encoding'], file).toBe('gzip');
      expect(gunzipSync(gz.body).equals(original)).toBe(true);
      const none = await fetchRaw('br;q=0, identity');
      expect(none.headers['content-encoding']).toBeUndefined();
      expect(none.headers.vary).toBe('Accept-Encoding');
      expect(none.body.equals(original)).toBe(true);
    }
  }, 60_000);
});
