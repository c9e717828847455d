import { describe, expect, it } from 'vitest';
import type { PromptReading } from './protocol';
import { mergeParts, MIN_SPLIT_POSITIONS, planSplit, rowsRequest } from './readSplit';

const reading = (total: number): PromptReading => ({
  logProbs: Float64Array.of(total),
  total,
  crossAttention: null,
  memory: { textLength: 3, references: [], length: 3 },
});

describe('planSplit', () => {
  it.each([
    ['one row stays whole', 1, 1000, null],
    ['too little work stays whole', 2, MIN_SPLIT_POSITIONS / 2 - 2, null],
    ['two rows at the threshold split', 2, MIN_SPLIT_POSITIONS / 2 - 1, { here: [0], helper: [1] }],
    ['leave-one-out of 10 words: 6 here, 5 there', 11, 256, { here: [0, 1, 2, 3, 4, 5], helper: [6, 7, 8, 9, 10] }],
    ['an even count halves', 4, 256, { here: [0, 1], helper: [2, 3] }],
  ])('%s', (_name, rows, tokens, expected) => {
    expect(planSplit(rows, tokens)).toEqual(expected);
  });
});

describe('rowsRequest', () => {
  const req = {
    prompts: [['a'], ['b'], ['c'], ['d']],
    tokens: ['M:6/8', 'K:Dmaj'],
    attentionFor: [0, 3],
    references: [[['x']], [], [['y']], [['z']]],
  };
  const whole = { textLength: 4, refLength: 7 };

  it.each([
    ['the first rows', [0, 1], { prompts: [['a'], ['b']], attentionFor: [0], references: [[['x']], []] }],
    [
      'the last rows, attention renumbered',
      [2, 3],
      { prompts: [['c'], ['d']], attentionFor: [1], references: [[['y']], [['z']]] },
    ],
  ])('%s', (_name, rows, expected) => {
    expect(rowsRequest(req, rows, whole)).toEqual({ ...expected, tokens: req.tokens, memoryAtLeast: whole });
  });

  it('leaves references out when the request has none', () => {
    const { references: _r, ...plain } = req;
    expect(rowsRequest(plain, [1], whole)).not.toHaveProperty('references');
  });
});

describe('mergeParts', () => {
  const split = { here: [0, 1], helper: [2] };
  const part = (totals: number[], textLength = 3, memoryLength = 3) => ({
    readings: totals.map(reading),
    textLength,
    memoryLength,
  });

  it('puts the rows back in request order', () => {
    const merged = mergeParts(split, part([-1, -2]), part([-3]));
    expect(merged.readings.map((r) => r.total)).toEqual([-1, -2, -3]);
    expect([merged.textLength, merged.memoryLength]).toEqual([3, 3]);
  });

  it.each([
    ['different word columns', part([-1, -2], 4, 4), part([-3]), /disagree on the memory/],
    ['different memory columns', part([-1, -2]), part([-3], 3, 5), /disagree on the memory/],
    ['a missing row', part([-1]), part([-3]), /returned 1 and 1 rows/],
  ])('refuses %s', (_name, here, helper, message) => {
    expect(() => mergeParts(split, here, helper)).toThrow(message);
  });
});
