/**
 * Nearest training examples under four switchable measures: prompt-to-caption text embedding, music
 * embedding, melodic n-gram overlap and output-layer gradient influence. Every list and every item says which
 * measure produced it; gradient scores are estimates (see docs/attribution.md).
 */
import type { NoteSequence } from '../music/noteSequence';
import type { SketchSpec } from './gradient';
import type { Interpreter, SettingsSpec } from './interpreter';
import { ngramScores, sharedPassages, type NgramIndex, type SharedPassage } from './ngram';
import { orderByScore } from './scoreOrder';
import { searchVectors, type VectorSet } from './vectors';

export type NeighbourMeasure = 'text' | 'music' | 'ngram' | 'gradient';
export const NEIGHBOUR_MEASURES: readonly NeighbourMeasure[] = ['text', 'music', 'ngram', 'gradient'];

/** One catalogue tune as a measure ranks it: the one result type of the panel, the CLI and the comparisons. */
export interface Neighbour {
  readonly id: string;
  readonly title: string;
  readonly score: number;
  /** 1 = nearest. */
  readonly rank: number;
  readonly measure: NeighbourMeasure;
  /** The score with its measure, e.g. "gradient cosine 0.412 (estimate)". */
  readonly label: string;
  /** Position in the catalogue. */
  readonly index: number;
  /** n-gram measure only: the stretches shared with the query, for highlighting both scores. */
  readonly passages?: readonly SharedPassage[];
}

export interface NeighbourList {
  readonly measure: NeighbourMeasure;
  /** The measurement and its settings, e.g. "gradient influence: cosine of sketched output-layer gradients ...". */
  readonly label: string;
  readonly k: number;
  readonly neighbours: readonly Neighbour[];
  /** Score of every catalogue tune (NaN where not a candidate), for comparisons and plots. */
  readonly scores: Float32Array;
  /** 1-based rank of every catalogue tune among the candidates; 0 where not a candidate. */
  readonly ranks: Int32Array;
  /** Number of tunes ranked. */
  readonly candidates: number;
  /** Why the measure could not run for this query (e.g. no prompt for the text measure), or null. */
  readonly unavailable: string | null;
}

/** The catalogue side: ids, titles and whatever index each measure needs (null when not loaded). */
export interface NeighbourCatalogue {
  readonly ids: readonly string[];
  readonly titles: readonly string[];
  /** 1 for tunes in the training split, 0 for validation and test tunes. */
  readonly training: Uint8Array;
  readonly text: VectorSet | null;
  readonly music: VectorSet | null;
  readonly gradient: VectorSet | null;
  readonly sketch: SketchSpec | null;
  readonly ngrams: NgramIndex | null;
  /** A catalogue tune's notes, for the shared passages of the n-gram measure's top k. */
  readonly sequence: (index: number) => NoteSequence;
}

/** The query side, computed from the model (src/explain/neighboursQuery.ts) or from the notes alone. */
export interface NeighbourQuery {
  readonly textEmbedding?: Float32Array | null;
  readonly musicEmbedding?: Float32Array | null;
  readonly gradientSketch?: Float32Array | null;
  readonly sequence?: NoteSequence | null;
}

export interface NeighbourInput {
  readonly catalogue: NeighbourCatalogue;
  readonly query: NeighbourQuery;
}

export type NeighbourSettings = {
  readonly measure: NeighbourMeasure;
  readonly k: number;
  /** Rank the training split only (what the model learnt from) or the whole catalogue. */
  readonly candidates: 'train' | 'all';
  /** n-gram measure: share of the query's figures found in the tune, or Jaccard of the two figure sets. */
  readonly ngramScore: 'containment' | 'jaccard';
};

export const MAX_NEIGHBOURS = 100;

export const DEFAULT_NEIGHBOUR_SETTINGS: NeighbourSettings = {
  measure: 'gradient',
  k: 10,
  candidates: 'train',
  ngramScore: 'containment',
};

/**
 * Candidate positions ordered by score, then tiebreak (both descending), then catalogue position. A NaN score
 * (a tune an approximate search did not reach) leaves the tune out.
 */
export function rankOrder(scores: Float32Array, candidates: Uint8Array | null, tiebreak?: Float32Array): Int32Array {
  return orderByScore(scores, candidates, tiebreak ?? null);
}

/** 1-based ranks from an order; 0 for positions not in it. */
export function ranksFromOrder(order: Int32Array, count: number): Int32Array {
  const ranks = new Int32Array(count);
  for (let r = 0; r < order.length; r++) ranks[order[r]] = r + 1;
  return ranks;
}

const MEASURE_NAMES: Record<NeighbourMeasure, string> = {
  text: 'text embedding',
  music: 'music embedding',
  ngram: 'melodic n-grams',
  gradient: 'gradient influence',
};

/** Names the measurement under its settings; shown above the list and stored with exports. */
export function neighbourLabel(
  s: NeighbourSettings,
  catalogue?: Pick<NeighbourCatalogue, 'ngrams' | 'sketch'>,
): string {
  const pool = s.candidates === 'train' ? 'training tunes' : 'all catalogue tunes';
  const n = catalogue?.ngrams?.n ?? 4;
  const k = catalogue?.sketch?.k;
  const what: Record<NeighbourMeasure, string> = {
    text: "centred cosine of mean-pooled encoder memory, prompt vs the mean of each tune's caption embeddings",
    music: 'centred cosine of mean-pooled decoder hidden states (teacher-forced, empty prompt)',
    ngram:
      s.ngramScore === 'containment'
        ? `share of the query's melodic ${n}-interval figures (intervals and durations, any transposition) found in the tune`
        : `Jaccard overlap of melodic ${n}-interval figures (intervals and durations, any transposition)`,
    gradient: `cosine of output-layer loss gradients, sparse random projection to ${k ?? '?'} numbers, one checkpoint (an estimate)`,
  };
  return `${MEASURE_NAMES[s.measure]}: ${what[s.measure]}; top ${s.k} of ${pool}`;
}

function itemLabel(measure: NeighbourMeasure, score: number, s: NeighbourSettings): string {
  switch (measure) {
    case 'text':
      return `text cosine ${score.toFixed(3)}`;
    case 'music':
      return `music cosine ${score.toFixed(3)}`;
    case 'ngram':
      return s.ngramScore === 'containment'
        ? `${Math.round(score * 100)}% of the query's figures`
        : `figure Jaccard ${score.toFixed(3)}`;
    case 'gradient':
      return `gradient cosine ${score.toFixed(3)} (estimate)`;
  }
}

/** Scores of every catalogue tune under one measure, or why they cannot be computed. */
export function measureScores(
  input: NeighbourInput,
  s: NeighbourSettings,
): { scores: Float32Array; tiebreak?: Float32Array; note?: string } | { unavailable: string } {
  const { catalogue: c, query: q } = input;
  const vectorMeasure = (set: VectorSet | null, vec: Float32Array | null | undefined, what: string) => {
    if (!set) return { unavailable: `the catalogue's ${what} index is not loaded` };
    if (!vec) return { unavailable: `the query has no ${what}` };
    const r = searchVectors(set, vec);
    if (!r.approximate) return { scores: r.scores };
    const note = `approximate index: the ${r.scored.toLocaleString('en')} of ${set.count.toLocaleString('en')} tunes whose sketched scores were highest, ranked exactly`;
    return { scores: r.scores, note };
  };
  switch (s.measure) {
    case 'text':
      return vectorMeasure(c.text, q.textEmbedding, 'text embedding (it needs a prompt)');
    case 'music':
      return vectorMeasure(c.music, q.musicEmbedding, 'music embedding');
    case 'gradient':
      return vectorMeasure(c.gradient, q.gradientSketch, 'gradient sketch');
    case 'ngram': {
      if (!c.ngrams) return { unavailable: "the catalogue's n-gram index is not built" };
      if (!q.sequence) return { unavailable: 'the query has no notes' };
      const r = ngramScores(c.ngrams, q.sequence);
      if (r.querySize === 0) return { unavailable: `the query has fewer than ${c.ngrams.n + 1} notes` };
      return s.ngramScore === 'containment'
        ? { scores: r.containment, tiebreak: r.jaccard }
        : { scores: r.jaccard, tiebreak: r.containment };
    }
  }
}

/** Ranks the catalogue under the chosen measure and returns the top k, with the full ranking for comparisons. */
export function findNeighbours(input: NeighbourInput, s: NeighbourSettings): NeighbourList {
  const { catalogue: c } = input;
  const count = c.ids.length;
  const label = neighbourLabel(s, c);
  const measured = measureScores(input, s);
  if ('unavailable' in measured) {
    const scores = new Float32Array(count).fill(NaN);
    return {
      measure: s.measure,
      label,
      k: s.k,
      neighbours: [],
      scores,
      ranks: new Int32Array(count),
      candidates: 0,
      unavailable: measured.unavailable,
    };
  }
  const pool = s.candidates === 'train' ? c.training : null;
  const order = rankOrder(measured.scores, pool, measured.tiebreak);
  const fullLabel = measured.note ? `${label}; ${measured.note}` : label;
  const scores = measured.scores.slice();
  if (pool) for (let i = 0; i < count; i++) if (!pool[i]) scores[i] = NaN;
  const neighbours: Neighbour[] = Array.from(order.subarray(0, s.k), (i, r) => ({
    id: c.ids[i],
    title: c.titles[i],
    score: scores[i],
    rank: r + 1,
    measure: s.measure,
    label: itemLabel(s.measure, scores[i], s),
    index: i,
    ...(s.measure === 'ngram' && input.query.sequence
      ? { passages: sharedPassages(input.query.sequence, c.sequence(i), c.ngrams!.n) }
      : {}),
  }));
  return {
    measure: s.measure,
    label: fullLabel,
    k: s.k,
    neighbours,
    scores,
    ranks: ranksFromOrder(order, count),
    candidates: order.length,
    unavailable: null,
  };
}

export const neighboursInterpreter: Interpreter<NeighbourInput, NeighbourSettings, NeighbourList> = {
  id: 'nearest-training-examples',
  description:
    "Catalogue tunes ranked by one similarity measure at a time. Text: cosine between the prompt's mean encoder " +
    "state and each tune's caption embeddings. Music: cosine between mean decoder hidden states of the two tunes. " +
    'Melodic n-grams: shared figures of intervals and durations, in any key. Gradient influence: cosine between ' +
    'the output-layer loss gradients of the generation and of each training tune (TracIn/TRAK style), sketched by a ' +
    'seeded random projection from one checkpoint; an estimate of training-time influence, not a measured one. ' +
    'The measures answer different questions and often disagree.',
  settingsSpec: (): SettingsSpec<NeighbourSettings> => ({
    measure: {
      kind: 'choice',
      label: 'Measure',
      choices: [
        { value: 'text', label: 'text embedding (prompt vs captions)' },
        { value: 'music', label: 'music embedding (hidden states)' },
        { value: 'ngram', label: 'melodic n-gram overlap' },
        { value: 'gradient', label: 'gradient influence (estimate)' },
      ],
      default: 'gradient',
    },
    k: { kind: 'integer', label: 'Neighbours', min: 1, max: MAX_NEIGHBOURS, default: 10 },
    candidates: {
      kind: 'choice',
      label: 'Candidates',
      help: 'Validation and test tunes were not trained on, so they cannot have influenced the model.',
      choices: [
        { value: 'train', label: 'training tunes' },
        { value: 'all', label: 'whole catalogue' },
      ],
      default: 'train',
    },
    ngramScore: {
      kind: 'choice',
      label: 'Overlap score',
      choices: [
        { value: 'containment', label: "share of the query's figures" },
        { value: 'jaccard', label: 'Jaccard of both figure sets' },
      ],
      default: 'containment',
      when: { key: 'measure', is: ['ngram'] },
    },
  }),
  label: (s) => neighbourLabel(s),
  run: findNeighbours,
};
