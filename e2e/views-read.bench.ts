import { mkdirSync, writeFileSync } from 'node:fs';
import { leaveOneOut } from '../src/explain/perturb';
import { expect, test } from './fixtures';

/**
 * Time of the leave-one-out likelihood reading the perturbation view runs: a 10-word prompt and its ten
 * leave-one-out prompts (11 in all) reading a 256-token tune in one batched teacher-forced pass, on WASM.
 * The tune is a fixed jig (the reading does not depend on how the tune was made). Run with
 * `npm run bench:browser`; the summary goes to the console and bench-results/browser-read.json.
 */
const ROUNDS = 5;
const WORDS = 'a lively irish jig in d major for the fiddle'.split(' ');
const BARS = [
  ['D', '2', 'F', 'A', '2', 'F', '|'],
  ['d', '2', 'A', 'F', '2', 'A', '|'],
  ['G', '2', 'B', 'A', 'F', 'D', '|'],
  ['E', 'F', 'E', 'D', '3', '|'],
];

function tune(length: number): string[] {
  const tokens = ['M:6/8', 'K:Dmaj'];
  for (let i = 0; tokens.length < length; i++) tokens.push(...BARS[i % BARS.length]);
  return tokens.slice(0, length);
}

test('leave-one-out likelihood reading, 10 words x 256 tokens, WASM', async ({ app, page }) => {
  test.setTimeout(300_000);
  await app.openReady('backend=wasm');
  const tokens = tune(256);
  const prompts = [WORDS, ...leaveOneOut(WORDS).map((p) => [...p.words])];
  const runs: { ms: number; wallMs: number }[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const r = await page.evaluate(([p, t]) => window.__apparatus!.read(p, t), [prompts, tokens] as const);
    if ('error' in r) throw new Error(r.error);
    expect(r.totals).toHaveLength(11);
    runs.push({ ms: r.ms, wallMs: r.wallMs });
  }
  const model = (await app.state()).model;
  const sorted = runs.map((r) => r.ms).sort((a, b) => a - b);
  const summary = {
    prompts: prompts.length,
    tokens: tokens.length,
    backend: model.backend,
    threads: model.numThreads,
    medianWorkerMs: sorted[Math.floor(sorted.length / 2)],
    minWorkerMs: sorted[0],
    runs,
  };
  console.log(JSON.stringify(summary, null, 1));
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(
    'bench-results/browser-read.json',
    JSON.stringify({ date: new Date().toISOString(), ...summary }, null, 1),
  );
});
