import { describe, expect, it } from 'vitest';
import type { CatalogueEntry } from '../src/catalogue/catalogueEntry';
import { trainingOptOuts } from './trainingConsent';
import { validRegistry } from '../src/rights/registryFixtures';

const entry = (id: string, split: CatalogueEntry['split']) => ({ id, split }) as CatalogueEntry;
const entries = [
  entry('airdsAirs-book1-0001', 'train'),
  entry('airdsAirs-book1-0002', 'train'),
  entry('oneills1850-5', 'train'),
  entry('oneills1850-6', 'valid'),
  entry('miscFolk-fife-1', 'test'),
];

describe('trainingOptOuts', () => {
  it.each<[string, (r: ReturnType<typeof validRegistry>) => unknown, number[]]>([
    ['a tune opted out', (r) => r, [2]],
    [
      'a whole collection opted out, held-out tunes aside',
      (r) => ({
        ...r,
        collections: r.collections.map((c) =>
          c.collection === 'oneills1850'
            ? { ...c, terms: { ...c.terms, training: { consent: 'opted-out', reason: 'x' } } }
            : c,
        ),
      }),
      [2],
    ],
    [
      'the defaults opted out',
      (r) => ({ ...r, defaults: { ...r.defaults, training: { consent: 'opted-out', reason: 'x' } } }),
      [2],
    ],
    ['nothing opted out', (r) => ({ ...r, tunes: [] }), []],
  ])('%s', (_, edit, withheld) => {
    const result = trainingOptOuts(entries, JSON.stringify(edit(validRegistry())));
    expect(result.ok && [...result.withheld]).toEqual(withheld);
  });

  it('refuses a registry that names tunes outside this catalogue', () => {
    const result = trainingOptOuts(entries.slice(0, 2), JSON.stringify(validRegistry()));
    expect(result.ok ? [] : result.errors).toContain(
      'tunes[1].tune: unknown tune id "oneills1850-5" (not in the catalogue)',
    );
  });
});
