/**
 * The catalogue-side indexes the browser builds once, lazily, through react-query: the copy detector's bar
 * index and the n-gram index of the neighbour measures. Both are keyed by the catalogue's ids, so a replaced
 * catalogue builds new ones.
 */
import { useQuery } from '@tanstack/react-query';
import { buildCopyIndex, type CopyIndex } from '../../explain/copyDetect';
import type { NeighbourCatalogue } from '../../explain/neighbours';
import { buildNeighbourCatalogue, idsFnv1a } from '../../explain/neighboursIndex';
import type { CatalogueEntry } from '../catalogue/catalogueData';

const catalogueKey = (entries: readonly CatalogueEntry[] | undefined): string =>
  entries ? idsFnv1a(entries.map((e) => e.id)) : 'none';

/** The copy detector's bar index, from the note sequences the neighbour catalogue already parsed. */
export function useCopyIndex(catalogue: NeighbourCatalogue | undefined) {
  return useQuery<CopyIndex>({
    queryKey: ['copy-index', catalogue ? idsFnv1a(catalogue.ids) : 'none'],
    enabled: catalogue !== undefined,
    queryFn: () => buildCopyIndex(catalogue!.ids.map((id, i) => ({ id, seq: catalogue!.sequence(i) }))),
  });
}

/**
 * The n-gram index only: the vector measures need query vectors (encoder memory, decoder hidden states and
 * logits) that the model worker does not return yet, so their index files are not fetched.
 */
export function useNeighbourCatalogue(entries: readonly CatalogueEntry[] | undefined, wanted: boolean) {
  return useQuery<NeighbourCatalogue>({
    queryKey: ['neighbour-catalogue', catalogueKey(entries)],
    enabled: entries !== undefined && wanted,
    queryFn: () => buildNeighbourCatalogue(entries!),
  });
}
