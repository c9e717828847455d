import { describe, expect, it } from 'vitest';
import type { Mode } from './key';
import {
  durationHistogram,
  finalPitchClass,
  findKey,
  PITCH_CLASS_NAMES,
  scaleShare,
  SCALE_STEPS,
  type KeyEstimate,
} from './keyFinding';
import { melody } from './melodyFixture';
import type { NoteSequence } from './noteSequence';

/** A scale on `tonic` (MIDI) with the tonic held `weight` beats and the other degrees one beat each. */
const scale = (tonic: number, mode: Mode, weight = 3) =>
  melody(SCALE_STEPS[mode].map((s) => (s === 0 ? ([tonic, weight] as [number, number]) : tonic + s)));

const named = (k: KeyEstimate | null) => (k ? `${PITCH_CLASS_NAMES[k.tonic]} ${k.mode}` : null);

describe('findKey', () => {
  it.each<[string, NoteSequence, string | null]>([
    ['C major scale, tonic held', scale(60, 'maj'), 'C maj'],
    ['G major scale, tonic held', scale(67, 'maj'), 'G maj'],
    ['Bb major scale, tonic held', scale(70, 'maj'), 'Bb maj'],
    ['A minor scale with G#, tonic held', scale(69, 'min'), 'A min'],
    ['D minor scale, tonic held', scale(62, 'min'), 'D min'],
    ['F# minor scale, tonic held', scale(66, 'min'), 'F# min'],
    ['D major arpeggio', melody([62, 66, 69, 74, 69, 66, [62, 4]]), 'D maj'],
    ['E minor arpeggio', melody([64, 67, 71, 76, 71, 67, [64, 4]]), 'E min'],
    ['no notes', melody([]), null],
    ['all twelve pitch classes equally', melody(Array.from({ length: 12 }, (_, i) => 60 + i)), null],
  ])('%s', (_, seq, key) => {
    expect(named(findKey(durationHistogram(seq)))).toBe(key);
  });

  it('is the same in any octave', () => {
    const low = findKey(durationHistogram(scale(43, 'maj')));
    const high = findKey(durationHistogram(scale(79, 'maj')));
    expect(low).toEqual(high);
  });
});

describe('scaleShare', () => {
  it.each<[string, NoteSequence, number, Mode, number]>([
    ['C major notes in C major', scale(60, 'maj', 1), 0, 'maj', 1],
    ['C major notes in A minor (leading note not needed)', scale(60, 'maj', 1), 9, 'min', 1],
    ['A minor notes (with G#) in C major', scale(69, 'min', 1), 0, 'maj', 7 / 8],
    ['C major notes in D dorian (same scale)', scale(60, 'maj', 1), 2, 'dor', 1],
    ['C major notes in G major: F is out', scale(60, 'maj', 1), 7, 'maj', 6 / 7],
    ['C major notes in D mixolydian: F is out', scale(60, 'maj', 1), 2, 'mix', 6 / 7],
    ['duration weighted: a held F# in C', melody([60, 62, [66, 2]]), 0, 'maj', 0.5],
    ['no notes', melody([]), 0, 'maj', 0],
  ])('%s', (_, seq, tonic, mode, share) => {
    expect(scaleShare(durationHistogram(seq), tonic, mode)).toBeCloseTo(share, 10);
  });
});

describe('finalPitchClass', () => {
  it.each<[number[], number | null]>([
    [[60, 62, 64], 4],
    [[62, 71, 50], 2],
    [[], null],
  ])('%j', (notes, pc) => {
    expect(finalPitchClass(melody(notes))).toBe(pc);
  });
});
