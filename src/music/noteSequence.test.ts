import { describe, expect, it } from 'vitest';
import { parseTune } from './abcParse';
import { computeFeatures, pitchClassHistogram } from './features';
import { toNoteSequence } from './noteSequence';

const sequence = (body: string, key = 'G', meter = '4/4') => {
  const t = parseTune(`X:1\nM:${meter}\nL:1/8\nK:${key}\n${body}`);
  return toNoteSequence(t.meter, t.key, t.events);
};

const midis = (body: string, key = 'G') => sequence(body, key).notes.map((n) => n.midi);

describe('toNoteSequence pitches', () => {
  it.each([
    ['C D E F G A B c', 'C', [60, 62, 64, 65, 67, 69, 71, 72]],
    ["C, c c' c''", 'C', [48, 72, 84, 96]],
    ['F f', 'G', [66, 78]],
    ['B e', 'Bb', [70, 75]],
    ['F =F F | F', 'G', [66, 65, 65, 66]], // accidentals last until the bar line
    ["^c c c'", 'C', [73, 73, 84]], // ... and only in their own octave
    ['^^c __e =F', 'D', [74, 74, 65]],
  ])('%s in %s', (body, key, expected) => {
    expect(midis(body, key)).toEqual(expected);
  });
});

describe('toNoteSequence timing', () => {
  it('measures times in quarter beats and merges ties of the same pitch, across bar lines too', () => {
    const seq = sequence('G2 A2-A2 B2- | B4 z2 c>d |]');
    expect(seq.notes.map((n) => [n.midi, n.startBeats, n.durationBeats, n.measure])).toEqual([
      [67, 0, 1, 0],
      [69, 1, 2, 0],
      [71, 3, 3, 0],
      [72, 7, 0.75, 1],
      [74, 7.75, 0.25, 1],
    ]);
    expect(seq.totalBeats).toBe(8);
  });

  it('does not merge a tie between different pitches', () => {
    expect(sequence('A2-B2 C4').notes.map((n) => n.durationBeats)).toEqual([1, 1, 2]);
  });

  it('merges chains of ties into the first note', () => {
    const seq = sequence('A2-A2-A2-A2 |');
    expect(seq.notes).toHaveLength(1);
    expect(seq.notes[0]).toMatchObject({ durationBeats: 4, event: 0 });
  });

  it('plays triplets in the time of two', () => {
    expect(sequence('(3ABc d').notes.map((n) => n.startBeats)).toEqual([0, 1 / 3, 2 / 3, 1]);
  });
});

describe('features', () => {
  it('describes range, density and motion', () => {
    const f = computeFeatures(sequence('CDEF GABc | c8 |]', 'C'));
    expect(f).toEqual({
      lowest: 60,
      highest: 72,
      range: 12,
      meanPitch: 66.89, // 602 / 9
      notesPerBar: 4.5,
      stepwise: 1,
      bars: 2,
      notes: 9,
    });
  });

  it('weights the pitch-class histogram by duration', () => {
    const h = pitchClassHistogram(sequence('C6 G2 |', 'C'));
    expect(h[0]).toBeCloseTo(0.75);
    expect(h[7]).toBeCloseTo(0.25);
    expect(h.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
  });
});
