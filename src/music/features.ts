import type { NoteSequence } from './noteSequence';

/** Descriptive numbers computed from a tune's notes, shown in the catalogue and used in captions. */
export interface TuneFeatures {
  readonly lowest: number;
  readonly highest: number;
  /** Semitones between the lowest and highest note. */
  readonly range: number;
  readonly meanPitch: number;
  readonly notesPerBar: number;
  /** Share of melodic intervals of at most two semitones. */
  readonly stepwise: number;
  readonly bars: number;
  readonly notes: number;
}

export function computeFeatures(seq: NoteSequence): TuneFeatures {
  const pitches = seq.notes.map((n) => n.midi);
  const lowest = Math.min(...pitches);
  const highest = Math.max(...pitches);
  let steps = 0;
  for (let i = 1; i < pitches.length; i++) if (Math.abs(pitches[i] - pitches[i - 1]) <= 2) steps++;
  const bars = seq.notes.length ? seq.notes[seq.notes.length - 1].measure + 1 : 0;
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    lowest,
    highest,
    range: highest - lowest,
    meanPitch: round(pitches.reduce((a, b) => a + b, 0) / pitches.length),
    notesPerBar: round(pitches.length / Math.max(1, bars)),
    stepwise: round(pitches.length > 1 ? steps / (pitches.length - 1) : 0),
    bars,
    notes: pitches.length,
  };
}

/** Pitch-class histogram (12 bins summing to 1), weighted by duration. */
export function pitchClassHistogram(seq: NoteSequence): Float64Array {
  const h = new Float64Array(12);
  let total = 0;
  for (const n of seq.notes) {
    h[n.midi % 12] += n.durationBeats;
    total += n.durationBeats;
  }
  if (total > 0) for (let i = 0; i < 12; i++) h[i] /= total;
  return h;
}
