import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, cmp, div, eq, formatLength, mul, parseLength, rat, sub, toNumber } from './rational';

describe('rational arithmetic', () => {
  it('normalises sign and common factors', () => {
    expect(rat(2, 4)).toEqual({ n: 1, d: 2 });
    expect(rat(3, -6)).toEqual({ n: -1, d: 2 });
    expect(rat(0, 5)).toEqual({ n: 0, d: 1 });
    expect(() => rat(1, 0)).toThrow(RangeError);
  });

  it('agrees with floating point on small fractions', () => {
    const small = fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 1, max: 50 }));
    fc.assert(
      fc.property(small, small, ([an, ad], [bn, bd]) => {
        const a = rat(an, ad);
        const b = rat(bn, bd);
        expect(toNumber(add(a, b))).toBeCloseTo(an / ad + bn / bd, 9);
        expect(toNumber(sub(a, b))).toBeCloseTo(an / ad - bn / bd, 9);
        expect(toNumber(mul(a, b))).toBeCloseTo(((an / ad) * bn) / bd, 9);
        if (bn !== 0) expect(toNumber(div(a, b))).toBeCloseTo(an / ad / (bn / bd), 9);
        expect(Math.sign(cmp(a, b))).toBe(Math.sign(an / ad - bn / bd));
        expect(eq(add(sub(a, b), b), a)).toBe(true);
      }),
      { seed: 1, numRuns: 200 },
    );
  });
});

describe('ABC lengths', () => {
  it.each([
    ['', rat(1)],
    ['2', rat(2)],
    ['/', rat(1, 2)],
    ['//', rat(1, 4)],
    ['/2', rat(1, 2)],
    ['3/2', rat(3, 2)],
    ['3/', rat(3, 2)],
    ['3//', rat(3, 4)],
    ['7/4', rat(7, 4)],
  ])('parseLength(%j)', (text, r) => {
    expect(parseLength(text)).toEqual(r);
  });

  it.each(['a', '2/3/4', '//2', '2 '])('parseLength(%j) is malformed', (text) => {
    expect(parseLength(text)).toBeNull();
  });

  it.each([
    [rat(1), ''],
    [rat(2), '2'],
    [rat(1, 2), '/2'],
    [rat(3, 2), '3/2'],
    [rat(1, 8), '/8'],
  ])('formatLength(%o) is %j', (r, text) => {
    expect(formatLength(r)).toBe(text);
  });

  it('formatLength and parseLength round-trip', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 64 }), fc.constantFrom(1, 2, 4, 8, 16), (n, d) => {
        expect(parseLength(formatLength(rat(n, d)))).toEqual(rat(n, d));
      }),
      { seed: 2 },
    );
  });
});
