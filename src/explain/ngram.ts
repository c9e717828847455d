/**
 * Melodic n-gram overlap, transposition-invariant: a tune is read as its set of figures of n + 1 consecutive
 * notes, each figure written as its n semitone intervals and n + 1 durations (in 1/48 beats). Rests are skipped
 * and tied notes merged (as in the note sequence); repeats are not expanded. Two tunes are compared by the
 * figures they share, and the shared stretches are returned as passages to highlight in both scores.
 */
import type { NoteSequence } from '../music/noteSequence';

/** Intervals per figure; a figure spans DEFAULT_NGRAM + 1 notes. */
export const DEFAULT_NGRAM = 4;

/** Duration resolution: 1/48 beat holds triplets and dotted notes exactly. */
const TICKS_PER_BEAT = 48;

/** One 32-bit key per figure start (FNV-1a of its intervals and durations): notes.length - n keys, or none. */
export function figureKeys(seq: NoteSequence, n = DEFAULT_NGRAM): Uint32Array {
  const notes = seq.notes;
  const count = Math.max(0, notes.length - n);
  const keys = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0x811c9dc5 ^ n;
    for (let j = 0; j <= n; j++) {
      const note = notes[i + j];
      const interval = j === 0 ? 0 : note.midi - notes[i + j - 1].midi;
      h = Math.imul(h ^ (interval & 0xff), 0x01000193);
      h = Math.imul(h ^ Math.round(note.durationBeats * TICKS_PER_BEAT), 0x01000193);
    }
    keys[i] = h >>> 0;
  }
  return keys;
}

/** Figure key -> catalogue positions of the tunes that contain it, with each tune's number of distinct figures. */
export interface NgramIndex {
  readonly n: number;
  readonly count: number;
  readonly postings: ReadonlyMap<number, Int32Array>;
  /** Distinct figures per tune. */
  readonly sizes: Int32Array;
}

export function buildNgramIndex(seqs: readonly NoteSequence[], n = DEFAULT_NGRAM): NgramIndex {
  const lists = new Map<number, number[]>();
  const sizes = new Int32Array(seqs.length);
  seqs.forEach((seq, t) => {
    const distinct = new Set(figureKeys(seq, n));
    sizes[t] = distinct.size;
    for (const key of distinct) {
      const list = lists.get(key);
      if (list) list.push(t);
      else lists.set(key, [t]);
    }
  });
  const postings = new Map<number, Int32Array>();
  for (const [key, list] of lists) postings.set(key, Int32Array.from(list));
  return { n, count: seqs.length, postings, sizes };
}

export interface NgramScores {
  /** Share of the query's distinct figures found in each tune: |Q and T| / |Q|. */
  readonly containment: Float32Array;
  /** |Q and T| / |Q or T|. */
  readonly jaccard: Float32Array;
  /** |Q and T| per tune. */
  readonly shared: Int32Array;
  /** |Q|: distinct figures of the query. */
  readonly querySize: number;
}

/** Scores every indexed tune against a query in one pass over the query's postings. */
export function ngramScores(index: NgramIndex, query: NoteSequence): NgramScores {
  const q = new Set(figureKeys(query, index.n));
  const shared = new Int32Array(index.count);
  for (const key of q) {
    const list = index.postings.get(key);
    if (list) for (const t of list) shared[t]++;
  }
  const containment = new Float32Array(index.count);
  const jaccard = new Float32Array(index.count);
  if (q.size > 0) {
    for (let t = 0; t < index.count; t++) {
      containment[t] = shared[t] / q.size;
      jaccard[t] = shared[t] / (q.size + index.sizes[t] - shared[t]);
    }
  }
  return { containment, jaccard, shared, querySize: q.size };
}

/** A stretch of notes in one tune: note indices into `seq.notes` and the bars (0-based) they fall in. */
export interface NoteSpan {
  readonly firstNote: number;
  readonly lastNote: number;
  readonly firstBar: number;
  readonly lastBar: number;
}

/** The same melodic stretch (up to transposition) in the query and in a catalogue tune. */
export interface SharedPassage {
  readonly query: NoteSpan;
  readonly match: NoteSpan;
  /** Semitones from the query to the match (match pitch - query pitch at the first note). */
  readonly transposition: number;
}

const span = (seq: NoteSequence, first: number, last: number): NoteSpan => ({
  firstNote: first,
  lastNote: last,
  firstBar: seq.notes[first].measure,
  lastBar: seq.notes[last].measure,
});

/**
 * The longest runs of consecutive shared figures, as passages in both tunes. Each query note belongs to at
 * most one passage (the longest that covers it); passages come back in query order.
 */
export function sharedPassages(query: NoteSequence, match: NoteSequence, n = DEFAULT_NGRAM): SharedPassage[] {
  const qk = figureKeys(query, n);
  const mk = figureKeys(match, n);
  const where = new Map<number, number[]>();
  mk.forEach((key, j) => {
    const list = where.get(key);
    if (list) list.push(j);
    else where.set(key, [j]);
  });
  const runs: { i: number; j: number; len: number }[] = [];
  qk.forEach((key, i) => {
    for (const j of where.get(key) ?? []) {
      if (i > 0 && j > 0 && qk[i - 1] === mk[j - 1]) continue; // inside a run that started earlier
      let len = 1;
      while (i + len < qk.length && j + len < mk.length && qk[i + len] === mk[j + len]) len++;
      runs.push({ i, j, len });
    }
  });
  runs.sort((a, b) => b.len - a.len || a.i - b.i || a.j - b.j);
  const taken = new Uint8Array(query.notes.length);
  const kept: SharedPassage[] = [];
  for (const { i, j, len } of runs) {
    const last = i + len - 1 + n;
    let free = true;
    for (let x = i; x <= last && free; x++) free = !taken[x];
    if (!free) continue;
    taken.fill(1, i, last + 1);
    kept.push({
      query: span(query, i, last),
      match: span(match, j, j + len - 1 + n),
      transposition: match.notes[j].midi - query.notes[i].midi,
    });
  }
  return kept.sort((a, b) => a.query.firstNote - b.query.firstNote);
}
