import { describe, expect, test } from 'vitest';
import { parseTune } from '../music/abcParse';
import { toNoteSequence } from '../music/noteSequence';
import { beatsToSeconds, beatsToTicks, cues } from './schedule';

const sequence = (abc: string) => {
  const t = parseTune(`X:1\nM:6/8\nL:1/8\nK:G\n${abc}\n`);
  return toNoteSequence(t.meter, t.key, t.events);
};

describe('cues', () => {
  // Expected cues as "midi@beats", with "-" for a silent cue.
  test.each([
    ['GAB c2d|]', '67@0 69@0.5 71@1 72@1.5 74@2.5'],
    ['e2z dBG|]', '76@0 -@1 74@1.5 71@2 67@2.5'],
    ['A3- A2z|]', '69@0 -@2.5'],
    ['z3 G3|]', '67@1.5'],
  ])('%s', (body, expected) => {
    const got = cues(sequence(body)).map((c) => `${c.note?.midi ?? '-'}@${c.beats}`);
    expect(got.join(' ')).toBe(expected);
  });

  test('a cue carries the whole note, for the score view', () => {
    const [first] = cues(sequence('G2A B2c|]'));
    expect(first.note).toMatchObject({ midi: 67, startBeats: 0, durationBeats: 1, measure: 0, event: 0 });
  });
});

describe('time conversions', () => {
  test.each([
    [0, 192, 0],
    [1, 192, 192],
    [0.5, 192, 96],
    [1 / 3, 192, 64], // triplet eighth
    [0.25, 480, 120],
  ])('beatsToTicks(%d, %d) = %d', (beats, ppq, ticks) => expect(beatsToTicks(beats, ppq)).toBe(ticks));

  test.each([
    [1, 60, 1],
    [3, 120, 1.5],
    [0.5, 90, 1 / 3],
  ])('beatsToSeconds(%d, %d bpm) = %d', (beats, bpm, s) => expect(beatsToSeconds(beats, bpm)).toBeCloseTo(s, 12));
});
