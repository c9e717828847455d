import { describe, expect, it } from 'vitest';
import { median, quantile } from './stats';

describe('stats', () => {
  it.each([
    [[3, 1, 2], 0.5, 2],
    [[1, 2, 3, 4], 0.5, 2],
    [[1, 2, 3, 4], 0.95, 4],
    [Array.from({ length: 100 }, (_, i) => i + 1), 0.95, 95],
    [[5], 0.95, 5],
    [[], 0.95, NaN],
  ])('quantile(%j, %d) = %d', (xs, q, expected) => {
    expect(quantile(xs, q)).toBe(expected);
  });

  it('median of an even count averages the middle two', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
