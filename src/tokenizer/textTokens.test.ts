import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { promptWords } from './textTokens';

describe('promptWords', () => {
  it.each([
    ['A lively Reel in D major', ['a', 'lively', 'reel', 'in', 'd', 'major']],
    ["O'Neill's jig", ['oneills', 'jig']],
    ['O’Neill’s jig', ['oneills', 'jig']],
    ['F# minor', ['f', 'sharp', 'minor']],
    ['F♯ minor, B♭ major', ['f', 'sharp', 'minor', 'b', 'flat', 'major']],
    ['in 6/8 time', ['in', '6/8', 'time']],
    ['/slash/ words//', ['slash', 'words']],
    ['  spaces\tand\nnewlines  ', ['spaces', 'and', 'newlines']],
    ['slip-jig, hornpipe; air!', ['slip', 'jig', 'hornpipe', 'air']],
    ['café naïve', ['caf', 'na', 've']],
    ['', []],
    ['!!! ... ///', []],
  ])('%j', (text, words) => {
    expect(promptWords(text)).toEqual(words);
  });

  const textArb = fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc
      .array(fc.constantFrom('Reel', 'F#', "O'Neill's", '6/8', 'jig', ' ', '/', '♭', '--', 'É', 'ǅ', 'İ'), {
        maxLength: 20,
      })
      .map((xs) => xs.join('')),
  );

  it('returns lowercase, non-empty words of letters, digits and inner slashes', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        for (const w of promptWords(text)) {
          expect(w).toMatch(/^[a-z0-9](?:[a-z0-9/]*[a-z0-9])?$/);
          expect(w).toBe(w.toLowerCase());
        }
      }),
      { seed: 21, numRuns: 500 },
    );
  });

  it('is idempotent on its own output joined by spaces', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const words = promptWords(text);
        expect(promptWords(words.join(' '))).toEqual(words);
      }),
      { seed: 22, numRuns: 500 },
    );
  });
});
