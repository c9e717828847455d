import { splitMeasures, soundingLengths } from './bars';
import type { MusicEvent } from './events';
import { signatureAccidentals, type Key } from './key';
import type { Meter } from './meter';
import { add, toNumber, ZERO } from './rational';

/** A sounding note. Times are in quarter-note beats from the start of the tune. */
export interface SeqNote {
  readonly midi: number;
  readonly startBeats: number;
  readonly durationBeats: number;
  readonly measure: number;
  /** Index of the note event that starts this note (ties merge later events into it). */
  readonly event: number;
}

export interface NoteSequence {
  readonly meter: Meter;
  readonly key: Key;
  readonly notes: readonly SeqNote[];
  readonly totalBeats: number;
}

const NATURAL: Record<string, number> = { C: 0, D: 2, E: 4, F: 5, G: 7, A: 9, B: 11 };

/** MIDI number of a written pitch, given the accidental in force for its letter and octave. */
function midiOf(pitch: string, inForce: Map<string, number>, signature: Record<string, number>): number {
  const m = /^(\^\^|\^|__|_|=)?([A-Ga-g])([',]*)$/.exec(pitch)!;
  const letter = m[2].toUpperCase();
  const octave = (m[2] === letter ? 0 : 1) + (m[3].match(/'/g)?.length ?? 0) - (m[3].match(/,/g)?.length ?? 0);
  const place = `${letter}${octave}`;
  if (m[1]) inForce.set(place, { '^^': 2, '^': 1, '=': 0, _: -1, __: -2 }[m[1]]!);
  const accidental = inForce.get(place) ?? signature[letter];
  return 60 + 12 * octave + NATURAL[letter] + accidental;
}

/** Plays out a melody: key signature and bar-scoped accidentals resolved, ties merged, repeats not expanded. */
export function toNoteSequence(meter: Meter, key: Key, events: readonly MusicEvent[]): NoteSequence {
  const signature = signatureAccidentals(key);
  const lengths = soundingLengths(events);
  const measureOf = new Array<number>(events.length).fill(0);
  for (const m of splitMeasures(events)) for (let i = m.first; i <= m.last; i++) measureOf[i] = m.index;
  const notes: SeqNote[] = [];
  let inForce = new Map<string, number>();
  let time = ZERO;
  let tiedFrom: number | null = null;
  events.forEach((e, i) => {
    if (e.kind === 'bar') inForce = new Map();
    if (e.kind !== 'note' && e.kind !== 'rest') return;
    const beats = toNumber(lengths[i]) / 2;
    if (e.kind === 'note') {
      const midi = midiOf(e.pitch, inForce, signature);
      const prev = tiedFrom === null ? null : notes[tiedFrom];
      if (prev && prev.midi === midi) {
        notes[tiedFrom!] = { ...prev, durationBeats: prev.durationBeats + beats };
      } else {
        notes.push({ midi, startBeats: toNumber(time) / 2, durationBeats: beats, measure: measureOf[i], event: i });
      }
      tiedFrom = e.tie ? (prev && prev.midi === midi ? tiedFrom : notes.length - 1) : null;
    } else tiedFrom = null;
    time = add(time, lengths[i]);
  });
  return { meter, key, notes, totalBeats: toNumber(time) / 2 };
}
