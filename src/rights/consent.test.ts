import { describe, expect, it } from 'vitest';
import { permittedUses, referenceRefusal } from './consent';
import { OPEN_TERMS } from './registryFixtures';
import type { Terms } from './registrySchema';

const refused: Terms = {
  ...OPEN_TERMS,
  rightsHolder: 'Trust',
  reference: { consent: 'not-allowed', reason: 'reserved.' },
};
const fourBars: Terms = {
  ...OPEN_TERMS,
  rightsHolder: 'Society',
  reference: { consent: 'constrained', constraint: 'credit the collector', maxBars: 4 },
};
const wordsOnly: Terms = { ...OPEN_TERMS, reference: { consent: 'constrained', constraint: 'credit the collector' } };

describe('referenceRefusal', () => {
  it.each<[string, Terms, { first: number; last: number } | null, string | null]>([
    ['an allowed tune', OPEN_TERMS, { first: 1, last: 16 }, null],
    ['a refused tune', refused, null, 'Trust does not allow this tune as a reference: reserved.'],
    [
      'a refused tune over any range',
      refused,
      { first: 1, last: 1 },
      'Trust does not allow this tune as a reference: reserved.',
    ],
    ['a constrained tune within its bars', fourBars, { first: 3, last: 6 }, null],
    [
      'a constrained tune past its bars',
      fourBars,
      { first: 1, last: 5 },
      'Society allows at most 4 bars of this tune as a reference (credit the collector); bars 1-5 are 5 bars',
    ],
    ['a constrained tune with no range yet', fourBars, null, null],
    ['a constraint in words only', wordsOnly, { first: 1, last: 30 }, null],
  ])('%s', (_, terms, range, reason) => expect(referenceRefusal(terms, range)).toBe(reason));
});

describe('permittedUses', () => {
  const personalOnly: Terms = { ...OPEN_TERMS, outputUses: { personal: true, education: false, commercial: false } };
  const noCommercial: Terms = { ...OPEN_TERMS, outputUses: { personal: true, education: true, commercial: false } };
  const allowed = (refs: { label: string; terms: Terms }[]) =>
    Object.fromEntries(permittedUses(refs).verdicts.map((v) => [v.use, v.allowed ? 'yes' : v.withheldBy.join('+')]));

  it.each<[string, { label: string; terms: Terms }[], Record<string, string>]>([
    ['no references', [], { personal: 'yes', education: 'yes', commercial: 'yes' }],
    [
      'one open reference',
      [{ label: 'A', terms: OPEN_TERMS }],
      { personal: 'yes', education: 'yes', commercial: 'yes' },
    ],
    [
      'the most restrictive wins and is named',
      [
        { label: 'A', terms: OPEN_TERMS },
        { label: 'B', terms: noCommercial },
        { label: 'C', terms: personalOnly },
      ],
      { personal: 'yes', education: 'C', commercial: 'B+C' },
    ],
  ])('%s', (_, refs, expected) => expect(allowed(refs)).toEqual(expected));

  it('carries the constraints of constrained references', () => {
    const { conditions } = permittedUses([
      { label: 'A', terms: OPEN_TERMS },
      { label: 'B', terms: fourBars },
    ]);
    expect(conditions).toEqual([{ label: 'B', constraint: 'credit the collector' }]);
  });
});
