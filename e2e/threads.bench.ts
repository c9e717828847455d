import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test } from './fixtures';

/**
 * Decode step time on WASM with 1 and 2 threads: same prompt, seed and settings (guidance 1.5, so each step
 * decodes two rows). Thread counts alternate by round so drifting background load hits both alike. Run with
 * `npm run bench:browser`; the summary goes to the console and bench-results/browser-threads.json.
 */
const ROUNDS = 3;
const PER_ROUND = 2;
const MAX_TOKENS = 128;

test('WASM step time, 1 vs 2 threads', async ({ app }) => {
  test.setTimeout(900_000);
  const steps: Record<number, number[]> = { 1: [], 2: [] };
  const rates: Record<number, number[]> = { 1: [], 2: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const threads of [1, 2]) {
      await app.openReady(`backend=wasm&threads=${threads}`);
      expect((await app.state()).model.numThreads).toBe(threads);
      await app.prompt.fill('a lively reel in D major');
      await app.controls.quick(7, MAX_TOKENS);
      for (let i = 0; i < PER_ROUND; i++) {
        await app.generate();
        const g = (await app.lastGeneration())!;
        steps[threads].push(g.timings.meanStepMs);
        rates[threads].push(g.timings.tokensPerSecond);
      }
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const summary = Object.fromEntries(
    [1, 2].map((t) => [
      `threads=${t}`,
      {
        medianStepMs: median(steps[t]),
        minStepMs: Math.min(...steps[t]),
        medianTokensPerSecond: median(rates[t]),
        stepMs: steps[t],
      },
    ]),
  );
  console.log(JSON.stringify(summary, null, 1));
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(
    'bench-results/browser-threads.json',
    JSON.stringify({ date: new Date().toISOString(), guidance: 1.5, maxTokens: MAX_TOKENS, summary }, null, 1),
  );
});
