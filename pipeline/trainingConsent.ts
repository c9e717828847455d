/**
 * Training consent from the rights registry: the catalogue tunes whose terms opt them out of training. The
 * registry is checked against the catalogue being built, so a registry for another corpus is refused, not
 * half-applied.
 */
import { knownTunes, parseRegistry } from '../src/rights/registryLoad';
import { allowsTraining, termsForTune } from '../src/rights/terms';
import type { CatalogueEntry } from '../src/catalogue/catalogueEntry';

export type TrainingConsent =
  | { readonly ok: true; readonly withheld: ReadonlySet<number>; readonly simulated: boolean }
  | { readonly ok: false; readonly errors: readonly string[] };

/** Catalogue indices of the training tunes whose terms in `registryText` opt them out of training. */
export function trainingOptOuts(entries: readonly CatalogueEntry[], registryText: string): TrainingConsent {
  const result = parseRegistry(registryText, knownTunes(entries.map((e) => e.id)));
  if (!result.ok) return result;
  const withheld = new Set<number>();
  entries.forEach((e, i) => {
    if (e.split === 'train' && !allowsTraining(termsForTune(result.registry, e.id).terms)) withheld.add(i);
  });
  return { ok: true, withheld, simulated: result.registry.simulated };
}
