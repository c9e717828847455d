/** A small valid registry and catalogue ids for the rights tests. */
import type { Registry, Terms } from './registrySchema';
import { knownTunes } from './registryLoad';

export const KNOWN = knownTunes(['airdsAirs-book1-0001', 'airdsAirs-book1-0002', 'oneills1850-5', 'miscFolk-fife-1']);

export const OPEN_TERMS: Terms = {
  rightsHolder: 'Open Trust',
  credits: ['A. Collector'],
  reference: { consent: 'allowed' },
  training: { consent: 'allowed' },
  outputUses: { personal: true, education: true, commercial: true },
  royalty: { kind: 'none' },
};

export function validRegistry(): Registry {
  return {
    format: 'apparatus-rights-registry',
    version: 1,
    simulated: true,
    notice: 'Simulated terms.',
    defaults: {
      ...OPEN_TERMS,
      rightsHolder: 'Nobody',
      outputUses: { personal: true, education: false, commercial: false },
    },
    collections: [
      { collection: 'airdsAirs', name: "Aird's", terms: OPEN_TERMS },
      {
        collection: 'oneills1850',
        name: "O'Neill's",
        terms: {
          ...OPEN_TERMS,
          rightsHolder: "O'Neill Society",
          reference: { consent: 'constrained', constraint: 'at most 4 bars', maxBars: 4 },
          outputUses: { personal: true, education: true, commercial: false },
          royalty: { kind: 'share', percent: 20 },
        },
      },
    ],
    tunes: [
      { tune: 'airdsAirs-book1-0002', terms: { reference: { consent: 'not-allowed', reason: 'reserved' } } },
      { tune: 'oneills1850-5', terms: { training: { consent: 'opted-out', reason: 'withheld' } } },
    ],
  };
}
