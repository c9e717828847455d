import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from './prng';
import { guide, logProbAt, logSoftmax, pullTowards, sampleToken, type SamplingOptions } from './sampling';

const GREEDY: SamplingOptions = { temperature: 0, topK: 0, topP: 1 };
const PLAIN: SamplingOptions = { temperature: 1, topK: 0, topP: 1 };

// Logits on a 0.01 grid, so order comparisons are not at the mercy of rounding.
const logitsArb = fc.array(
  fc.integer({ min: -2000, max: 2000 }).map((x) => x / 100),
  { minLength: 1, maxLength: 40 },
);
const uniformArb = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

const argmax = (xs: ArrayLike<number>, allowed: Uint8Array | null = null): number => {
  let best = -1;
  for (let i = 0; i < xs.length; i++) if ((!allowed || allowed[i]) && (best < 0 || xs[i] > xs[best])) best = i;
  return best;
};

describe('sampleToken', () => {
  it('greedy picks the argmax, the lowest id among ties', () => {
    expect(sampleToken([0.1, 2, -1, 2], null, GREEDY, 0.99)).toBe(1);
    fc.assert(
      fc.property(logitsArb, uniformArb, (logits, u) => {
        expect(sampleToken(logits, null, GREEDY, u)).toBe(argmax(logits));
      }),
      { seed: 41 },
    );
  });

  it('never picks a masked id', () => {
    fc.assert(
      fc.property(
        logitsArb.chain((logits) =>
          fc.tuple(fc.constant(logits), fc.array(fc.boolean(), { minLength: logits.length, maxLength: logits.length })),
        ),
        uniformArb,
        fc.constantFrom(
          GREEDY,
          PLAIN,
          { temperature: 0.7, topK: 5, topP: 0.9 },
          { temperature: 2, topK: 0, topP: 0.5 },
        ),
        ([logits, keep], u, opts) => {
          fc.pre(keep.some(Boolean));
          const allowed = Uint8Array.from(keep, Number);
          const id = sampleToken(logits, allowed, opts, u);
          expect(allowed[id]).toBe(1);
          if (opts.temperature === 0) expect(id).toBe(argmax(logits, allowed));
        },
      ),
      { seed: 42 },
    );
  });

  it('throws when every id is masked', () => {
    expect(() => sampleToken([1, 2], Uint8Array.of(0, 0), PLAIN, 0.5)).toThrow(/no token is allowed/);
  });

  it('is a pure function of its inputs', () => {
    fc.assert(
      fc.property(logitsArb, uniformArb, (logits, u) => {
        const opts = { temperature: 0.9, topK: 10, topP: 0.95 };
        expect(sampleToken(logits, null, opts, u)).toBe(sampleToken(Float32Array.from(logits), null, opts, u));
      }),
      { seed: 43 },
    );
  });

  it('top-k of 1 and a tiny top-p both equal greedy', () => {
    fc.assert(
      fc.property(logitsArb, uniformArb, fc.double({ min: 0.05, max: 5, noNaN: true }), (logits, u, temperature) => {
        const greedy = sampleToken(logits, null, GREEDY, u);
        expect(sampleToken(logits, null, { temperature, topK: 1, topP: 1 }, u)).toBe(greedy);
        expect(sampleToken(logits, null, { temperature, topK: 0, topP: 1e-9 }, u)).toBe(greedy);
      }),
      { seed: 44 },
    );
  });

  it('splits [0, 1) among tokens by their softmax probability', () => {
    const logits = [Math.log(0.5), Math.log(0.3), Math.log(0.2)];
    // Sorted by logit: id 0 takes [0, 0.5), id 1 [0.5, 0.8), id 2 [0.8, 1).
    expect([0, 0.49, 0.51, 0.79, 0.81, 0.999].map((u) => sampleToken(logits, null, PLAIN, u))).toEqual([
      0, 0, 1, 1, 2, 2,
    ]);
    // Top-k 2 renormalises over ids 0 and 1: 0.5/0.8 = 0.625.
    const top2 = { ...PLAIN, topK: 2 };
    expect([0.6, 0.65, 0.999].map((u) => sampleToken(logits, null, top2, u))).toEqual([0, 1, 1]);
    // Top-p 0.75 keeps ids 0 and 1 (mass 0.8 is the first to reach it).
    const nucleus = { ...PLAIN, topP: 0.75 };
    expect([0.6, 0.65, 0.999].map((u) => sampleToken(logits, null, nucleus, u))).toEqual([0, 1, 1]);
  });

  it('matches the softmax frequencies over many seeded draws', () => {
    const logits = [1, 0, -1, 2];
    const rand = mulberry32(5);
    const counts = [0, 0, 0, 0];
    const n = 20_000;
    for (let i = 0; i < n; i++) counts[sampleToken(logits, null, PLAIN, rand())]++;
    const probs = Array.from(logSoftmax(logits), Math.exp);
    counts.forEach((c, i) => expect(Math.abs(c / n - probs[i])).toBeLessThan(0.015));
  });
});

describe('guide', () => {
  it('computes uncond + scale * (cond - uncond)', () => {
    const cond = Float32Array.of(1, 2, -3);
    const uncond = Float32Array.of(0.5, 2, 1);
    expect([...guide(cond, uncond, 1)]).toEqual([1, 2, -3]);
    expect([...guide(cond, uncond, 0)]).toEqual([0.5, 2, 1]);
    expect([...guide(cond, uncond, 3)]).toEqual([2, 2, -11]);
  });
});

describe('pullTowards', () => {
  const logits = Float64Array.of(1, 2, 3);
  const withRefs = Float32Array.of(0, 1, 1);
  const withoutRefs = Float32Array.of(0, 0, 2);
  it.each([
    [1, [1, 2, 3]],
    [2, [1, 3, 2]],
    [3, [1, 4, 1]],
    [0, [1, 1, 4]],
  ])('weight %s moves the logits by (weight - 1) times what the references change', (weight, expected) => {
    expect([...pullTowards(logits, withRefs, withoutRefs, weight)]).toEqual(expected);
  });
});

describe('logSoftmax', () => {
  it('exponentiates to a distribution and keeps the logit order', () => {
    fc.assert(
      fc.property(logitsArb, (logits) => {
        const lp = logSoftmax(logits);
        expect(Array.from(lp, Math.exp).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
        for (let i = 1; i < logits.length; i++) {
          expect(Math.sign(lp[i] - lp[0])).toBe(Math.sign(logits[i] - logits[0]));
        }
      }),
      { seed: 45 },
    );
  });

  it('stays finite for large logits', () => {
    expect([...logSoftmax([1000, 1000])].map((x) => x.toFixed(6))).toEqual([
      Math.log(0.5).toFixed(6),
      Math.log(0.5).toFixed(6),
    ]);
  });
});

describe('logProbAt', () => {
  it('is logSoftmax of the row at the target, to the bit, for a row inside a longer array', () => {
    fc.assert(
      fc.property(logitsArb, logitsArb, logitsArb, (before, row, after) => {
        const flat = Float32Array.from([...before, ...row, ...after]);
        const lp = logSoftmax(flat.slice(before.length, before.length + row.length));
        row.forEach((_, t) => expect(logProbAt(flat, before.length, row.length, t)).toBe(lp[t]));
      }),
      { seed: 46 },
    );
  });
});
