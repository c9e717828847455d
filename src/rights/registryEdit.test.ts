import { describe, expect, it } from 'vitest';
import { KNOWN, OPEN_TERMS, validRegistry } from './registryFixtures';
import { registryJson, withoutTuneEntry, withTerms } from './registryEdit';
import { parseRegistry } from './registryLoad';
import { termsForTune } from './terms';

const closed = { ...OPEN_TERMS, reference: { consent: 'not-allowed', reason: 'closed now' } } as const;

describe('registry edits', () => {
  it.each([
    ['a collection', { kind: 'collection', collection: 'airdsAirs' }, 'airdsAirs-book1-0001', 'collection'],
    ['a tune without an entry', { kind: 'tune', tune: 'airdsAirs-book1-0001' }, 'airdsAirs-book1-0001', 'tune'],
    ['a tune with an entry', { kind: 'tune', tune: 'airdsAirs-book1-0002' }, 'airdsAirs-book1-0002', 'tune'],
  ] as const)('set the terms of %s', (_, target, tune, from) => {
    const before = validRegistry();
    const after = withTerms(before, target, closed);
    expect(termsForTune(after, tune)).toMatchObject({ from, terms: closed });
    expect(after.tunes.filter((t) => t.tune === tune).length).toBeLessThanOrEqual(1);
    expect(before).toEqual(validRegistry());
  });

  it('refuses a collection the registry lacks', () => {
    expect(() => withTerms(validRegistry(), { kind: 'collection', collection: 'miscFolk' }, closed)).toThrow(
      'the registry has no collection "miscFolk"',
    );
  });

  it("drops a tune's entry so it takes its collection's terms", () => {
    const after = withoutTuneEntry(validRegistry(), 'airdsAirs-book1-0002');
    expect(termsForTune(after, 'airdsAirs-book1-0002').from).toBe('collection');
  });

  it('exports a file that loads back to the same registry', () => {
    const edited = withTerms(validRegistry(), { kind: 'tune', tune: 'oneills1850-5' }, closed);
    const back = parseRegistry(registryJson(edited), KNOWN);
    expect(back).toEqual({ ok: true, registry: edited });
  });
});
