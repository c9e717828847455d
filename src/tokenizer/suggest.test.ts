import { describe, expect, it } from 'vitest';
import { editDistance, replaceWord, suggestWords } from './suggest';

const VOCAB = [
  '<unk>',
  'a',
  'd',
  'e',
  'f',
  'flat',
  'sharp',
  'major',
  'minor',
  'dorian',
  'rain',
  'rainy',
  'reel',
  'jig',
];
const knows = (w: string) => VOCAB.includes(w) && !w.startsWith('<');

describe('editDistance', () => {
  it.each([
    ['rainy', 'rainy', 0],
    ['rainny', 'rainy', 1],
    ['riany', 'rainy', 1],
    ['reeel', 'reel', 1],
    ['jog', 'jig', 1],
    ['kitten', 'sitting', 3],
  ])('%s to %s is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });
  it('gives up past the limit', () => {
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});

describe('suggestWords', () => {
  it.each<[string, string[]]>([
    ['dmajor', ['d major', 'major']],
    ['ebmin', ['e flat minor']],
    ['fsharpm', ['f sharp minor', 'sharp']],
    ['ddorian', ['d dorian', 'dorian']],
    // A glued key whose spelling uses an unknown word is not offered.
    ['gmaj', []],
    ['rainny', ['rainy', 'rain']],
    ['reeel', ['reel']],
    ['zorblax', []],
  ])('%s → %j', (word, expected) => {
    expect(suggestWords(word, VOCAB, knows)).toEqual(expected);
  });
});

describe('replaceWord', () => {
  it.each([
    ['a rainny reel', 'rainny', 'rainy', 'a rainy reel'],
    ['Reel in Dmajor, fast', 'dmajor', 'd major', 'Reel in d major, fast'],
    ["O'Neill's jig", 'oneills', 'jig', 'jig jig'],
    ['no such word', 'zorblax', 'x', 'no such word'],
    ['rainny, rainny', 'rainny', 'rainy', 'rainy, rainny'],
  ])('%j: %s → %s', (prompt, word, replacement, expected) => {
    expect(replaceWord(prompt, word, replacement)).toBe(expected);
  });
});
