import type { NoteSequence } from '../music/noteSequence';

/** Bars with fewer notes than this are too plain to count as copied (a held note matches everything). */
export const MIN_NOTES_PER_BAR = 3;
/** Share of a generation's bars found in one training tune above which it is flagged as a copy. */
export const COPY_THRESHOLD = 0.5;

/**
 * A bar as intervals from its first note plus durations, so a transposed bar has the same signature.
 * Returns null for bars too plain to compare.
 */
export function barSignatures(seq: NoteSequence): (string | null)[] {
  const bars = new Map<number, { midi: number; dur: number }[]>();
  for (const n of seq.notes) {
    const list = bars.get(n.measure) ?? [];
    list.push({ midi: n.midi, dur: n.durationBeats });
    bars.set(n.measure, list);
  }
  const count = seq.notes.length ? seq.notes[seq.notes.length - 1].measure + 1 : 0;
  return Array.from({ length: count }, (_, m) => {
    const notes = bars.get(m);
    if (!notes || notes.length < MIN_NOTES_PER_BAR) return null;
    return notes.map((n) => `${n.midi - notes[0].midi}:${Math.round(n.dur * 48)}`).join(' ');
  });
}

export interface CopyIndex {
  /** Bar signature -> indices of the tunes that contain it. */
  readonly bars: Map<string, number[]>;
  readonly ids: readonly string[];
}

export function buildCopyIndex(tunes: readonly { id: string; seq: NoteSequence }[]): CopyIndex {
  const bars = new Map<string, number[]>();
  tunes.forEach((t, i) => {
    for (const sig of new Set(barSignatures(t.seq))) {
      if (sig === null) continue;
      const list = bars.get(sig);
      if (list) list.push(i);
      else bars.set(sig, [i]);
    }
  });
  return { bars, ids: tunes.map((t) => t.id) };
}

export interface CopyScore {
  /** Share of the generation's comparable bars found verbatim (up to transposition) in `tuneId`. */
  readonly share: number;
  readonly tuneId: string | null;
  readonly matchedBars: number;
  readonly comparableBars: number;
  /** Bar indices of the generation that occur in `tuneId`. */
  readonly matched: number[];
  readonly flagged: boolean;
}

/** The training tune that shares the most bars with a generation, and the share. */
export function copyScore(seq: NoteSequence, index: CopyIndex, threshold = COPY_THRESHOLD): CopyScore {
  const sigs = barSignatures(seq);
  const comparable = sigs.filter((s) => s !== null).length;
  const hits = new Map<number, number[]>();
  sigs.forEach((sig, bar) => {
    if (sig === null) return;
    for (const tune of index.bars.get(sig) ?? []) {
      const list = hits.get(tune);
      if (list) list.push(bar);
      else hits.set(tune, [bar]);
    }
  });
  let best = -1;
  let bestBars: number[] = [];
  for (const [tune, bars] of hits) {
    if (bars.length > bestBars.length || (bars.length === bestBars.length && tune < best)) {
      best = tune;
      bestBars = bars;
    }
  }
  const share = comparable ? bestBars.length / comparable : 0;
  return {
    share,
    tuneId: best >= 0 ? index.ids[best] : null,
    matchedBars: bestBars.length,
    comparableBars: comparable,
    matched: bestBars,
    flagged: comparable > 0 && share >= threshold,
  };
}
