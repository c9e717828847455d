import { describe, expect, it } from 'vitest';
import { adjacentSwaps, leaveOneOut, replacements, replaceWord, reverseWords, swapWords } from './perturb';

const summary = (ps: { words: readonly string[]; description: string }[]) =>
  ps.map((p) => [p.words.join(' '), p.description]);

describe('leaveOneOut', () => {
  it.each([
    ['no words', [], []],
    ['one word gives the empty prompt', ['jig'], [['', "without 'jig' (empty prompt)"]]],
    [
      'each word once',
      ['slow', 'air'],
      [
        ['air', "without 'slow'"],
        ['slow', "without 'air'"],
      ],
    ],
    [
      'repeated words name their position',
      ['jig', 'and', 'jig'],
      [
        ['and jig', "without 'jig' (word 1)"],
        ['jig jig', "without 'and'"],
        ['jig and', "without 'jig' (word 3)"],
      ],
    ],
  ])('%s', (_name, words, expected) => {
    const out = leaveOneOut(words);
    expect(summary(out)).toEqual(expected);
    out.forEach((p, i) => expect([p.kind, p.positions]).toEqual(['leave-out', [i]]));
  });
});

describe('replacements', () => {
  const known = (w: string) => w !== 'hornpipe';
  it.each([
    [
      'mode, type and key letters after "in"; the article "a" is left alone; unknown replacements dropped',
      ['a', 'jig', 'in', 'd', 'major'],
      [
        "'jig' -> 'reel'",
        "'d' -> 'g'",
        "'d' -> 'a'",
        "'major' -> 'minor'",
        "'major' -> 'dorian'",
        "'major' -> 'mixolydian'",
      ],
    ],
    ['a key letter before a mode word', ['g', 'minor'], ["'g' -> 'd'", "'minor' -> 'major'", "'minor' -> 'dorian'"]],
    ['tempo words both ways', ['slow', 'lively'], ["'slow' -> 'lively'", "'slow' -> 'fast'", "'lively' -> 'slow'"]],
    ['words without a swap', ['the', 'zorblax'], []],
  ])('%s', (_name, words, expected) => {
    expect(replacements(words, known).map((p) => p.description)).toEqual(expected);
  });

  it('uses a given table and keeps positions', () => {
    const [p] = replacements(['x', 'y'], () => true, { y: ['z'] });
    expect([p.kind, p.words, p.positions]).toEqual(['replace', ['x', 'z'], [1]]);
    expect(replaceWord(['jig', 'jig'], 1, 'reel').description).toBe("'jig' (word 2) -> 'reel'");
  });
});

describe('reordering', () => {
  it.each([
    [['a', 'b', 'c'], 0, 2, ['c', 'b', 'a'], "'a' and 'c' swapped"],
    [['a', 'b', 'c'], 2, 0, ['c', 'b', 'a'], "'c' and 'a' swapped"],
  ])('swapWords(%j, %i, %i)', (words, i, j, out, description) => {
    const p = swapWords(words, i, j)!;
    expect([p.kind, p.words, p.positions, p.description]).toEqual(['swap', out, [0, 2], description]);
  });

  it.each([
    [['a', 'b'], 1, 1],
    [['jig', 'jig'], 0, 1],
    [['a', 'b'], 0, 5],
  ])('swapWords(%j, %i, %i) changes nothing: null', (words, i, j) => expect(swapWords(words, i, j)).toBeNull());

  it.each([
    [[], null],
    [['jig'], null],
    [['a', 'b', 'a'], null],
    [['slow', 'air', 'in', 'g'], { words: ['g', 'in', 'air', 'slow'], positions: [0, 1, 2, 3] }],
    [['a', 'b', 'c'], { words: ['c', 'b', 'a'], positions: [0, 2] }],
  ])('reverseWords(%j)', (words, expected) => {
    const p = reverseWords(words);
    expect(p && { words: p.words, positions: p.positions }).toEqual(expected);
  });

  it('swaps neighbours, skipping equal pairs', () => {
    expect(adjacentSwaps(['a', 'a', 'b']).map((p) => p.words.join(' '))).toEqual(['a b a']);
  });
});
