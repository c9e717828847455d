import { describe, expect, it } from 'vitest';
import { STRICT_TERMS } from '../../export/manifestFixtures';
import { consentText, royaltyText, sharesText, termsText } from './claimText';

describe('claim text', () => {
  it.each([
    { royalty: { kind: 'none' } as const, text: 'no royalty' },
    { royalty: { kind: 'per-use', amount: 0.5, currency: 'EUR' } as const, text: '0.50 EUR per use' },
    { royalty: { kind: 'share', percent: 20 } as const, text: '20% of the fee, by measured share' },
  ])('royalty $text', ({ royalty, text }) => expect(royaltyText(royalty)).toBe(text));

  it.each([
    { shares: { ablation: 0.7, passages: null }, text: 'ablation 70.0%, shared passages not measured' },
    {
      shares: { ablation: null, passages: null, note: 'none' },
      text: 'ablation not measured, shared passages not measured (none)',
    },
  ])('shares $text', ({ shares, text }) => expect(sharesText(shares)).toBe(text));

  it('says every term', () => {
    expect(termsText(STRICT_TERMS.terms)).toBe(
      'as a reference: constrained (at most 4 bars); training: opted out (no machine learning); output uses: personal; royalty: 20% of the fee, by measured share',
    );
  });

  it.each([
    { entry: { use: 'allowed' } as const, text: 'allowed' },
    { entry: { use: 'notAllowed', constraint_info: 'Set by "B"' } as const, text: 'not allowed: Set by "B"' },
  ])('consent $text', ({ entry, text }) => expect(consentText(entry)).toBe(text));
});
