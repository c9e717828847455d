import { mkdtempSync, writeFileSync } from 'node:fs';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticServer, type SentResponse } from './staticServer';

const dir = mkdtempSync(join(tmpdir(), 'apparatus-log-'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>'.repeat(50));
writeFileSync(join(dir, 'model.onnx'), Buffer.alloc(20_000, 3));
const logged: SentResponse[] = [];
const server = createStaticServer(dir, { onResponse: (r) => logged.push(r) });
let port = 0;

/** Sends one raw request and counts every byte that comes back, headers included, until the server closes. */
function rawBytes(path: string, headers: string): Promise<{ bytes: number; head: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () =>
      socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n${headers}\r\n`),
    );
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', () => {
      const all = Buffer.concat(chunks);
      resolve({ bytes: all.length, head: all.subarray(0, all.indexOf('\r\n\r\n')).toString() });
    });
    socket.on('error', reject);
  });
}

describe('static server response log', () => {
  beforeAll(
    () =>
      new Promise<void>((r) =>
        server.listen(0, '127.0.0.1', () => ((port = (server.address() as AddressInfo).port), r())),
      ),
  );
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it.each([
    ['/model.onnx', 'Accept-Encoding: br\r\n', 200, 'br'],
    ['/model.onnx', '', 200, null],
    ['/', 'Accept-Encoding: gzip\r\n', 200, 'gzip'],
    ['/missing.js', '', 404, null],
  ])('%s (%j) logs the bytes the client received', async (path, headers, status, encoding) => {
    const before = logged.length;
    const got = await rawBytes(path, headers);
    await new Promise((r) => setTimeout(r, 20)); // 'finish' may land just after the client's last byte
    expect(logged.length).toBe(before + 1);
    const r = logged[before];
    expect(r).toMatchObject({ path: path.split('?')[0], status, encoding });
    expect(got.head).toContain(` ${status} `);
    expect(r.bytes).toBe(got.bytes);
    expect(Math.abs(r.at - Date.now())).toBeLessThan(5_000);
  });

  it('logs a revalidation (304) as its headers alone', async () => {
    const first = await rawBytes('/model.onnx', '');
    const etag = /etag: (.+)/i.exec(first.head)![1];
    const before = logged.length;
    const again = await rawBytes('/model.onnx', `If-None-Match: ${etag}\r\n`);
    await new Promise((r) => setTimeout(r, 20));
    expect(logged[before]).toMatchObject({ status: 304, bytes: again.bytes });
    expect(again.bytes).toBeLessThan(1_000);
  });
});
