import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { serveStatic, type StaticServer } from '../../scripts/static-server';
import { precompress } from '../../scripts/precompress';

function get(url: string, accept: string): Promise<{ encoding: string | undefined; body: Buffer }> {
  return new Promise((ok, fail) => {
    request(url, { headers: { 'accept-encoding': accept } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
    }).on('error', fail).end();
  });
}

describe('precompressed files', () => {
  let dir: string;
  let server: StaticServer;
  const text = JSON.stringify(Array.from({ length: 2000 }, (_, i) => ({ i, name: `单位${i}` })));
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-precompress-'));
    writeFileSync(join(dir, 'a.json'), text);
    writeFileSync(join(dir, 'tiny.json'), '{}');
    expect(precompress(dir).files).toBe(1);
    server = await serveStatic(dir);
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('are sent as brotli or gzip to a browser that accepts them, and decode to the file', async () => {
    const br = await get(`${server.url}a.json`, 'gzip, deflate, br');
    expect(br.encoding).toBe('br');
    expect(br.body.length).toBeLessThan(text.length / 3);
    expect(brotliDecompressSync(br.body).toString()).toBe(text);
    const gz = await get(`${server.url}a.json`, 'gzip');
    expect(gz.encoding).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(text);
  });

  it('are not sent to a client that accepts no encoding, nor when the file is newer than its twin', async () => {
    const plain = await get(`${server.url}a.json`, '');
    expect(plain.encoding).toBeUndefined();
    expect(plain.body.toString()).toBe(text);
    const later = new Date(Date.now() + 60_000);
    writeFileSync(join(dir, 'a.json'), '{"changed":true}');
    utimesSync(join(dir, 'a.json'), later, later);
    const fresh = await get(`${server.url}a.json`, 'br');
    expect(fresh.encoding).toBeUndefined();
    expect(fresh.body.toString()).toBe('{"changed":true}');
  });
});
