/**
 * One generation's attribution record: each reference with its rights holder and its two measured shares
 * (ablation, shared passages), the training-time gradient estimate beside them, and how far the measures
 * agree. Pure; the CLI prints it, the app shows it, and the ledger takes its `GenerationAttribution`.
 */
import { ABLATION_METHOD, type AblationResult } from '../explain/ablation';
import {
  orderAgreement,
  PASSAGE_METHOD,
  type OrderAgreement,
  type ReferencePassages,
} from '../explain/referencePassages';
import { referenceLabel, type Reference } from '../music/excerpt';
import type { ResolvedTerms } from '../rights/terms';
import type { GenerationAttribution, RightsHolder, TrainingSetHolder } from './types';

export const GRADIENT_CAVEAT =
  'Training-time influence is an estimate (sketched output-layer gradients from one checkpoint); the reference shares are measured.';

/** A rights holder as the ledger knows them, from a tune's resolved terms. */
export const holderOf = (t: ResolvedTerms): RightsHolder => ({
  id: t.terms.rightsHolder,
  name: t.terms.rightsHolder,
  waives: t.terms.royalty.kind === 'none',
});

/** The gradient estimate as the record needs it: the top training tunes, and every catalogue tune's score. */
export interface GradientEstimate {
  readonly method: string;
  readonly top: readonly {
    readonly id: string;
    readonly title: string;
    readonly score: number;
    readonly rank: number;
  }[];
  /** Score and rank of a catalogue tune, or null when it was not ranked (not a training tune, or own ABC). */
  readonly of: (tuneId: string) => { readonly score: number; readonly rank: number } | null;
  /** How many tunes were ranked. */
  readonly candidates: number;
}

export interface ReferenceRecord {
  readonly label: string;
  readonly kind: Reference['source']['kind'];
  readonly id: string;
  readonly first: number;
  readonly last: number;
  readonly holder: RightsHolder;
  readonly simulatedTerms: boolean;
  readonly ablation: { readonly drop: number; readonly share: number };
  readonly passages: {
    readonly coverage: number;
    readonly share: number;
    /** Bars (0-based) of each passage in the tune and in the reference excerpt. */
    readonly spans: readonly { readonly tuneBars: [number, number]; readonly referenceBars: [number, number] }[];
  };
  /** The gradient estimate of the reference tune itself, when it is a ranked training tune. */
  readonly gradient: { readonly score: number; readonly rank: number } | null;
}

export interface AttributionRecord {
  readonly methods: { readonly ablation: string; readonly passages: string; readonly gradient: string | null };
  readonly ablationNote: string | null;
  readonly references: readonly ReferenceRecord[];
  /** Pairs of references the two measures put in the same order. */
  readonly agreement: {
    readonly ablationVsPassages: OrderAgreement;
    /** Over the references the gradient estimate ranks; null without an estimate. */
    readonly ablationVsGradient: OrderAgreement | null;
  };
  readonly training: {
    readonly caveat: string;
    readonly top: readonly {
      readonly rank: number;
      readonly id: string;
      readonly title: string;
      readonly score: number;
      readonly holder: RightsHolder;
    }[];
    /** Why there is no estimate, or null. */
    readonly unavailable: string | null;
  };
}

export interface RecordInput {
  readonly references: readonly Reference[];
  readonly terms: readonly ResolvedTerms[];
  readonly ablation: AblationResult;
  readonly passages: readonly ReferencePassages[];
  readonly gradient: GradientEstimate | null;
  /** Why the gradient estimate is missing, when it is. */
  readonly gradientUnavailable?: string;
  /** Terms of a training tune, for its holder. */
  readonly termsOfTune: (tuneId: string) => ResolvedTerms;
}

export function attributionRecord(input: RecordInput): AttributionRecord {
  const { references, terms, ablation, passages, gradient } = input;
  const records = references.map((r, i): ReferenceRecord => ({
    label: referenceLabel(r),
    kind: r.source.kind,
    id: r.source.id,
    first: r.first,
    last: r.last,
    holder: holderOf(terms[i]),
    simulatedTerms: terms[i].simulated,
    ablation: { drop: ablation.references[i].drop, share: ablation.references[i].share },
    passages: {
      coverage: passages[i].coverage,
      share: passages[i].share,
      spans: passages[i].passages.map((p) => ({
        tuneBars: [p.query.firstBar, p.query.lastBar],
        referenceBars: [p.match.firstBar, p.match.lastBar],
      })),
    },
    gradient: r.source.kind === 'catalogue' && gradient ? gradient.of(r.source.id) : null,
  }));
  const ranked = records.filter((r) => r.gradient);
  return {
    methods: { ablation: ABLATION_METHOD, passages: PASSAGE_METHOD, gradient: gradient?.method ?? null },
    ablationNote: ablation.note,
    references: records,
    agreement: {
      ablationVsPassages: orderAgreement(
        records.map((r) => r.ablation.share),
        records.map((r) => r.passages.share),
      ),
      ablationVsGradient: gradient
        ? orderAgreement(
            ranked.map((r) => r.ablation.share),
            ranked.map((r) => r.gradient!.score),
          )
        : null,
    },
    training: {
      caveat: GRADIENT_CAVEAT,
      top: (gradient?.top ?? []).map((t) => ({ ...t, holder: holderOf(input.termsOfTune(t.id)) })),
      unavailable: gradient ? null : (input.gradientUnavailable ?? 'no gradient estimate was computed'),
    },
  };
}

/** What the ledger keeps of a generation's record. */
export function generationAttribution(
  record: AttributionRecord,
  meta: { readonly generationId: string; readonly createdAt: number; readonly prompt: string; readonly seed: number },
): GenerationAttribution {
  return {
    ...meta,
    references: record.references.map((r) => ({
      label: r.label,
      tuneId: r.id,
      holder: r.holder,
      drop: r.ablation.drop,
      share: r.ablation.share,
    })),
    training: record.training.top.map((t) => ({ tuneId: t.id, title: t.title, holder: t.holder, score: t.score })),
  };
}

/** The record's view of a gradient neighbour list (`findNeighbours` under the gradient measure). */
export function gradientEstimateOf(
  list: {
    readonly label: string;
    readonly neighbours: readonly {
      readonly id: string;
      readonly title: string;
      readonly score: number;
      readonly rank: number;
    }[];
    readonly scores: Float32Array;
    readonly ranks: Int32Array;
    readonly candidates: number;
  },
  ids: readonly string[],
): GradientEstimate {
  const at = new Map(ids.map((id, i) => [id, i]));
  return {
    method: list.label,
    top: list.neighbours.map((n) => ({ id: n.id, title: n.title, score: n.score, rank: n.rank })),
    of: (tuneId) => {
      const i = at.get(tuneId);
      return i === undefined || list.ranks[i] === 0 ? null : { score: list.scores[i], rank: list.ranks[i] };
    },
    candidates: list.candidates,
  };
}

/** Each rights holder of the training tunes with their number of tunes, for spreading a training part evenly. */
export function trainingSetHolders(
  trainingIds: readonly string[],
  termsOfTune: (tuneId: string) => ResolvedTerms,
): TrainingSetHolder[] {
  const byId = new Map<string, TrainingSetHolder>();
  for (const id of trainingIds) {
    const holder = holderOf(termsOfTune(id));
    byId.set(holder.id, { holder, tunes: (byId.get(holder.id)?.tunes ?? 0) + 1 });
  }
  return [...byId.values()].sort((a, b) => b.tunes - a.tunes || a.holder.name.localeCompare(b.holder.name));
}
