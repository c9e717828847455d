import { describe, expect, it } from 'vitest';
import { pearson } from './pearson';

describe('pearson', () => {
  it.each([
    [[1, 2, 3], [2, 4, 6], 1],
    [[1, 2, 3], [3, 2, 1], -1],
    [[1, 2, 3, 4], [1, 3, 2, 4], 0.8],
    [[1, 1, 1], [1, 2, 3], null],
  ])('pearson(%o, %o) = %o', (a, b, r) => {
    const got = pearson(a, b);
    if (r === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(r, 10);
  });
});
