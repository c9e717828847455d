/**
 * npm start (after the build): serves dist/ on http://localhost:4173 with compression and the headers the
 * app needs.   tsx server/serve.ts [--port 4173] [--dir dist] [--log-responses]
 *
 * --log-responses prints one JSON line per response (time, path, status, encoding, bytes written): an access
 * log, and what `npm run bench` counts the bytes of a first visit from.
 */
import { existsSync } from 'node:fs';
import { createStaticServer, type SentResponse } from './staticServer';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const dir = arg('dir', 'dist');
const port = Number(arg('port', '4173'));
const host = arg('host', 'localhost');

if (!existsSync(`${dir}/index.html`)) {
  console.error(`error: ${dir}/index.html is missing; build the app first with: npm run build`);
  process.exit(1);
}
const onResponse = process.argv.includes('--log-responses')
  ? (r: SentResponse) => process.stdout.write(`${JSON.stringify(r)}\n`)
  : undefined;
const server = createStaticServer(dir, { onResponse });
server.listen(port, host, () => {
  console.log(`Apparatus is at http://${host}:${port}/`);
  // In the background, so the first visitor's files are ready compressed; a request meanwhile waits for its own.
  const t0 = performance.now();
  void server
    .precompress()
    .then((n) => console.log(`compressed ${n} files in ${((performance.now() - t0) / 1000).toFixed(1)} s`));
});
