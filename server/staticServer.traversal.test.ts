import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticServer } from './staticServer';

// A served folder `site` beside folders and files whose names start with "site", plus links out of it.
const top = mkdtempSync(join(tmpdir(), 'apparatus-traversal-'));
const site = join(top, 'site');
const SECRET = 'secret-bytes';
mkdirSync(join(site, 'sub'), { recursive: true });
mkdirSync(join(top, 'site-secret'));
writeFileSync(join(site, 'index.html'), '<!doctype html><title>site</title>');
writeFileSync(join(site, 'a.txt'), 'a');
writeFileSync(join(site, 'sub', 'b.txt'), 'b');
writeFileSync(join(top, 'site-secret', 'key.txt'), SECRET);
writeFileSync(join(top, 'sitex.txt'), SECRET);
symlinkSync('a.txt', join(site, 'inner-link.txt'));
symlinkSync('../site-secret/key.txt', join(site, 'out-link.txt'));
symlinkSync('../site-secret', join(site, 'out-dir'));

const server = createStaticServer(site);
let port = 0;

/** A raw GET: the path goes on the wire exactly as written (no client-side normalising). */
function get(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ port, path }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Test titles for very long paths. */
const shorten = (path: string) => (path.length > 80 ? `${path.slice(0, 40)}… (${path.length} characters)` : path);

describe('static server refuses paths out of its folder', () => {
  beforeAll(
    () =>
      new Promise<void>((r) =>
        server.listen(0, '127.0.0.1', () => ((port = (server.address() as AddressInfo).port), r())),
      ),
  );
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const cases: [path: string, status: number][] = [
    ['/a.txt', 200],
    ['/sub/b.txt', 200],
    ['/inner-link.txt', 200],
    ['/sub/..%2Fa.txt', 200],
    // Siblings whose names start with the served folder's name.
    ['/..%2Fsite-secret%2Fkey.txt', 403],
    ['/..%2fsite-secret/key.txt', 403],
    ['/..%2Fsitex.txt', 403],
    // Encoded dots: the URL parser folds /%2e%2e/ itself; encoded slashes are left for the server.
    ['/%2e%2e%2fsite-secret%2fkey.txt', 403],
    ['/%2E%2E/site-secret/key.txt', 404],
    ['/sub/%2e%2e%2f%2e%2e%2fsite-secret%2fkey.txt', 403],
    // Backslashes, raw (the URL parser reads them as slashes) and encoded.
    ['/..\\site-secret\\key.txt', 404],
    ['/..%5Csite-secret%5Ckey.txt', 400],
    // NUL bytes and malformed escapes.
    ['/a.txt%00', 400],
    ['/a.txt%00.html', 400],
    ['/%E0%A4%A', 400],
    // Symlinks leading out of the folder.
    ['/out-link.txt', 403],
    ['/out-dir/key.txt', 403],
    // Very long paths.
    [`/${'a'.repeat(5000)}`, 414],
    [`/${'..%2F'.repeat(2000)}site-secret%2Fkey.txt`, 414],
  ];
  it.each(cases.map(([path, status]) => [shorten(path), status, path] as const))(
    '%s gives %i',
    async (_, status, path) => {
      const r = await get(path);
      expect(r.status).toBe(status);
      expect(r.body).not.toContain(SECRET);
    },
  );
});
