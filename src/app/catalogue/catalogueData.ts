/**
 * The training catalogue as the browser loads it: one fetch through react-query, shared by every panel, once the
 * gate opens (after the model: catalogueGate.ts). ensureQueryData(catalogueOptions) fetches it at once, gate or not.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CatalogueEntry } from '../../catalogue/catalogueEntry';
import { corpusUrl } from '../env';
import { useCatalogueGate } from './catalogueGate';

export type { CatalogueEntry };

async function fetchCatalogue(): Promise<readonly CatalogueEntry[]> {
  const res = await fetch(corpusUrl('catalogue.json'));
  if (!res.ok) throw new Error(`cannot load the catalogue (${res.status} ${res.statusText})`);
  const body = (await res.json()) as { entries: readonly CatalogueEntry[] };
  return body.entries;
}

export const catalogueOptions = queryOptions({ queryKey: ['catalogue'], queryFn: fetchCatalogue, staleTime: Infinity });

/** Pending, and fetching nothing, while the gate holds it back (CatalogueWaiting says so). */
export function useCatalogue() {
  const open = useCatalogueGate((s) => s.open);
  return useQuery({ ...catalogueOptions, enabled: open });
}

export const entryTitle = (e: CatalogueEntry): string => e.titles[0] ?? e.id;
