import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderByScore } from './scoreOrder';

/** The order by definition: a comparator sort. */
function reference(scores: Float32Array, include: Uint8Array | null, tiebreak: Float32Array | null): number[] {
  const pool = [...scores.keys()].filter((i) => !Number.isNaN(scores[i]) && (!include || include[i]));
  const t = (i: number) => (!tiebreak || Number.isNaN(tiebreak[i]) ? -Infinity : tiebreak[i]);
  const desc = (x: number, y: number) => (x === y ? 0 : x < y ? 1 : -1);
  return pool.sort((a, b) => desc(scores[a], scores[b]) || desc(t(a), t(b)) || a - b);
}

describe('orderByScore', () => {
  it.each([
    ['highest first', [0.1, 0.9, 0.5], null, [1, 2, 0]],
    ['ties by position', [0.5, 0.5, 1, 0.5], null, [2, 0, 1, 3]],
    ['negative scores and -0 like 0', [-0.25, -0, 0, -1, -Infinity, Infinity], null, [5, 1, 2, 0, 3, 4]],
    ['NaN left out', [NaN, 0.2, NaN, 0.1], null, [1, 3]],
    ['only included positions', [0.9, 0.8, 0.7], [0, 1, 1], [1, 2]],
    ['nothing', [], null, []],
  ])('%s', (_, scores, include, expected) => {
    const got = orderByScore(Float32Array.from(scores), include ? Uint8Array.from(include) : null);
    expect(Array.from(got)).toEqual(expected);
  });

  it.each([
    ['ties broken by the tiebreak, highest first', [0.5, 0.5, 0.9, 0.5], [0.1, 0.3, 0, 0.2], [2, 1, 3, 0]],
    ['equal tiebreaks by position', [0, 0, 0], [1, 1, 0], [0, 1, 2]],
    ['a NaN tiebreak last in its run', [1, 1, 1], [NaN, 0, -5], [1, 2, 0]],
    ['the tiebreak only inside runs', [0.2, 0.1], [0, 9], [0, 1]],
  ])('%s', (_, scores, tiebreak, expected) => {
    const got = orderByScore(Float32Array.from(scores), null, Float32Array.from(tiebreak));
    expect(Array.from(got)).toEqual(expected);
  });

  it('agrees with a comparator sort on random scores', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.float(), fc.constantFrom(0, 0.5, NaN)), { maxLength: 200 }),
        fc.array(fc.boolean(), { maxLength: 200 }),
        fc.array(fc.oneof(fc.float(), fc.constantFrom(0, 1, NaN)), { maxLength: 200 }),
        (xs, mask, ts) => {
          const scores = Float32Array.from(xs);
          const include = mask.length === xs.length ? Uint8Array.from(mask, Number) : null;
          const tiebreak = ts.length >= xs.length ? Float32Array.from(ts.slice(0, xs.length)) : null;
          expect(Array.from(orderByScore(scores, include, tiebreak))).toEqual(reference(scores, include, tiebreak));
        },
      ),
    );
  });
});
