import { describe, expect, it } from 'vitest';
import { formatCents, splitCents, toCents } from './money';

describe('splitCents', () => {
  it.each([
    { total: 100, weights: [1, 1, 1], parts: [34, 33, 33] },
    { total: 100, weights: [0.6, 0.4], parts: [60, 40] },
    { total: 7, weights: [1, 2, 4], parts: [1, 2, 4] },
    { total: 10, weights: [1, 0, -3], parts: [10, 0, 0] },
    { total: 10, weights: [0, 0], parts: [0, 0] },
    { total: 0, weights: [1, 2], parts: [0, 0] },
    { total: 1, weights: [1, 1], parts: [1, 0] },
    { total: 101, weights: [1 / 3, 1 / 3, 1 / 3], parts: [34, 34, 33] },
  ])('$total over $weights', ({ total, weights, parts }) => {
    const got = splitCents(total, weights);
    expect(got).toEqual(parts);
    if (weights.some((w) => w > 0)) expect(got.reduce((a, x) => a + x, 0)).toBe(total);
  });
});

describe('toCents and formatCents', () => {
  it.each([
    [0.1 + 0.2, 30, '0.30 EUR'],
    [1, 100, '1.00 EUR'],
    [0.005, 1, '0.01 EUR'],
  ])('%s', (amount, cents, text) => {
    expect(toCents(amount)).toBe(cents);
    expect(formatCents(cents, 'EUR')).toBe(text);
  });
});
