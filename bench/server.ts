import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { SentResponse } from '../server/staticServer';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/**
 * The bench builds into its own folder, so an e2e run rebuilding dist/ at the same time cannot change the
 * files under measurement. It lies inside the checkout (ignored), so two worktrees sharing node_modules keep apart.
 */
export const OUT_DIR = 'bench-results/tmp/dist';
const STAMP = join(OUT_DIR, '.built-at');
const VITE = 'node_modules/vite/bin/vite.js';
/** What the production build is made from. */
const INPUTS = ['src', 'public', 'index.html', 'vite.config.ts', 'scripts/ortAssets.ts', 'package-lock.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newestMtime(join(path, name))), st.mtimeMs);
}

/** Builds unless the last bench build is newer than every input. Returns whether it built. */
export function ensureBuild(force: boolean): boolean {
  const built = existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0;
  if (!force && built > Math.max(...INPUTS.map(newestMtime))) return false;
  const r = spawnSync(process.execPath, [VITE, 'build', '--outDir', OUT_DIR, '--emptyOutDir', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status})`);
  writeFileSync(STAMP, new Date().toISOString());
  return true;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** What serves the pages under measurement, named as bench.json reports it. */
export const SERVER_NAME = 'server/serve.ts (the server of npm start: brotli or gzip, ETag revalidation)';

export interface BenchServer {
  readonly url: string;
  readonly name: string;
  /** Every response the server has finished so far, as it logged them. */
  readonly responses: readonly SentResponse[];
  stop(): void;
}

/**
 * Serves the bench build with the app's own server (compression, cross-origin isolation) on a free port, with
 * its response log on, so the bench counts bytes where none can be missed: as the server wrote them. Answers once
 * the server has compressed the build, as a server that has been up a while has.
 */
export async function startServer(): Promise<BenchServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'server/serve.ts',
      '--dir',
      OUT_DIR,
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--log-responses',
    ],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const responses: SentResponse[] = [];
  let compressed = false;
  createInterface({ input: child.stdout! }).on('line', (line) => {
    if (line.startsWith('{')) responses.push(JSON.parse(line) as SentResponse);
    else if (line.startsWith('compressed ')) compressed = true;
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  // Never leave the server behind, even when the bench is interrupted.
  process.once('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      // A visitor meets a server that has been up a while: it has compressed the build (serve.ts precompresses).
      if (compressed && (await fetch(url)).ok) return { url, name: SERVER_NAME, responses, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error(`the server did not answer at ${url}`);
}
