import { describe, expect, it } from 'vitest';
import { BAR_RANGE, barsForTokenBudget, tokenBudgetForBars, TOKENS_PER_BAR } from './barBudget';

describe('tokenBudgetForBars', () => {
  it.each([
    [16, '6/8', 114],
    [16, '4/4', 170],
    [8, '9/8', 82],
    [1, '3/4', 10],
    // A meter outside the table takes the busiest common one.
    [4, '5/4', 46],
  ])('%i bars of %s: %i tokens', (bars, meter, tokens) => {
    expect(tokenBudgetForBars(bars, meter)).toBe(tokens);
  });

  it('fits the longest length in every meter under the token limit of the controls (510)', () => {
    for (const meter of Object.keys(TOKENS_PER_BAR)) expect(tokenBudgetForBars(BAR_RANGE.max, meter)).toBeLessThan(510);
  });

  it.each(Object.keys(TOKENS_PER_BAR))('reads its own budget back as the same bars in %s', (meter) => {
    for (let bars = BAR_RANGE.min; bars <= BAR_RANGE.max; bars++)
      expect(barsForTokenBudget(tokenBudgetForBars(bars, meter), meter)).toBe(bars);
  });
});
