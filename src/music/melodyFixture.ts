import type { NoteSequence } from './noteSequence';

/** A melody for tests: MIDI pitches, each a quarter unless given as [midi, beats]; bars of four beats. */
export function melody(notes: readonly (number | [number, number])[]): NoteSequence {
  let t = 0;
  return {
    meter: { num: 4, den: 4 },
    key: { tonic: 'C', mode: 'maj' },
    notes: notes.map((n, i) => {
      const [midi, dur] = typeof n === 'number' ? [n, 1] : n;
      const note = { midi, startBeats: t, durationBeats: dur, measure: Math.floor(t / 4), event: i };
      t += dur;
      return note;
    }),
    totalBeats: t,
  };
}
