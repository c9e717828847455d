/**
 * Loading, editing, persisting and exporting the rights registry. The pure checks live in src/rights; this
 * file only moves registries between the network, files, IndexedDB and the store.
 */
import {
  knownTunes,
  parseRegistry,
  checkRegistry,
  registrySizeProblem,
  type KnownTunes,
} from '../../rights/registryLoad';
import { registryJson, withoutTuneEntry, withTerms, type TermsTarget } from '../../rights/registryEdit';
import type { Registry, Terms } from '../../rights/registrySchema';
import { downloadFile } from '../../export/download';
import { openRegistryStorage, type RegistryStorage } from '../../storage/registry';
import { registryUrl } from '../env';
import type { CatalogueEntry } from '../catalogue/catalogueData';
import { SHIPPED_ORIGIN, useRights } from './rightsStore';

let storage: Promise<{ storage: RegistryStorage; warning: string | null }> | null = null;
let known: KnownTunes | null = null;
let started = false;

const store = () => (storage ??= openRegistryStorage());

async function fetchShipped(ids: KnownTunes): Promise<Registry> {
  const res = await fetch(registryUrl());
  if (!res.ok) throw new Error(`cannot load the rights registry (${res.status} ${res.statusText})`);
  const result = parseRegistry(await res.text(), ids);
  if (!result.ok) throw new Error(`the shipped rights registry is invalid: ${result.errors.join('; ')}`);
  return result.registry;
}

/** Loads the registry once the catalogue is known: the stored one when it still checks, else the shipped one. */
export async function startRights(entries: readonly CatalogueEntry[]): Promise<void> {
  if (started) return;
  started = true;
  known = knownTunes(entries.map((e) => e.id));
  try {
    const { storage: s, warning } = await store();
    const stored = await s.get();
    if (stored) {
      const checked = checkRegistry(stored.registry, known);
      if (checked.ok) {
        useRights.getState().set({
          loads: useRights.getState().loads + 1,
          status: 'ready',
          registry: checked.registry,
          origin: stored.origin,
          edited: stored.edited,
          warning,
        });
        return;
      }
      await s.clear();
      useRights.getState().set({
        warning: `The registry kept from an earlier visit no longer checks (${checked.errors[0]}), so the shipped demo registry is in force.`,
      });
    } else if (warning) useRights.getState().set({ warning });
    await putShippedInForce(known);
  } catch (e) {
    useRights.getState().set({ status: 'error', error: e instanceof Error ? e.message : String(e) });
  }
}

async function keep(registry: Registry, origin: string, edited: boolean): Promise<void> {
  useRights.getState().set({ status: 'ready', registry, origin, edited, error: null });
  const { storage: s } = await store();
  try {
    await s.put({ registry, origin, edited, savedAt: Date.now() });
  } catch (e) {
    useRights.getState().set({
      warning: `Registry edits could not be saved to IndexedDB (${e instanceof Error ? e.message : String(e)}); export the registry to keep them.`,
    });
  }
}

/** Reads a registry file chosen by the researcher; on any problem the registry in force stays, and the errors come back. */
export async function loadRegistryFile(file: File): Promise<readonly string[]> {
  if (!known) return ['The catalogue is not loaded yet, so tune ids cannot be checked; try again in a moment.'];
  const tooBig = registrySizeProblem(file.size);
  if (tooBig) return [tooBig];
  const result = parseRegistry(await file.text(), known, file.size);
  if (!result.ok) return result.errors;
  useRights.getState().set({ loads: useRights.getState().loads + 1 });
  await keep(result.registry, file.name, false);
  return [];
}

/** Saves the terms of a collection or tune. */
export async function saveTerms(target: TermsTarget, terms: Terms): Promise<void> {
  const { registry, origin } = useRights.getState();
  if (!registry) return;
  await keep(withTerms(registry, target, terms), origin, true);
}

/** Drops a tune's own entry, so its collection's terms apply again. */
export async function clearTuneTerms(tune: string): Promise<void> {
  const { registry, origin } = useRights.getState();
  if (!registry) return;
  await keep(withoutTuneEntry(registry, tune), origin, true);
}

/** Puts the shipped registry in force (a warning already shown stays). */
async function putShippedInForce(ids: KnownTunes): Promise<void> {
  const registry = await fetchShipped(ids);
  useRights.getState().set({
    loads: useRights.getState().loads + 1,
    status: 'ready',
    registry,
    origin: SHIPPED_ORIGIN,
    edited: false,
    error: null,
  });
}

/** Back to the shipped registry; the stored one (and its edits) is erased. */
export async function resetRegistry(): Promise<void> {
  if (!known) return;
  const { storage: s } = await store();
  await s.clear();
  await putShippedInForce(known);
  useRights.getState().set({ warning: null });
}

export function exportRegistry(): void {
  const { registry } = useRights.getState();
  if (registry) downloadFile(registryJson(registry), 'rights-registry.json', 'application/json');
}
