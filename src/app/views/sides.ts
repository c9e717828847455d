/** The two sides of the diffraction view: any method and setting against any other. Pure. */
import type { AttentionInput } from '../../explain/attention';
import { attentionImportance, diffract, diffractionLabels, type Diffraction } from '../../explain/diffraction';
import type { SideSettings } from '../../journal/journalViews';
import { occlusionImportance, type OcclusionResult } from '../../explain/occlusion';
import { undefinedReason } from '../../explain/rankAgreement';

export interface SideInputs {
  readonly attention: AttentionInput;
  readonly occlusion: OcclusionResult;
}

/** What one side measures, e.g. "mean cross-attention, all layers, all heads; mean over the tune's tokens". */
export function sideLabel(side: SideSettings): string {
  const labels = diffractionLabels(side);
  return side.method === 'attention' ? labels.attention : `occlusion: ${labels.occlusion}`;
}

/** Per-word importance under one side's method; higher = more important in both methods. */
export function sideValues(side: SideSettings, inputs: SideInputs): Float64Array {
  if (inputs.occlusion.words.length === 0) return new Float64Array(0);
  if (side.method === 'attention') return attentionImportance(inputs.attention, side);
  const v = occlusionImportance(inputs.occlusion);
  return side.occlusionSign === 'signed' ? v : v.map(Math.abs);
}

export interface SidesResult {
  readonly a: Float64Array;
  readonly b: Float64Array;
  readonly labelA: string;
  readonly labelB: string;
  readonly diffraction: Diffraction;
}

export function compareSides(
  a: SideSettings,
  b: SideSettings,
  inputs: SideInputs,
  top: number,
  minRankDistance?: number,
): SidesResult {
  const words = inputs.occlusion.words.map((w) => w.word);
  const [va, vb] = [sideValues(a, inputs), sideValues(b, inputs)];
  const [labelA, labelB] = [sideLabel(a), sideLabel(b)];
  const d = diffract(words, va, vb, { attention: labelA, occlusion: labelB }, top, minRankDistance);
  // diffract names its sides attention and occlusion; here either side may be either method.
  const reason = d.reason && words.length >= 2 ? undefinedReason(va, vb, ['side A', 'side B']) : d.reason;
  return { a: va, b: vb, labelA, labelB, diffraction: { ...d, reason } };
}
