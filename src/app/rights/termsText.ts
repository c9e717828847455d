/** Terms in words, as chips, the catalogue and the editor show them. */
import type { OutputUse, Terms } from '../../rights/registrySchema';
import { OUTPUT_USES } from '../../rights/registrySchema';

export const USE_LABELS: Readonly<Record<OutputUse, string>> = {
  personal: 'personal use',
  education: 'education',
  commercial: 'commercial use',
};

export function referenceText(terms: Terms): string {
  const r = terms.reference;
  if (r.consent === 'allowed') return 'may be a reference';
  if (r.consent === 'not-allowed') return `may not be a reference: ${r.reason}`;
  return `may be a reference on a condition: ${r.constraint}${r.maxBars === undefined ? '' : ` (at most ${r.maxBars} bars)`}`;
}

export function trainingText(terms: Terms): string {
  return terms.training.consent === 'allowed'
    ? 'may be used for training'
    : `opted out of training: ${terms.training.reason}`;
}

export function royaltyText(terms: Terms): string {
  const r = terms.royalty;
  if (r.kind === 'none') return 'no royalty';
  if (r.kind === 'per-use') return `${r.amount.toFixed(2)} ${r.currency} per use`;
  return `${r.percent}% of the fee, by attribution share`;
}

export function usesText(terms: Terms): string {
  const allowed = OUTPUT_USES.filter((u) => terms.outputUses[u]).map((u) => USE_LABELS[u]);
  return allowed.length ? `outputs for ${allowed.join(', ')}` : 'outputs for no use';
}
