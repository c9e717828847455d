/**
 * Opposite feature words: the same prompt and seed, once with each word of a pair, and whether the measured
 * feature moved the named way. A tie counts as not moved.
 */
import type { TuneFeatures } from '../../src/music/features';

export interface FeaturePair {
  /** The word that should give the smaller feature, then the one that should give the larger. */
  readonly smaller: string;
  readonly larger: string;
  readonly feature: keyof Pick<TuneFeatures, 'notesPerBar' | 'meanPitch' | 'range' | 'stepwise'>;
  readonly label: string;
}

export const FEATURE_PAIRS: readonly FeaturePair[] = [
  { smaller: 'sparse', larger: 'busy', feature: 'notesPerBar', label: 'sparse/busy: notes per bar' },
  { smaller: 'low', larger: 'high', feature: 'meanPitch', label: 'low/high: mean pitch' },
  { smaller: 'narrow', larger: 'wide', feature: 'range', label: 'narrow/wide: range' },
  { smaller: 'leaping', larger: 'stepwise', feature: 'stepwise', label: 'stepwise/leaping: stepwise share' },
];

/** Base prompts; {w} is the feature word. */
export const PAIR_BASE_PROMPTS: readonly string[] = [
  'a {w} reel in D major',
  'a {w} jig in G',
  'a {w} waltz in A minor',
];

export interface PairJob {
  readonly pair: FeaturePair;
  readonly base: string;
  readonly seed: number;
  readonly smallerPrompt: string;
  readonly largerPrompt: string;
}

export function pairJobs(pairs: readonly FeaturePair[], bases: readonly string[], seeds: number): PairJob[] {
  return pairs.flatMap((pair) =>
    bases.flatMap((base) =>
      Array.from({ length: seeds }, (_, i) => ({
        pair,
        base,
        seed: i + 1,
        smallerPrompt: base.replace('{w}', pair.smaller),
        largerPrompt: base.replace('{w}', pair.larger),
      })),
    ),
  );
}

/** True when the larger word's tune measures strictly more; a missing or non-finite feature is a miss. */
export function movedRightWay(smaller: number | null, larger: number | null): boolean {
  return smaller !== null && larger !== null && Number.isFinite(smaller) && Number.isFinite(larger) && larger > smaller;
}

export interface PairOutcome {
  readonly job: PairJob;
  /** The measured feature of each word's tune; null for a tune without notes. */
  readonly smaller: number | null;
  readonly larger: number | null;
}

export interface PairSummary {
  readonly label: string;
  readonly cases: number;
  /** Share of cases (base prompt x seed) where the feature moved the named way, in percent. */
  readonly rightWayPct: number;
  /** Mean feature under each word. */
  readonly meanSmaller: number;
  readonly meanLarger: number;
}

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

export function summarisePairs(pairs: readonly FeaturePair[], outcomes: readonly PairOutcome[]): PairSummary[] {
  return pairs.map((pair) => {
    const xs = outcomes.filter((o) => o.job.pair.label === pair.label);
    const mean = (f: (o: PairOutcome) => number | null) => {
      const vs = xs.map(f).filter((v): v is number => v !== null && Number.isFinite(v));
      return vs.length ? round(vs.reduce((a, b) => a + b, 0) / vs.length, 2) : NaN;
    };
    return {
      label: pair.label,
      cases: xs.length,
      rightWayPct: xs.length
        ? round((100 * xs.filter((o) => movedRightWay(o.smaller, o.larger)).length) / xs.length, 1)
        : NaN,
      meanSmaller: mean((o) => o.smaller),
      meanLarger: mean((o) => o.larger),
    };
  });
}
