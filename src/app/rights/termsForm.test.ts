import { describe, expect, it } from 'vitest';
import { OPEN_TERMS } from '../../rights/registryFixtures';
import type { Terms } from '../../rights/registrySchema';
import { formOf, termsOfForm, type TermsForm } from './termsForm';

describe('the terms form', () => {
  it.each<[string, Terms]>([
    ['open terms', OPEN_TERMS],
    [
      'a refusal and an opt-out',
      {
        ...OPEN_TERMS,
        reference: { consent: 'not-allowed', reason: 'no' },
        training: { consent: 'opted-out', reason: 'held back' },
      },
    ],
    [
      'a bar limit and a fee',
      {
        ...OPEN_TERMS,
        reference: { consent: 'constrained', constraint: 'credit', maxBars: 4 },
        royalty: { kind: 'per-use', amount: 0.5, currency: 'EUR' },
        note: 'n',
      },
    ],
    [
      'a condition without a bar limit and a share',
      {
        ...OPEN_TERMS,
        reference: { consent: 'constrained', constraint: 'credit' },
        royalty: { kind: 'share', percent: 20 },
      },
    ],
  ])('gives back %s unchanged', (_, terms) => expect(termsOfForm(formOf(terms))).toEqual({ ok: true, terms }));

  it.each<[string, Partial<TermsForm>, string]>([
    ['an empty holder', { rightsHolder: ' ' }, 'rightsHolder: must not be empty'],
    ['no credits', { credits: '\n \n' }, 'credits: must name at least one credit'],
    [
      'a refusal without a reason',
      { reference: 'not-allowed', referenceText: '' },
      'reference.reason: must not be empty',
    ],
    ['a bar limit of 0', { reference: 'constrained', referenceText: 'x', maxBars: '0' }, 'reference.maxBars:'],
    [
      'a fee that is no number',
      { royalty: 'per-use', amount: 'lots', currency: 'EUR' },
      'royalty.amount: expected number',
    ],
    ['a share over 100', { royalty: 'share', percent: '150' }, 'royalty.percent:'],
    [
      'an opt-out without a reason',
      { training: 'opted-out', trainingReason: '' },
      'training.reason: must not be empty',
    ],
  ])('refuses %s, naming the field', (_, patch, message) => {
    const r = termsOfForm({ ...formOf(OPEN_TERMS), ...patch });
    expect(r.ok ? 'accepted' : r.errors.join('\n')).toContain(message);
  });
});
