/** Looking up a tune's terms in a registry: its own entry over its collection's, over the registry's defaults. */
import type { ReferenceSource } from '../music/excerpt';
import { collectionOf } from './registryLoad';
import type { CollectionEntry, Registry, Terms, TuneTerms } from './registrySchema';

export interface ResolvedTerms {
  readonly tuneId: string;
  readonly terms: Terms;
  /** Where they come from: the tune's own entry (over its collection's), its collection, the defaults, or the user. */
  readonly from: 'tune' | 'collection' | 'defaults' | 'own-music';
  /** The collection's name in the registry, when it has an entry. */
  readonly collectionName: string | null;
  /** True when the registry says its terms are made up for a scenario. */
  readonly simulated: boolean;
}

/** ABC the user brought is theirs: no registry speaks for it, so it restricts nothing and is owed nothing. */
export const OWN_MUSIC_TERMS: Terms = {
  rightsHolder: 'You (music you brought)',
  credits: ['Music you imported or pasted'],
  reference: { consent: 'allowed' },
  training: { consent: 'opted-out', reason: 'Music you bring is used for this generation only.' },
  outputUses: { personal: true, education: true, commercial: true },
  royalty: { kind: 'none' },
};

interface Index {
  readonly collections: ReadonlyMap<string, CollectionEntry>;
  readonly tunes: ReadonlyMap<string, TuneTerms>;
}

// Lookups run once per catalogue row, so each registry is indexed once.
const indexes = new WeakMap<Registry, Index>();

function indexOf(registry: Registry): Index {
  let index = indexes.get(registry);
  if (!index) {
    index = {
      collections: new Map(registry.collections.map((c) => [c.collection, c])),
      tunes: new Map(registry.tunes.map((t) => [t.tune, t.terms])),
    };
    indexes.set(registry, index);
  }
  return index;
}

/** The terms for a catalogue tune id. */
export function termsForTune(registry: Registry, tuneId: string): ResolvedTerms {
  const { collections, tunes } = indexOf(registry);
  const collection = collections.get(collectionOf(tuneId));
  const own = tunes.get(tuneId);
  const base = collection?.terms ?? registry.defaults;
  return {
    tuneId,
    terms: own ? { ...base, ...own } : base,
    from: own ? 'tune' : collection ? 'collection' : 'defaults',
    collectionName: collection?.name ?? null,
    simulated: registry.simulated,
  };
}

/** The terms for a reference's source: a catalogue tune's from the registry, the user's own ABC's from them. */
export function termsForSource(registry: Registry, source: ReferenceSource): ResolvedTerms {
  if (source.kind === 'catalogue') return termsForTune(registry, source.id);
  return { tuneId: source.id, terms: OWN_MUSIC_TERMS, from: 'own-music', collectionName: null, simulated: false };
}

/** True when the terms let the tune's notes into the next training run. */
export const allowsTraining = (terms: Terms): boolean => terms.training.consent === 'allowed';
