/**
 * Which key the notes are in, read from the notes alone (not the K: field): the share of note duration in a
 * mode's scale, and a Krumhansl-Schmuckler key estimate.
 */
import { pearson } from '../stats/pearson';
import type { Mode } from './key';
import type { NoteSequence } from './noteSequence';

/** Krumhansl-Kessler probe-tone profiles, tonic first (Krumhansl 1990, table 2.1). */
export const MAJOR_PROFILE = [6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88] as const;
export const MINOR_PROFILE = [6.33, 2.68, 3.52, 5.38, 2.6, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17] as const;

/**
 * Semitones above the tonic that belong to each mode. Minor also holds the raised seventh: a leading note in
 * a minor tune (G# in A minor) is the key's own note, not a sign of another key.
 */
export const SCALE_STEPS: Record<Mode, readonly number[]> = {
  maj: [0, 2, 4, 5, 7, 9, 11],
  min: [0, 2, 3, 5, 7, 8, 10, 11],
  dor: [0, 2, 3, 5, 7, 9, 10],
  mix: [0, 2, 4, 5, 7, 9, 10],
  lyd: [0, 2, 4, 6, 7, 9, 11],
  phr: [0, 1, 3, 5, 7, 8, 10],
  loc: [0, 1, 3, 5, 6, 8, 10],
};

export const PITCH_CLASS_NAMES = ['C', 'C#', 'D', 'Eb', 'E', 'F', 'F#', 'G', 'Ab', 'A', 'Bb', 'B'] as const;

/** A key read from the notes: a tonic pitch class (0 = C) and major or minor. */
export interface KeyEstimate {
  readonly tonic: number;
  readonly mode: 'maj' | 'min';
  /** Pearson correlation of the histogram with the winning profile. */
  readonly r: number;
}

/** Duration-weighted pitch-class histogram (12 bins, not normalised). */
export function durationHistogram(seq: NoteSequence): Float64Array {
  const h = new Float64Array(12);
  for (const n of seq.notes) h[((n.midi % 12) + 12) % 12] += n.durationBeats;
  return h;
}

/**
 * Krumhansl-Schmuckler: correlates the histogram with the major and minor profiles rotated to all 12 tonics
 * and returns the best. Ties go to major, then to the lower pitch class. Null when the histogram is flat or
 * empty (no key can be read).
 */
export function findKey(histogram: ArrayLike<number>): KeyEstimate | null {
  let best: KeyEstimate | null = null;
  for (const [mode, profile] of [
    ['maj', MAJOR_PROFILE],
    ['min', MINOR_PROFILE],
  ] as const) {
    for (let tonic = 0; tonic < 12; tonic++) {
      const rotated = Array.from({ length: 12 }, (_, pc) => profile[(pc - tonic + 12) % 12]);
      const r = pearson(histogram, rotated) ?? 0;
      if (best === null || r > best.r + 1e-12) best = { tonic, mode, r };
    }
  }
  return best && best.r > 0 ? best : null;
}

/** Share of the histogram's weight on the scale of `mode` built on `tonic` (a pitch class); 0 when empty. */
export function scaleShare(histogram: ArrayLike<number>, tonic: number, mode: Mode): number {
  const inScale = new Set(SCALE_STEPS[mode].map((s) => (tonic + s) % 12));
  let all = 0;
  let inside = 0;
  for (let pc = 0; pc < 12; pc++) {
    all += histogram[pc];
    if (inScale.has(pc)) inside += histogram[pc];
  }
  return all > 0 ? inside / all : 0;
}

/** Pitch class of the last note, or null for a tune without notes. */
export function finalPitchClass(seq: NoteSequence): number | null {
  const last = seq.notes[seq.notes.length - 1];
  return last ? ((last.midi % 12) + 12) % 12 : null;
}
