import { describe, expect, it } from 'vitest';
import { changedBars, diffSummaries, summarizeTune } from './tuneSummary';

// A (69), B (71), c (72) | e (76), d (74): A dorian has F#, which these notes do not use.
const A = ['M:6/8', 'K:Ador', 'A', '2', 'B', 'c', '|', 'e', '3', 'd', '|'];
const B = ['M:6/8', 'K:Amin', 'A', '2', 'B', 'c', '|', 'e', '2', 'd', 'c', '|', 'A', '6', '|'];

describe('summarizeTune', () => {
  it.each([
    [
      'a two-bar tune',
      A,
      {
        meter: '6/8',
        key: 'A',
        mode: 'dorian',
        lowest: 69,
        highest: 76,
        range: 7,
        notes: 5,
        bars: 2,
        notesPerBar: 2.5,
      },
    ],
    [
      'no tokens',
      [],
      { meter: null, key: null, mode: null, lowest: null, highest: null, range: 0, notes: 0, bars: 0, notesPerBar: 0 },
    ],
    [
      'header only',
      ['M:3/4', 'K:Gmix'],
      {
        meter: '3/4',
        key: 'G',
        mode: 'mixolydian',
        lowest: null,
        highest: null,
        range: 0,
        notes: 0,
        bars: 0,
        notesPerBar: 0,
      },
    ],
    [
      'sharps, ties and rests',
      ['M:2/4', 'K:Dmaj', 'f', '2', '-', 'f', '2', '|', 'z', '2', 'D', '2', '|'],
      { meter: '2/4', key: 'D', mode: 'major', lowest: 62, highest: 78, range: 16, notes: 2, bars: 2, notesPerBar: 1 },
    ],
  ])('%s', (_name, tokens, expected) => expect(summarizeTune(tokens)).toEqual(expected));
});

describe('diffSummaries', () => {
  it('compares field by field with numeric deltas', () => {
    const d = diffSummaries(summarizeTune(A), summarizeTune(B));
    expect(d.filter((c) => c.changed).map((c) => [c.field, c.a, c.b, c.delta])).toEqual([
      ['mode', 'dorian', 'minor', null],
      ['notes', 5, 7, 2],
      ['bars', 2, 3, 1],
      ['notesPerBar', 2.5, 2.33, -0.17],
    ]);
    expect(d.map((c) => c.field)).toEqual([
      'meter',
      'key',
      'mode',
      'lowest',
      'highest',
      'range',
      'notes',
      'bars',
      'notesPerBar',
    ]);
  });
});

describe('changedBars', () => {
  it.each([
    ['same tune', A, A, { changed: [], barsA: 2, barsB: 2 }],
    ['changed second bar and an extra bar', A, B, { changed: [1, 2], barsA: 2, barsB: 3 }],
    [
      'a different key alone changes no bar',
      A,
      ['M:6/8', 'K:Gmaj', ...A.slice(2)],
      { changed: [], barsA: 2, barsB: 2 },
    ],
    ['against an empty tune', [], A, { changed: [0, 1], barsA: 0, barsB: 2 }],
  ])('%s', (_name, a, b, expected) => expect(changedBars(a, b)).toEqual(expected));
});
