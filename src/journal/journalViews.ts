/**
 * The settings of the interpretation views, as a journal node stores them so that reopening the node
 * restores what was on screen. Plain data: it goes to IndexedDB and into exported journal files.
 */
import {
  attentionInterpreter,
  DEFAULT_ATTENTION_SETTINGS,
  type AttentionSettings,
  type HeadAggregation,
  type LayerAggregation,
} from '../explain/attention';
import { DEFAULT_MIN_RANK_DISTANCE, OCCLUSION_SIGN_FIELD } from '../explain/diffraction';
import type { ModelDims, SettingsSpec } from '../explain/interpreter';

export const VIEW_TABS = ['attention', 'perturbation', 'sweep', 'diffraction', 'journal'] as const;
export type ViewTab = (typeof VIEW_TABS)[number];

export const PERTURB_MODES = ['leave-out', 'replace', 'reorder'] as const;
export type PerturbMode = (typeof PERTURB_MODES)[number];
export const REORDER_KINDS = ['adjacent', 'reverse', 'swap'] as const;
export type ReorderKind = (typeof REORDER_KINDS)[number];

export interface PerturbationView {
  readonly mode: PerturbMode;
  /** Word position (0-based) to replace, or the first of two to swap. */
  readonly position: number;
  /** Replacement word ('' until one is chosen). */
  readonly replacement: string;
  readonly reorder: ReorderKind;
  /** Second word position for a swap. */
  readonly swapWith: number;
  /** The likelihood reading was asked for (reopening the node shows it when at hand; reading again is asked). */
  readonly read: boolean;
  /** Words of the perturbed prompt shown in the A/B comparison, or null when none is open. */
  readonly compare: readonly string[] | null;
}

export interface SweepView {
  readonly values: readonly number[];
  readonly run: boolean;
}

/** One side of the diffraction view: a method and its settings, flat so one settings form can edit it. */
export type SideSettings = {
  readonly method: 'attention' | 'occlusion';
  readonly layers: LayerAggregation;
  readonly layer: number;
  readonly heads: HeadAggregation;
  readonly head: number;
  readonly residual: number;
  readonly occlusionSign: 'signed' | 'magnitude';
};

export interface DiffractionView {
  readonly a: SideSettings;
  readonly b: SideSettings;
  readonly top: number;
  /** Words whose two ranks are this many places apart or more are flagged (journals before it read the default). */
  readonly minRankDistance: number;
}

export interface ViewState {
  readonly tab: ViewTab;
  readonly attention: AttentionSettings;
  /** Map column (0-based: a word, or after the words a reference bar) whose attention colours the notes, or null. */
  readonly word: number | null;
  readonly perturbation: PerturbationView;
  readonly sweep: SweepView;
  readonly diffraction: DiffractionView;
}

const attentionSide = (s: Partial<SideSettings> = {}): SideSettings => ({
  method: 'attention',
  layers: DEFAULT_ATTENTION_SETTINGS.layers,
  layer: DEFAULT_ATTENTION_SETTINGS.layer,
  heads: DEFAULT_ATTENTION_SETTINGS.heads,
  head: DEFAULT_ATTENTION_SETTINGS.head,
  residual: DEFAULT_ATTENTION_SETTINGS.residual,
  occlusionSign: 'signed',
  ...s,
});

export const DEFAULT_VIEWS: ViewState = {
  tab: 'attention',
  attention: DEFAULT_ATTENTION_SETTINGS,
  word: null,
  perturbation: {
    mode: 'leave-out',
    position: 0,
    replacement: '',
    reorder: 'adjacent',
    swapWith: 1,
    read: false,
    compare: null,
  },
  sweep: { values: [1, 1.5, 3], run: false },
  diffraction: {
    a: attentionSide(),
    b: attentionSide({ method: 'occlusion' }),
    top: 5,
    minRankDistance: DEFAULT_MIN_RANK_DISTANCE,
  },
};

/**
 * The same view settings with no likelihood reading, A/B comparison or sweep asked for: what a tune other than
 * the one they were read against starts from, since those readings would mean nothing for it.
 */
export const withoutReadings = (views: ViewState): ViewState => ({
  ...views,
  perturbation: { ...views.perturbation, read: false, compare: null },
  sweep: { ...views.sweep, run: false },
});

export const SWEEP_LIMITS = { count: { min: 2, max: 5 }, guidance: { min: 0, max: 10 } } as const;

/**
 * The settings form of one diffraction side, built from the attention interpreter's own fields. Attention
 * fields show only for the attention method, the sign only for occlusion; `when` chains (layer needs
 * layers = one, which needs method = attention) are followed by the form.
 */
export function sideSpec(dims: ModelDims): SettingsSpec<SideSettings> {
  const a = attentionInterpreter.settingsSpec(dims);
  const forAttention = { key: 'method', is: ['attention'] } as const;
  return {
    method: {
      kind: 'choice',
      label: 'Method',
      choices: [
        { value: 'attention', label: 'cross-attention' },
        { value: 'occlusion', label: 'leave-one-out occlusion' },
      ],
      default: 'attention',
    },
    layers: { ...a.layers, when: forAttention },
    layer: a.layer,
    heads: { ...a.heads, when: forAttention },
    head: a.head,
    residual: a.residual,
    occlusionSign: { ...OCCLUSION_SIGN_FIELD, when: { key: 'method', is: ['occlusion'] } },
  };
}
