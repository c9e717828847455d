import { describe, expect, it } from 'vitest';
import { makeReference, type BarRange, type Reference } from '../../music/excerpt';
import { OPEN_TERMS } from '../../rights/registryFixtures';
import type { Terms } from '../../rights/registrySchema';
import { chooseReference, refusedReference } from './choose';

const tokens = 'M:4/4 K:Dmaj A B | c d | e f | g a | b c | d e |'.split(' ');
const source = { kind: 'catalogue', id: 'airdsAirs-book1-0001', title: 'Tune' } as const;
const refused: Terms = {
  ...OPEN_TERMS,
  rightsHolder: 'Trust',
  reference: { consent: 'not-allowed', reason: 'reserved.' },
};
const twoBars: Terms = {
  ...OPEN_TERMS,
  rightsHolder: 'Society',
  reference: { consent: 'constrained', constraint: 'two bars', maxBars: 2 },
};
const chosen = (range: BarRange): Reference => makeReference(source, tokens, range);
const three = [chosen({ first: 1, last: 1 }), chosen({ first: 2, last: 2 }), chosen({ first: 3, last: 3 })];

describe('chooseReference', () => {
  it.each<[string, readonly Reference[], BarRange | null, Terms, string]>([
    ['an open tune, default range', [], null, OPEN_TERMS, 'bars 1-6'],
    ['an open tune, chosen bars', [], { first: 2, last: 4 }, OPEN_TERMS, 'bars 2-4'],
    ['a constrained tune: the default range keeps to its limit', [], null, twoBars, 'bars 1-2'],
    ['a constrained tune within its limit', [], { first: 5, last: 6 }, twoBars, 'bars 5-6'],
    ['the same tune over other bars', [chosen({ first: 1, last: 2 })], { first: 3, last: 4 }, OPEN_TERMS, 'bars 3-4'],
  ])('takes %s', (_, current, range, terms, bars) => {
    const choice = chooseReference(current, { source, tokens, range, terms });
    expect(choice.ok && `bars ${choice.reference.first}-${choice.reference.last}`).toBe(bars);
  });

  it.each<[string, readonly Reference[], BarRange | null, Terms, string]>([
    ['a refused tune', [], null, refused, 'Trust does not allow this tune as a reference: reserved.'],
    ['a refused tune even with few bars', [], { first: 1, last: 1 }, refused, 'Trust does not allow'],
    ['too many bars of a constrained tune', [], { first: 1, last: 3 }, twoBars, 'Society allows at most 2 bars'],
    ['a fourth reference', three, null, OPEN_TERMS, 'The model reads at most 3 references'],
    [
      'the same bars twice',
      [chosen({ first: 2, last: 3 })],
      { first: 2, last: 3 },
      OPEN_TERMS,
      'Tune, bars 2-3 is already a reference.',
    ],
    [
      'bars past the end',
      [],
      { first: 5, last: 9 },
      OPEN_TERMS,
      'Tune: bars 5-9 are past the end: the tune has 6 bars.',
    ],
  ])('refuses %s, saying why', (_, current, range, terms, reason) => {
    const choice = chooseReference(current, { source, tokens, range, terms });
    expect(choice.ok ? 'accepted' : choice.reason).toContain(reason);
  });
});

describe('refusedReference', () => {
  const termsBy = (byId: Record<string, Terms>) => (s: { id: string }) => byId[s.id] ?? OPEN_TERMS;
  it.each<[string, Record<string, Terms>, string | null]>([
    ['terms that still allow it', {}, null],
    [
      'terms that now refuse it',
      { [source.id]: refused },
      'Tune, bars 1-3 can no longer be a reference (Trust does not allow',
    ],
    [
      'a bar limit it now exceeds',
      { [source.id]: twoBars },
      'Tune, bars 1-3 can no longer be a reference (Society allows at most 2 bars',
    ],
  ])('%s', (_, byId, reason) => {
    const result = refusedReference([chosen({ first: 1, last: 3 })], termsBy(byId));
    if (reason === null) expect(result).toBeNull();
    else expect(result).toContain(reason);
  });
});
