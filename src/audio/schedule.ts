import type { NoteSequence, SeqNote } from '../music/noteSequence';

/** One cue for the player: a note starts, or (note null) the melody falls silent. Times in quarter-note beats. */
export interface Cue {
  readonly beats: number;
  readonly note: SeqNote | null;
}

const EPSILON = 1e-9;

/**
 * The cues a score view follows: each note's start, plus a silent cue where a rest opens a gap. The end of the
 * tune gets no cue; the player reports it through onEnd.
 */
export function cues(seq: NoteSequence): Cue[] {
  const out: Cue[] = [];
  seq.notes.forEach((note, i) => {
    out.push({ beats: note.startBeats, note });
    const end = note.startBeats + note.durationBeats;
    const next = seq.notes[i + 1]?.startBeats ?? seq.totalBeats;
    if (next > end + EPSILON) out.push({ beats: end, note: null });
  });
  return out;
}

/** Transport ticks of a time in quarter-note beats (Tone counts PPQ ticks per quarter note). */
export const beatsToTicks = (beats: number, ppq: number): number => Math.round(beats * ppq);

export const beatsToSeconds = (beats: number, tempoBpm: number): number => (beats * 60) / tempoBpm;
