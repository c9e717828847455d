/** Edits to a registry as pure functions: each returns a new registry and leaves the old one as it was. */
import type { Registry, Terms } from './registrySchema';

/** The entry an edit applies to: a whole collection, or one tune (its own entry, over its collection's). */
export type TermsTarget =
  { readonly kind: 'collection'; readonly collection: string } | { readonly kind: 'tune'; readonly tune: string };

/** Sets a collection's terms (the collection must have an entry) or a tune's own entry (added when missing). */
export function withTerms(registry: Registry, target: TermsTarget, terms: Terms): Registry {
  if (target.kind === 'collection') {
    if (!registry.collections.some((c) => c.collection === target.collection))
      throw new RangeError(`the registry has no collection "${target.collection}"`);
    return {
      ...registry,
      collections: registry.collections.map((c) => (c.collection === target.collection ? { ...c, terms } : c)),
    };
  }
  const rest = registry.tunes.filter((t) => t.tune !== target.tune);
  return { ...registry, tunes: [...rest, { tune: target.tune, terms }] };
}

/** Drops a tune's own entry, so it takes its collection's terms again. */
export function withoutTuneEntry(registry: Registry, tune: string): Registry {
  return { ...registry, tunes: registry.tunes.filter((t) => t.tune !== tune) };
}

/** The registry as a file: stable key order, two-space indent, a final newline. */
export const registryJson = (registry: Registry): string => `${JSON.stringify(registry, null, 2)}\n`;
