import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { CONTENT_SECURITY_POLICY } from './contentSecurityPolicy';
import { isInside, resolveRequestPath } from './requestPath';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.onnx': 'application/octet-stream',
  '.weights': 'application/octet-stream',
  '.bin': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ogg': 'audio/ogg',
  '.md': 'text/markdown; charset=utf-8',
};

/**
 * Audio is already compressed; everything else (wasm, scripts, JSON, weights) shrinks on the wire. In the order a
 * first visit fetches them: the page, its code, the runtime, the model; then the rest (catalogue, data).
 */
const COMPRESSIBLE_IN_VISIT_ORDER = [
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.wasm',
  '.onnx',
  '.weights',
  '.json',
  '.bin',
  '.svg',
  '.md',
];
const COMPRESSIBLE = new Set(COMPRESSIBLE_IN_VISIT_ORDER);

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** One response as the server wrote it, for an access log or a byte count that no client can miss. */
export interface SentResponse {
  /** When the last byte was handed to the socket, ms since the epoch. */
  readonly at: number;
  readonly path: string;
  readonly status: number;
  readonly encoding: string | null;
  /** Bytes written to the socket for this response: status line, headers and body. */
  readonly bytes: number;
}

export interface StaticServerOptions {
  /** Called once per finished response. */
  readonly onResponse?: (r: SentResponse) => void;
}

interface Encoded {
  readonly identity: Buffer;
  readonly br?: Buffer;
  readonly gzip?: Buffer;
  readonly mtimeMs: number;
  /** Weak, because the bytes on the wire differ by encoding while the file is the same. */
  readonly etag: string;
}

export interface StaticServer extends Server {
  /**
   * Compresses every compressible file of the build in the background, a first visit's kinds first, so the first visitor does
   * not wait for it: brotli at quality 9 takes seconds for onnxruntime's WebAssembly. Resolves with how many files
   * it compressed itself (not those already compressed, or under way for a request).
   */
  precompress(): Promise<number>;
}

/**
 * Serves a production build the way a real host would: cross-origin isolation headers (for threaded WASM),
 * correct MIME types, and brotli or gzip encoding, each file compressed once, off the event loop, and kept in
 * memory. Every response is revalidated (no-cache) by ETag, so a reload, or a second reader of the same file (the
 * page and a worker), gets a 304 instead of the bytes again.
 */
export function createStaticServer(root: string, options: StaticServerOptions = {}): StaticServer {
  // Real path, so a symlink's target can be compared with it (the root itself may sit behind a link).
  const base = realpathSync(root);
  const cache = new Map<string, Encoded>();
  /** Compressions under way: a request and the precompression for the same file share one. */
  const pending = new Map<string, Promise<Encoded>>();

  /** The kept entry for `path`, when the file has not changed since. */
  function current(path: string): Encoded | undefined {
    const { mtimeMs, size } = statSync(path);
    const hit = cache.get(path);
    return hit && hit.mtimeMs === mtimeMs && hit.identity.length === size ? hit : undefined;
  }

  function load(path: string): Promise<Encoded> {
    const hit = current(path);
    if (hit) return Promise.resolve(hit);
    const running = pending.get(path);
    if (running) return running;
    const job = encode(path).finally(() => pending.delete(path));
    pending.set(path, job);
    return job;
  }

  async function encode(path: string): Promise<Encoded> {
    const { mtimeMs } = statSync(path);
    const identity = readFileSync(path);
    const etag = `W/"${createHash('sha1').update(identity).digest('base64url')}"`;
    const entry: Encoded = COMPRESSIBLE.has(extname(path))
      ? {
          identity,
          mtimeMs,
          etag,
          br: await brotli(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }),
          gzip: await gzipped(identity, { level: 9 }),
        }
      : { identity, mtimeMs, etag };
    cache.set(path, entry);
    return entry;
  }

  async function precompress(): Promise<number> {
    const files = listFiles(base)
      .filter((f) => COMPRESSIBLE.has(extname(f)))
      .sort(
        (a, b) => COMPRESSIBLE_IN_VISIT_ORDER.indexOf(extname(a)) - COMPRESSIBLE_IN_VISIT_ORDER.indexOf(extname(b)),
      );
    let compressed = 0;
    for (const f of files) {
      const fresh = !current(f) && !pending.has(f);
      await load(f);
      if (fresh) compressed++;
    }
    return compressed;
  }

  /** Answers one request, noting in `sent` the content encoding it sends before it sends it (for the log). */
  async function handle(req: IncomingMessage, res: ServerResponse, sent: { encoding: string | null }): Promise<void> {
    // Appended rather than resolved against a base, so `//host/x` stays a path instead of naming a host.
    const url = new URL(`http://localhost${req.url ?? '/'}`);
    const resolved = resolveRequestPath(base, url.pathname);
    if ('status' in resolved) {
      res.writeHead(resolved.status, { 'Content-Type': 'text/plain' }).end('refused');
      return;
    }
    let path = resolved.file;
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!existsSync(path)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end(`not found: ${url.pathname}`);
      return;
    }
    // A symlink in the build may lead anywhere; serve it only when its target is inside the root too.
    if (!isInside(base, realpathSync(path))) {
      res.writeHead(403, { 'Content-Type': 'text/plain' }).end('refused');
      return;
    }
    const file = await load(path);
    const shared = {
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      // On every response, not just pages: a worker runs under the policy its own script came with.
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'Cache-Control': 'no-cache',
      ETag: file.etag,
      Vary: 'Accept-Encoding',
    };
    const known = String(req.headers['if-none-match'] ?? '')
      .split(',')
      .map((t) => t.trim().replace(/^W\//, ''));
    if (known.includes(file.etag.replace(/^W\//, ''))) {
      res.writeHead(304, shared).end();
      return;
    }
    const accept = String(req.headers['accept-encoding'] ?? '');
    const [body, encoding] =
      file.br && /\bbr\b/.test(accept)
        ? [file.br, 'br']
        : file.gzip && /\bgzip\b/.test(accept)
          ? [file.gzip, 'gzip']
          : [file.identity, null];
    sent.encoding = encoding;
    res.writeHead(200, {
      'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
      'Content-Length': body.length,
      ...shared,
      ...(encoding ? { 'Content-Encoding': encoding } : {}),
    });
    if (req.method === 'HEAD') res.end();
    else res.end(body);
  }

  /**
   * Counts what the socket wrote between the request and the end of its response. Browsers do not pipeline
   * HTTP/1.1, so one connection carries one response at a time and the difference is this response alone.
   */
  function observe(req: IncomingMessage, res: ServerResponse, onResponse: (r: SentResponse) => void) {
    const socket = req.socket;
    const before = socket.bytesWritten;
    const sent = { encoding: null as string | null };
    res.once('finish', () =>
      onResponse({
        at: Date.now(),
        path: new URL(`http://localhost${req.url ?? '/'}`).pathname,
        status: res.statusCode,
        encoding: sent.encoding,
        bytes: socket.bytesWritten - before,
      }),
    );
    return sent;
  }

  const server = createServer((req, res) => {
    const sent = options.onResponse ? observe(req, res, options.onResponse) : { encoding: null };
    handle(req, res, sent).catch((e: Error) =>
      res.writeHead(500, { 'Content-Type': 'text/plain' }).end(`server error: ${e.message}`),
    );
  });
  return Object.assign(server, { precompress });
}

/** Every file under `dir`, recursively, as full paths. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? listFiles(join(dir, d.name)) : d.isFile() ? [join(dir, d.name)] : [],
  );
}
