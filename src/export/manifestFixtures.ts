/** A manifest input with every part filled: three references (two with registry entries), shares and a top-k. */
import type { ManifestInput, ReferenceAttribution } from './manifest';
import type { ReferenceRights } from './manifestSchema';
import { REFERENCED_PROVENANCE } from './testFixtures';

export const OPEN_RIGHTS: ReferenceRights = {
  holder: "O'Neill estate (simulated)",
  credit: "Francis O'Neill, collector",
  referenceUse: { use: 'allowed' },
  trainingUse: { use: 'allowed' },
  permittedUses: ['personal', 'education', 'commercial'],
  royalty: 'flat fee 0.10 per use',
  simulated: true,
};

export const STRICT_RIGHTS: ReferenceRights = {
  holder: 'Aird heirs (simulated)',
  credit: 'James Aird, publisher',
  referenceUse: { use: 'constrained', constraint_info: 'at most 4 bars' },
  trainingUse: { use: 'notAllowed' },
  permittedUses: ['personal'],
  royalty: 'pro rata by share',
  simulated: true,
};

export const ATTRIBUTION: readonly ReferenceAttribution[] = [
  { rights: OPEN_RIGHTS, shares: { ablation: 0.7, passages: 0.5 } },
  { rights: STRICT_RIGHTS, shares: { ablation: 0.3, passages: 0.1 } },
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
  asset: { name: 'a-lively-jig-42.abc', format: 'text/vnd.abc', sha256: 'ef'.repeat(32), bytes: 321 },
  instanceId: 'xmp:iid:00000000-0000-4000-8000-000000000000',
};
