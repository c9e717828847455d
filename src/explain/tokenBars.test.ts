import { describe, expect, it } from 'vitest';
import { barLabel, barTokenIndices, NO_BAR, tokenBars } from './tokenBars';

const _ = NO_BAR;

describe('tokenBars', () => {
  it.each([
    ['empty tune', [], [], 0],
    ['header only', ['M:6/8', 'K:Dmaj'], [_, _], 0],
    [
      'leading repeat opens bar 1; lengths, ties and tuplets stay with their bar; closing lines close theirs',
      ['M:6/8', 'K:Dmaj', '|:', 'd', '2', 'e', '|', '(3', 'f', 'g', 'a', '-', '|', 'a', ':|'],
      [_, _, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2],
      3,
    ],
    ['no final bar line', ['M:4/4', 'K:Gmaj', 'G', '4', '|', 'A', '/2'], [_, _, 0, 0, 0, 1, 1], 2],
    [
      'double bar lines: the second opens the next bar',
      ['M:2/4', 'K:Dmaj', 'd', '|', '|:', 'e', '|]'],
      [_, _, 0, 0, 1, 1, 1],
      2,
    ],
    ['rests count as content', ['M:2/4', 'K:Dmaj', 'z', '4', '|'], [_, _, 0, 0, 0], 1],
    ['specials belong to no bar', ['<s>', 'M:2/4', 'K:Dmaj', 'd', '|'], [_, _, _, 0, 0], 1],
  ])('%s', (_name, tokens, expected, count) => {
    const bars = tokenBars(tokens);
    expect(Array.from(bars.bar)).toEqual(expected);
    expect(bars.count).toBe(count);
  });

  it('lists the tokens of each bar and labels bars from 1', () => {
    const bars = tokenBars(['M:2/4', 'K:Dmaj', 'd', '4', '|', 'e', '|']);
    expect(barTokenIndices(bars)).toEqual([
      [2, 3, 4],
      [5, 6],
    ]);
    expect([barLabel(0, bars), barLabel(11, bars)]).toEqual(['bar 1', 'bar 12']);
  });

  it.each([
    ['full bars', 'M:2/4 K:Dmaj d 2 e 2 | f 4 |', 1, ['bar 1', 'bar 2']],
    ['an opening pickup is bar 0', 'M:2/4 K:Dmaj d | f 4 | e 4 |', 0, ['bar 0', 'bar 1', 'bar 2']],
    ['a one-bar tune', 'M:2/4 K:Dmaj d |', 1, ['bar 1']],
  ])('numbers %s as musicians do', (_, text, first, labels) => {
    const bars = tokenBars(text.split(' '));
    expect(bars.firstNumber).toBe(first);
    expect(Array.from({ length: bars.count }, (_, b) => barLabel(b, bars))).toEqual(labels);
  });
});
