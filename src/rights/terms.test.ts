import { describe, expect, it } from 'vitest';
import { OPEN_TERMS, validRegistry } from './registryFixtures';
import { allowsTraining, OWN_MUSIC_TERMS, termsForSource, termsForTune } from './terms';

describe('termsForTune', () => {
  const registry = validRegistry();

  it.each([
    ['airdsAirs-book1-0001', 'collection', 'Open Trust', 'allowed'],
    ['airdsAirs-book1-0002', 'tune', 'Open Trust', 'not-allowed'],
    ['oneills1850-5', 'tune', "O'Neill Society", 'constrained'],
    ['oneills1850-6', 'collection', "O'Neill Society", 'constrained'],
    ['miscFolk-fife-1', 'defaults', 'Nobody', 'allowed'],
  ] as const)('%s takes its terms from its %s', (id, from, holder, consent) => {
    const resolved = termsForTune(registry, id);
    expect(resolved.from).toBe(from);
    expect(resolved.terms.rightsHolder).toBe(holder);
    expect(resolved.terms.reference.consent).toBe(consent);
    expect(resolved.simulated).toBe(true);
  });

  it("merges a tune's fields over its collection's", () => {
    const { terms } = termsForTune(registry, 'oneills1850-5');
    expect(terms.training).toEqual({ consent: 'opted-out', reason: 'withheld' });
    expect(terms.royalty).toEqual({ kind: 'share', percent: 20 });
    expect(allowsTraining(terms)).toBe(false);
    expect(allowsTraining(termsForTune(registry, 'oneills1850-6').terms)).toBe(true);
  });

  it('names the collection', () => {
    expect(termsForTune(registry, 'oneills1850-5').collectionName).toBe("O'Neill's");
    expect(termsForTune(registry, 'miscFolk-fife-1').collectionName).toBeNull();
  });
});

describe('termsForSource', () => {
  it("gives the user's own ABC their own terms, whatever the registry says", () => {
    const registry = {
      ...validRegistry(),
      defaults: { ...OPEN_TERMS, reference: { consent: 'not-allowed', reason: 'x' } },
    } as const;
    const resolved = termsForSource(registry, { kind: 'abc', id: 'mine.abc', title: 'Mine' });
    expect(resolved.terms).toBe(OWN_MUSIC_TERMS);
    expect(resolved.from).toBe('own-music');
  });

  it('looks a catalogue source up by its id', () => {
    const resolved = termsForSource(validRegistry(), { kind: 'catalogue', id: 'airdsAirs-book1-0002', title: 'x' });
    expect(resolved.terms.reference.consent).toBe('not-allowed');
  });
});
