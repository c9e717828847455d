import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './contentSecurityPolicy';
import { createStaticServer } from './staticServer';
import { request } from 'node:http';

const dir = mkdtempSync(join(tmpdir(), 'apparatus-serve-'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>'.repeat(50));
writeFileSync(join(dir, 'a.wasm'), Buffer.alloc(4096, 7));
writeFileSync(join(dir, 'tone.ogg'), Buffer.alloc(100, 1));
const server = createStaticServer(dir);
let port = 0;

function get(
  path: string,
  encoding: string,
  extra: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ port, path, headers: { 'accept-encoding': encoding, ...extra } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static server', () => {
  beforeAll(
    () =>
      new Promise<void>((r) =>
        server.listen(0, '127.0.0.1', () => ((port = (server.address() as AddressInfo).port), r())),
      ),
  );
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it.each([
    ['/', 'gzip', 'gzip', 'text/html; charset=utf-8'],
    ['/a.wasm', 'br, gzip', 'br', 'application/wasm'],
    ['/a.wasm', '', undefined, 'application/wasm'],
    ['/tone.ogg', 'br, gzip', undefined, 'audio/ogg'],
  ])('%s with accept-encoding "%s" is sent as %s', async (path, accept, encoding, type) => {
    const r = await get(path, accept);
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe(encoding);
    expect(r.headers['content-type']).toBe(type);
    expect(r.headers['cross-origin-embedder-policy']).toBe('require-corp');
    expect(r.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers a revalidation with 304 while the file is unchanged, and with the new bytes after it changes', async () => {
    writeFileSync(join(dir, 'data.json'), '{"a":1}');
    const first = await get('/data.json', 'br');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await get('/data.json', 'gzip', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers['cross-origin-embedder-policy']).toBe('require-corp');
    writeFileSync(join(dir, 'data.json'), '{"a":22}');
    const changed = await get('/data.json', '', { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.body.toString()).toBe('{"a":22}');
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('sends the same bytes once decoded', async () => {
    const r = await get('/a.wasm', 'gzip');
    expect(gunzipSync(r.body).equals(Buffer.alloc(4096, 7))).toBe(true);
  });

  it.each([
    ['/missing.js', 404],
    ['/..%2F..%2Fetc%2Fpasswd', 403],
  ])('%s gives %i', async (path, status) => {
    expect((await get(path, '')).status).toBe(status);
  });
});

describe('static server precompression', () => {
  const site = mkdtempSync(join(tmpdir(), 'apparatus-precompress-'));
  const script = 'export const x = 1;\n'.repeat(20000);
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>x</title>');
  mkdirSync(join(site, 'assets'));
  writeFileSync(join(site, 'assets', 'big.js'), script);
  writeFileSync(join(site, 'assets', 'tone.ogg'), Buffer.alloc(100, 1));
  const warm = createStaticServer(site);
  beforeAll(
    () =>
      new Promise<void>((r) => warm.listen(0, '127.0.0.1', () => ((port = (warm.address() as AddressInfo).port), r()))),
  );
  afterAll(() => new Promise<void>((r) => warm.close(() => r())));

  it('compresses each compressible file once, in the background, and serves the same bytes', async () => {
    expect(await warm.precompress()).toBe(2); // index.html and big.js; not the audio
    expect(await warm.precompress()).toBe(0); // all kept
    const r = await get('/assets/big.js', 'br');
    expect(r.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(r.body).toString()).toBe(script);
  });

  it('shares a compression under way with a request for the same file', async () => {
    writeFileSync(join(site, 'assets', 'big.js'), script + '// changed\n');
    const [count, during] = await Promise.all([warm.precompress(), get('/assets/big.js', 'gzip')]);
    expect(count).toBeLessThanOrEqual(1);
    expect(gunzipSync(during.body).toString()).toBe(script + '// changed\n');
  });
});
