import { describe, expect, it } from 'vitest';
import { keyWithSignature, transposeTokens } from './transpose';
import { toNoteSequence } from './noteSequence';
import { tokensToEvents } from '../tokenizer/musicTokens';
import type { Key } from './key';

const midi = (tokens: string[]) => {
  const d = tokensToEvents(tokens);
  return toNoteSequence(d.meter!, d.key!, d.events).notes.map((n) => n.midi);
};

describe('keyWithSignature', () => {
  it.each([
    [0, 'maj', 'C'],
    [2, 'maj', 'D'],
    [-2, 'maj', 'Bb'],
    [3, 'min', 'F#'],
    [0, 'dor', 'D'],
    [-1, 'mix', 'C'],
    [5, 'maj', 'B'],
    [-4, 'min', 'F'],
  ] as const)('%i fifths in %s is %s', (fifths, mode, tonic) => {
    expect(keyWithSignature(fifths, mode)).toEqual({ tonic, mode });
  });
});

describe('transposeTokens', () => {
  const tune = 'M:6/8 K:Dmaj A, D F A 2 ^G | =c c B d e f |'.split(' ');
  it.each([
    [{ tonic: 'G', mode: 'maj' }, 5],
    [{ tonic: 'F', mode: 'maj' }, 3],
    [{ tonic: 'A', mode: 'maj' }, -5],
    [{ tonic: 'Bb', mode: 'maj' }, -4],
  ] as [Key, number][])('moves every note by the same interval (to %o)', (to, semitones) => {
    const moved = transposeTokens(tune, to)!;
    expect(moved[1]).toBe(`K:${to.tonic}maj`);
    expect(midi(moved)).toEqual(midi(tune).map((m) => m + semitones));
  });

  it('keeps bar-scoped accidentals meaning the same', () => {
    const moved = transposeTokens(tune, { tonic: 'G', mode: 'maj' })!;
    expect(moved.slice(9, 11)).toEqual(['=f', 'f']);
  });

  it('refuses a mode change and keys beyond seven accidentals', () => {
    expect(transposeTokens(tune, { tonic: 'D', mode: 'min' })).toBeNull();
    expect(transposeTokens(tune, { tonic: 'G#', mode: 'maj' })).toBeNull();
  });
});
