import { describe, expect, it } from 'vitest';
import { OPEN_TERMS } from '../../rights/registryFixtures';
import type { Terms } from '../../rights/registrySchema';
import { referenceText, royaltyText, trainingText, usesText } from './termsText';

describe('terms in words', () => {
  it.each<[string, (t: Terms) => string, Partial<Terms>, string]>([
    ['reference allowed', referenceText, {}, 'may be a reference'],
    [
      'reference refused',
      referenceText,
      { reference: { consent: 'not-allowed', reason: 'no.' } },
      'may not be a reference: no.',
    ],
    [
      'reference constrained',
      referenceText,
      { reference: { consent: 'constrained', constraint: 'credit X', maxBars: 4 } },
      'may be a reference on a condition: credit X (at most 4 bars)',
    ],
    ['training allowed', trainingText, {}, 'may be used for training'],
    [
      'training opted out',
      trainingText,
      { training: { consent: 'opted-out', reason: 'withheld.' } },
      'opted out of training: withheld.',
    ],
    ['no royalty', royaltyText, {}, 'no royalty'],
    [
      'per-use royalty',
      royaltyText,
      { royalty: { kind: 'per-use', amount: 0.5, currency: 'EUR' } },
      '0.50 EUR per use',
    ],
    ['share royalty', royaltyText, { royalty: { kind: 'share', percent: 20 } }, '20% of the fee, by attribution share'],
    ['all uses', usesText, {}, 'outputs for personal use, education, commercial use'],
    [
      'no use',
      usesText,
      { outputUses: { personal: false, education: false, commercial: false } },
      'outputs for no use',
    ],
  ])('%s', (_, text, patch, expected) => expect(text({ ...OPEN_TERMS, ...patch })).toBe(expected));
});
