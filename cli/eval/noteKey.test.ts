import { describe, expect, it } from 'vitest';
import type { Key, Mode } from '../../src/music/key';
import { SCALE_STEPS, type KeyEstimate } from '../../src/music/keyFinding';
import { melody } from '../../src/music/melodyFixture';
import { finderAgrees, noteKeyVerdict } from './noteKey';

const key = (tonic: string, mode: Mode): Key => ({ tonic, mode });
const est = (tonic: number, mode: 'maj' | 'min'): KeyEstimate => ({ tonic, mode, r: 0.9 });

describe('finderAgrees', () => {
  it.each<[string, KeyEstimate | null, Key, boolean]>([
    ['same tonic and mode', est(7, 'maj'), key('G', 'maj'), true],
    ['same tonic, other mode', est(7, 'min'), key('G', 'maj'), true],
    ['relative minor of a major ask', est(4, 'min'), key('G', 'maj'), false],
    ['relative major of a minor ask', est(2, 'maj'), key('B', 'min'), false],
    ['a fifth away', est(2, 'maj'), key('G', 'maj'), false],
    ['enharmonic tonic', est(10, 'maj'), key('A#', 'maj'), true],
    ['E dorian read as E minor', est(4, 'min'), key('E', 'dor'), true],
    ['E dorian read as D major (same scale)', est(2, 'maj'), key('E', 'dor'), true],
    ['E dorian read as B minor (same scale)', est(11, 'min'), key('E', 'dor'), true],
    ['E dorian read as G major', est(7, 'maj'), key('E', 'dor'), false],
    ['E dorian read as D minor', est(2, 'min'), key('E', 'dor'), false],
    ['A mixolydian read as A major', est(9, 'maj'), key('A', 'mix'), true],
    ['A mixolydian read as D major (same scale)', est(2, 'maj'), key('A', 'mix'), true],
    ['A mixolydian read as B minor (same scale)', est(11, 'min'), key('A', 'mix'), true],
    ['A mixolydian read as E minor', est(4, 'min'), key('A', 'mix'), false],
    ['no estimate', null, key('D', 'maj'), false],
  ])('%s', (_, estimate, asked, agrees) => {
    expect(finderAgrees(estimate, asked)).toBe(agrees);
  });
});

/** One octave of the mode's scale from `tonic` (MIDI), the tonic held, then the given ending. */
const tune = (tonic: number, mode: Mode, ending: number[]) =>
  melody([[tonic, 3], ...SCALE_STEPS[mode].slice(1).map((s) => tonic + s), ...ending]);

describe('noteKeyVerdict', () => {
  it.each<[string, ReturnType<typeof melody>, Key, boolean, boolean, boolean]>([
    // name, melody, asked, final is tonic, finder agrees, in key
    ['G major tune ending on G', tune(67, 'maj', [71, 67]), key('G', 'maj'), true, true, true],
    ['G major tune ending on D (finder still agrees)', tune(67, 'maj', [71, 74]), key('G', 'maj'), false, true, true],
    [
      'G major tune asked as D major: C natural out, ends on G',
      tune(67, 'maj', [67]),
      key('D', 'maj'),
      false,
      false,
      false,
    ],
    ['E minor tune asked as G major: ends on E', tune(64, 'min', [64]), key('G', 'maj'), false, false, false],
    ['D dorian tune asked as D dorian', tune(62, 'dor', [62]), key('D', 'dor'), true, true, true],
    [
      'a chromatic tune in C: out of scale',
      melody([60, 61, 62, 63, 64, 66, 68, 60]),
      key('C', 'maj'),
      true,
      true,
      false,
    ],
    ['no notes', melody([]), key('C', 'maj'), false, false, false],
  ])('%s', (_, seq, asked, finalIsTonic, agrees, inKey) => {
    const v = noteKeyVerdict(seq, asked);
    expect([v.finalIsTonic, v.finderAgrees, v.inKey]).toEqual([finalIsTonic, agrees, inKey]);
  });
});
