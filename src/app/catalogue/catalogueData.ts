/** The training catalogue as the browser loads it: one fetch through react-query, shared by every panel. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CatalogueEntry } from '../../catalogue/catalogueEntry';
import { corpusUrl } from '../env';

export type { CatalogueEntry };

async function fetchCatalogue(): Promise<readonly CatalogueEntry[]> {
  const res = await fetch(corpusUrl('catalogue.json'));
  if (!res.ok) throw new Error(`cannot load the catalogue (${res.status} ${res.statusText})`);
  const body = (await res.json()) as { entries: readonly CatalogueEntry[] };
  return body.entries;
}

export const catalogueOptions = queryOptions({ queryKey: ['catalogue'], queryFn: fetchCatalogue, staleTime: Infinity });

export function useCatalogue() {
  return useQuery(catalogueOptions);
}

export const entryTitle = (e: CatalogueEntry): string => e.titles[0] ?? e.id;
