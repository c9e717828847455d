import { describe, expect, it } from 'vitest';
import { averageRanks, kendallTauB, spearman, undefinedReason } from './rankAgreement';

describe('averageRanks', () => {
  it.each([
    [[], []],
    [[5], [1]],
    [
      [3, 1, 2],
      [3, 1, 2],
    ],
    [
      [3, 1, 3, 2],
      [3.5, 1, 3.5, 2],
    ],
    [
      [7, 7, 7],
      [2, 2, 2],
    ],
    [
      [-1, 0.5, -1, 0.5, 2],
      [1.5, 3.5, 1.5, 3.5, 5],
    ],
  ])('%j -> %j', (values, ranks) => expect(Array.from(averageRanks(values))).toEqual(ranks));
});

// Reference values from the textbook formulas (and scipy.stats.spearmanr / kendalltau, which agree).
describe('spearman and kendallTauB', () => {
  it.each([
    ['identical order', [1, 2, 3], [10, 20, 30], 1, 1],
    ['reversed order', [1, 2, 3], [3, 2, 1], -1, -1],
    // 1 - 6 * sum(d^2) / (n (n^2 - 1)) = 1 - 6 * 4 / 120; tau = (8 - 2) / 10.
    ['no ties', [10, 20, 30, 40, 50], [1, 3, 2, 5, 4], 0.8, 0.6],
    // Ties: ranks [1, 2.5, 2.5, 4] vs [1, 2, 3, 4] -> 4.5 / sqrt(4.5 * 5); tau-b = 5 / sqrt(5 * 6).
    ['ties', [1, 2, 2, 3], [1, 2, 3, 4], 4.5 / Math.sqrt(22.5), 5 / Math.sqrt(30)],
  ])('%s', (_name, a, b, rho, tau) => {
    expect(spearman(a, b)).toBeCloseTo(rho, 10);
    expect(spearman(b, a)).toBeCloseTo(rho, 10);
    expect(kendallTauB(a, b)).toBeCloseTo(tau, 10);
  });

  it.each([
    [[], [], 'no items to rank'],
    [[1], [2], 'one item: a ranking needs at least two'],
    [[4, 4, 4], [1, 2, 3], 'first gives every item the same value'],
    [[1, 2, 3], [0, 0, 0], 'second gives every item the same value'],
  ])('undefined for %j vs %j: null and a reason', (a, b, reason) => {
    expect(spearman(a, b)).toBeNull();
    expect(kendallTauB(a, b)).toBeNull();
    expect(undefinedReason(a, b)).toBe(reason);
  });

  it('gives no reason when defined, and rejects mismatched or non-finite input', () => {
    expect(undefinedReason([1, 2], [2, 1])).toBeNull();
    expect(() => spearman([1, 2], [1])).toThrow(/equal lengths/);
    expect(() => kendallTauB([1, NaN], [1, 2])).toThrow(/finite/);
  });
});
