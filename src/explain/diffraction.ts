/**
 * Diffraction: the same prompt words read through two methods side by side, attention and occlusion, with
 * how far their rankings agree and the words where they part most. Neither reading is treated as the truth.
 */
import {
  attentionInterpreter,
  attentionLabel,
  attentionMatrix,
  columnMeans,
  DEFAULT_ATTENTION_SETTINGS,
  type AttentionInput,
  type AttentionSettings,
} from './attention';
import type { Interpreter, ModelDims, SettingsSpec } from './interpreter';
import { occlusionImportance, type OcclusionResult } from './occlusion';
import { averageRanks, kendallTauB, spearman, undefinedReason } from './rankAgreement';

export interface WordDisagreement {
  readonly index: number;
  readonly word: string;
  /** 1 = the word this method scores highest; ties share the mean rank. */
  readonly attentionRank: number;
  readonly occlusionRank: number;
  /** attentionRank - occlusionRank: negative = ranked higher by attention than by occlusion. */
  readonly difference: number;
}

/**
 * Two rankings of a handful of words differ by one place whenever two scores are close, so a one-place difference
 * (rank 1 against rank 2) is a near-tie, not a disagreement. By default a word is flagged from two places apart.
 */
export const DEFAULT_MIN_RANK_DISTANCE = 2;

/** A word's two ranks are flagged as a disagreement when they differ, by at least `minDistance` places. */
export const ranksDisagree = (rankA: number, rankB: number, minDistance: number): boolean =>
  rankA !== rankB && Math.abs(rankA - rankB) >= minDistance;

export interface Diffraction {
  readonly words: readonly string[];
  readonly attention: Float64Array;
  readonly occlusion: Float64Array;
  readonly attentionLabel: string;
  readonly occlusionLabel: string;
  readonly spearman: number | null;
  readonly kendall: number | null;
  /** Why the agreement numbers are null (e.g. "one word: a ranking needs at least two"), else null. */
  readonly reason: string | null;
  /** Words at least `minRankDistance` places apart, by |rank difference|, largest first. */
  readonly disagreements: readonly WordDisagreement[];
  readonly minRankDistance: number;
}

/** Ranks with 1 = highest value. */
const descendingRanks = (v: ArrayLike<number>): Float64Array => averageRanks(Array.from(v, (x) => -x));

/** Puts two per-word importances side by side. Higher = more important in both. */
export function diffract(
  words: readonly string[],
  attention: Float64Array,
  occlusion: Float64Array,
  labels: { attention: string; occlusion: string },
  top = words.length,
  minRankDistance = DEFAULT_MIN_RANK_DISTANCE,
): Diffraction {
  const rankA = descendingRanks(attention);
  const rankO = descendingRanks(occlusion);
  const disagreements = words
    .map((word, index) => ({
      index,
      word,
      attentionRank: rankA[index],
      occlusionRank: rankO[index],
      difference: rankA[index] - rankO[index],
    }))
    .filter((d) => ranksDisagree(d.attentionRank, d.occlusionRank, minRankDistance))
    .sort((x, y) => Math.abs(y.difference) - Math.abs(x.difference) || x.index - y.index)
    .slice(0, top);
  const reason =
    words.length === 0
      ? 'the prompt has no words'
      : words.length === 1
        ? 'one word: a ranking needs at least two'
        : undefinedReason(attention, occlusion, ['attention', 'occlusion']);
  return {
    words,
    attention,
    occlusion,
    attentionLabel: labels.attention,
    occlusionLabel: labels.occlusion,
    spearman: reason ? null : spearman(attention, occlusion),
    kendall: reason ? null : kendallTauB(attention, occlusion),
    reason,
    disagreements,
    minRankDistance,
  };
}

export type DiffractionSettings = Pick<AttentionSettings, 'layers' | 'layer' | 'heads' | 'head' | 'residual'> & {
  /** 'signed': with-minus-without log-probability; 'magnitude': its absolute value (any effect counts). */
  readonly occlusionSign: 'signed' | 'magnitude';
  readonly top: number;
  /** Rank places apart from which a word is flagged. */
  readonly minRankDistance: number;
};

export interface DiffractionInput {
  readonly attention: AttentionInput;
  readonly occlusion: OcclusionResult;
}

/** Attention's word importance: the chosen aggregation's attention to each word, mean over the tune's tokens. */
export function attentionImportance(
  input: AttentionInput,
  s: Pick<AttentionSettings, 'layers' | 'layer' | 'heads' | 'head' | 'residual'>,
): Float64Array {
  const m = attentionMatrix(input, { ...DEFAULT_ATTENTION_SETTINGS, ...s, rows: 'token', normalise: 'none' });
  // Words only: reference columns, if any, have no occlusion counterpart.
  return columnMeans(m).slice(0, Math.max(1, input.words.length));
}

export function diffractionLabels(s: Omit<DiffractionSettings, 'top' | 'minRankDistance'>): {
  attention: string;
  occlusion: string;
} {
  return {
    attention: `${attentionLabel({ ...DEFAULT_ATTENTION_SETTINGS, ...s, rows: 'token', normalise: 'none' })}; mean over the tune's tokens`,
    occlusion:
      s.occlusionSign === 'signed'
        ? 'log-probability of the tune with the word minus without it'
        : 'size of the change in log-probability of the tune when the word is left out',
  };
}

export function diffraction(input: DiffractionInput, s: DiffractionSettings): Diffraction {
  const words = input.occlusion.words.map((w) => w.word);
  const occ = occlusionImportance(input.occlusion);
  const occlusion = s.occlusionSign === 'signed' ? occ : occ.map(Math.abs);
  const attention = words.length ? attentionImportance(input.attention, s) : new Float64Array(0);
  return diffract(words, attention, occlusion, diffractionLabels(s), s.top, s.minRankDistance);
}

/** The occlusion side's setting, shared with the journal's stored diffraction sides. */
export const OCCLUSION_SIGN_FIELD = {
  kind: 'choice',
  label: 'Occlusion score',
  choices: [
    { value: 'signed', label: 'with minus without (signed)' },
    { value: 'magnitude', label: 'size of the change' },
  ],
  default: 'signed',
} as const satisfies SettingsSpec<Pick<DiffractionSettings, 'occlusionSign'>>['occlusionSign'];

/** The rank distance setting, shared with the journal's stored diffraction view. */
export const MIN_RANK_DISTANCE_FIELD = {
  kind: 'integer',
  label: 'Flag words ranked this many places apart or more',
  min: 1,
  max: 32,
  default: DEFAULT_MIN_RANK_DISTANCE,
} as const satisfies SettingsSpec<Pick<DiffractionSettings, 'minRankDistance'>>['minRankDistance'];

export const diffractionInterpreter: Interpreter<DiffractionInput, DiffractionSettings, Diffraction> = {
  id: 'attention-vs-occlusion',
  description:
    'Ranks the prompt words twice: by the cross-attention they receive (chosen layers and heads, mean over the ' +
    "tune's tokens) and by leave-one-out occlusion (how much more likely the tune is with the word). Reports " +
    "Spearman's rho and Kendall's tau-b between the two, and the words whose ranks are at least the chosen rank " +
    'distance apart (by default 2 places: neighbouring ranks are near-ties). The two methods ' +
    'measure different things; disagreement is a place to look, not an error in either.',
  settingsSpec: (dims: ModelDims): SettingsSpec<DiffractionSettings> => {
    const a = attentionInterpreter.settingsSpec(dims);
    return {
      layers: a.layers,
      layer: a.layer,
      heads: a.heads,
      head: a.head,
      residual: a.residual,
      occlusionSign: OCCLUSION_SIGN_FIELD,
      top: { kind: 'integer', label: 'Disagreements shown', min: 1, max: 32, default: 5 },
      minRankDistance: MIN_RANK_DISTANCE_FIELD,
    };
  },
  label: (s) => `${diffractionLabels(s).attention} vs ${diffractionLabels(s).occlusion}`,
  run: diffraction,
};
