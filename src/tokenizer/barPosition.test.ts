import { describe, expect, it } from 'vitest';
import { BEAT_OVERFULL, BEAT_UNKNOWN, barPositions } from './barPosition';

const codes = (s: string) => Array.from(barPositions(s.split(' ')));

describe('barPositions', () => {
  it.each([
    ['header tokens know no bar yet', '<s> M:6/8 K:Dmaj', [BEAT_UNKNOWN, 1 + 72, 1 + 72]],
    ['a note counts 1 until its length arrives', 'M:6/8 A 2 B', [73, 61, 49, 37]],
    ['a bar line resets the bar', 'M:2/4 c 4 |', [49, 37, 1, 49]],
    ['triplets take two thirds each', 'M:2/4 (3 c d e', [49, 49, 41, 33, 25]],
    ['a short length takes less', 'M:2/4 c 1/2', [49, 37, 43]],
    ['an overfull bar is its own code', 'M:2/4 c 6', [49, 37, BEAT_OVERFULL]],
  ])('%s', (_name, tokens, expected) => {
    expect(codes(tokens)).toEqual(expected);
  });
});
