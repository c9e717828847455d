import { describe, expect, it } from 'vitest';
import {
  fifthsOf,
  keyFromToken,
  keyToken,
  MODES,
  parseKey,
  signatureAccidentals,
  tonicPitchClass,
  type Key,
} from './key';

describe('parseKey', () => {
  it.each([
    ['G', { tonic: 'G', mode: 'maj' }],
    ['Gm', { tonic: 'G', mode: 'min' }],
    ['E Minor', { tonic: 'E', mode: 'min' }],
    ['Ador', { tonic: 'A', mode: 'dor' }],
    ['D mix', { tonic: 'D', mode: 'mix' }],
    ['D Mixolydian', { tonic: 'D', mode: 'mix' }],
    ['F#m', { tonic: 'F#', mode: 'min' }],
    ['Bb', { tonic: 'Bb', mode: 'maj' }],
    ['Eb major', { tonic: 'Eb', mode: 'maj' }],
    ['Aaeolian', { tonic: 'A', mode: 'min' }],
    ['C ionian', { tonic: 'C', mode: 'maj' }],
    ['Glyd', { tonic: 'G', mode: 'lyd' }],
    ['Ephr', { tonic: 'E', mode: 'phr' }],
    ['Bloc', { tonic: 'B', mode: 'loc' }],
    ['g', { tonic: 'G', mode: 'maj' }],
    ['Am clef=treble', { tonic: 'A', mode: 'min' }],
    ['D % a comment', { tonic: 'D', mode: 'maj' }],
    ['  Em  ', { tonic: 'E', mode: 'min' }],
  ])('K:%s', (field, key) => {
    expect(parseKey(field)).toEqual(key);
  });

  it.each([
    'Hp', // Highland pipes
    'HP',
    'none',
    '',
    'D exp ^f _b', // explicit accidentals
    'G#', // eight sharps
    'Fbm',
    'D wobbly',
  ])('K:%s is not modelled', (field) => {
    expect(parseKey(field)).toBeNull();
  });
});

describe('signatureAccidentals', () => {
  const none = { A: 0, B: 0, C: 0, D: 0, E: 0, F: 0, G: 0 };
  it.each<[Key, Record<string, number>]>([
    [{ tonic: 'C', mode: 'maj' }, none],
    [{ tonic: 'A', mode: 'min' }, none],
    [{ tonic: 'D', mode: 'dor' }, none],
    [
      { tonic: 'G', mode: 'maj' },
      { ...none, F: 1 },
    ],
    [
      { tonic: 'D', mode: 'mix' },
      { ...none, F: 1 },
    ],
    [
      { tonic: 'A', mode: 'dor' },
      { ...none, F: 1 },
    ],
    [
      { tonic: 'E', mode: 'min' },
      { ...none, F: 1 },
    ],
    [
      { tonic: 'D', mode: 'maj' },
      { ...none, F: 1, C: 1 },
    ],
    [
      { tonic: 'F#', mode: 'min' },
      { ...none, F: 1, C: 1, G: 1 },
    ],
    [
      { tonic: 'F', mode: 'maj' },
      { ...none, B: -1 },
    ],
    [
      { tonic: 'G', mode: 'min' },
      { ...none, B: -1, E: -1 },
    ],
    [
      { tonic: 'Bb', mode: 'maj' },
      { ...none, B: -1, E: -1 },
    ],
    [
      { tonic: 'C#', mode: 'maj' },
      { A: 1, B: 1, C: 1, D: 1, E: 1, F: 1, G: 1 },
    ],
    [
      { tonic: 'Cb', mode: 'maj' },
      { A: -1, B: -1, C: -1, D: -1, E: -1, F: -1, G: -1 },
    ],
  ])('%o', (key, expected) => {
    expect(signatureAccidentals(key)).toEqual(expected);
  });

  it('counts as many accidentals as fifthsOf says, for every tonic and mode that parses', () => {
    for (const letter of 'ABCDEFG')
      for (const shift of ['', '#', 'b'])
        for (const mode of MODES) {
          const key = parseKey(`${letter}${shift}${mode}`);
          if (!key) continue;
          const acc = Object.values(signatureAccidentals(key));
          expect(acc.filter((a) => a !== 0).length).toBe(Math.abs(fifthsOf(key)!));
          expect(acc.every((a) => a === Math.sign(fifthsOf(key)!) || a === 0)).toBe(true);
        }
  });
});

describe('key tokens', () => {
  it('round-trip through keyToken and keyFromToken', () => {
    for (const mode of MODES) {
      const key: Key = { tonic: 'F#', mode };
      expect(keyFromToken(keyToken(key))).toEqual(key);
    }
    expect(keyToken({ tonic: 'Bb', mode: 'maj' })).toBe('K:Bbmaj');
  });

  it.each(['K:Hp', 'K:Gmajor', 'M:6/8', 'K:gmaj'])('%s is not a key token', (token) => {
    expect(keyFromToken(token)).toBeNull();
  });

  it.each([
    ['C', 0],
    ['F#', 6],
    ['Bb', 10],
    ['Cb', 11],
    ['B#', 0],
  ])('tonic %s has pitch class %i', (tonic, pc) => {
    expect(tonicPitchClass({ tonic, mode: 'maj' })).toBe(pc);
  });
});
