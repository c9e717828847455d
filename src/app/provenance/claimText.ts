/** A manifest's claims in words, for the check panel. */
import type { ConsentEntry, ReferenceClaim } from '../../export/manifestSchema';
import type { RoyaltyTerms, Terms } from '../../rights/registrySchema';

const percent = (x: number | null) => (x === null ? 'not measured' : `${(x * 100).toFixed(1)}%`);

export function sharesText(s: ReferenceClaim['shares']): string {
  const text = `ablation ${percent(s.ablation)}, shared passages ${percent(s.passages)}`;
  return s.note ? `${text} (${s.note})` : text;
}

export function royaltyText(r: RoyaltyTerms): string {
  if (r.kind === 'none') return 'no royalty';
  if (r.kind === 'per-use') return `${r.amount.toFixed(2)} ${r.currency} per use`;
  return `${r.percent}% of the fee, by measured share`;
}

export function termsText(t: Terms): string {
  const ref = t.reference;
  const reference =
    ref.consent === 'allowed'
      ? 'allowed'
      : ref.consent === 'not-allowed'
        ? `not allowed (${ref.reason})`
        : `constrained (${ref.constraint})`;
  const training = t.training.consent === 'allowed' ? 'allowed' : `opted out (${t.training.reason})`;
  const uses = (['personal', 'education', 'commercial'] as const).filter((u) => t.outputUses[u]);
  return [
    `as a reference: ${reference}`,
    `training: ${training}`,
    `output uses: ${uses.length ? uses.join(', ') : 'none'}`,
    `royalty: ${royaltyText(t.royalty)}`,
  ].join('; ');
}

const USE_WORDS = { allowed: 'allowed', notAllowed: 'not allowed', constrained: 'constrained' } as const;

export const consentText = (c: ConsentEntry): string =>
  c.constraint_info ? `${USE_WORDS[c.use]}: ${c.constraint_info}` : USE_WORDS[c.use];
