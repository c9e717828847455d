import { describe, expect, it } from 'vitest';
import { FEATURE_PAIRS, movedRightWay, pairJobs, summarisePairs, type PairOutcome } from './featurePairs';

describe('movedRightWay', () => {
  it.each<[number | null, number | null, boolean]>([
    [3, 5, true],
    [5, 3, false],
    [4, 4, false],
    [0, 0.01, true],
    [null, 5, false],
    [3, null, false],
    [Infinity, 5, false],
    [3, NaN, false],
  ])('%s then %s: %s', (smaller, larger, moved) => {
    expect(movedRightWay(smaller, larger)).toBe(moved);
  });
});

describe('pairJobs', () => {
  it('gives every pair, base prompt and seed, the two words in the same base', () => {
    const jobs = pairJobs(FEATURE_PAIRS.slice(0, 2), ['a {w} jig', 'a {w} reel in D'], 3);
    expect(jobs).toHaveLength(2 * 2 * 3);
    expect(jobs[0]).toMatchObject({ seed: 1, smallerPrompt: 'a sparse jig', largerPrompt: 'a busy jig' });
    expect(jobs[5]).toMatchObject({ seed: 3, smallerPrompt: 'a sparse reel in D', largerPrompt: 'a busy reel in D' });
    expect(jobs[6]).toMatchObject({ seed: 1, smallerPrompt: 'a low jig', largerPrompt: 'a high jig' });
  });
});

describe('summarisePairs', () => {
  it('counts moves the named way per pair, ties and missing tunes as misses', () => {
    const [busy, high] = FEATURE_PAIRS;
    const jobs = pairJobs([busy, high], ['{w}'], 4);
    const values: [number | null, number | null][] = [
      [2, 4],
      [4, 2],
      [3, 3],
      [null, 5],
      [60, 70],
      [61, 72],
      [65, 66],
      [70, 64],
    ];
    const outcomes: PairOutcome[] = jobs.map((job, i) => ({ job, smaller: values[i][0], larger: values[i][1] }));
    const [a, b] = summarisePairs([busy, high], outcomes);
    expect(a).toEqual({ label: busy.label, cases: 4, rightWayPct: 25, meanSmaller: 3, meanLarger: 3.5 });
    expect(b).toEqual({ label: high.label, cases: 4, rightWayPct: 75, meanSmaller: 64, meanLarger: 68 });
  });
});
