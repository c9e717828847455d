/** A manifest input with every part filled: three references (two with registry terms), shares and a top-k. */
import type { ResolvedTerms } from '../rights/terms';
import type { ManifestInput, ReferenceAttribution } from './manifest';
import { REFERENCED_PROVENANCE } from './testFixtures';

export const OPEN_TERMS: ResolvedTerms = {
  tuneId: 'oneills1850-2',
  terms: {
    rightsHolder: "O'Neill estate (simulated)",
    credits: ["Francis O'Neill, collector"],
    reference: { consent: 'allowed' },
    training: { consent: 'allowed' },
    outputUses: { personal: true, education: true, commercial: true },
    royalty: { kind: 'per-use', amount: 0.1, currency: 'EUR' },
  },
  from: 'collection',
  collectionName: "O'Neill's Music of Ireland (the 1850)",
  simulated: true,
};

export const STRICT_TERMS: ResolvedTerms = {
  tuneId: 'airdsAirs-book1-0001',
  terms: {
    rightsHolder: 'Aird heirs (simulated)',
    credits: ['James Aird, publisher'],
    reference: { consent: 'constrained', constraint: 'at most 4 bars', maxBars: 4 },
    training: { consent: 'opted-out', reason: 'no machine learning' },
    outputUses: { personal: true, education: false, commercial: false },
    royalty: { kind: 'share', percent: 20 },
  },
  from: 'tune',
  collectionName: "Aird's Selection of Scotch, English, Irish and Foreign Airs",
  simulated: true,
};

export const ATTRIBUTION: readonly ReferenceAttribution[] = [
  { rights: OPEN_TERMS, shares: { ablation: 0.7, passages: 0.5 } },
  { rights: STRICT_TERMS, shares: { ablation: 0.3, passages: 0.1 } },
  { rights: null, shares: { ablation: null, passages: null, note: 'not measured' } },
];

export const MANIFEST_INPUT: ManifestInput = {
  provenance: REFERENCED_PROVENANCE,
  attribution: ATTRIBUTION,
  trainingTopK: {
    method: 'gradient influence: cosine of sketched output-layer gradients',
    caveat: 'An estimate of training-time influence, not a measurement.',
    entries: [{ rank: 1, id: 'oneills1850-2', title: 'The Kesh', score: 0.41 }],
  },
  registryNotice: 'Simulated terms: the tunes are public domain.',
  asset: { name: 'a-lively-jig-42.abc', format: 'text/vnd.abc', sha256: 'ef'.repeat(32), bytes: 321 },
  instanceId: 'xmp:iid:00000000-0000-4000-8000-000000000000',
};
