/**
 * The shipped embedding map (public/corpus/embedding-map.json, from `npm run catalogue:map`), fetched once through
 * react-query and checked against the loaded catalogue: its coordinates follow the catalogue's order, so a map
 * built for another catalogue would put titles on the wrong dots.
 */
import { useQuery } from '@tanstack/react-query';
import { mapProblem, type EmbeddingMapFile } from '../../explain/embeddingMap';
import { idsFnv1a } from '../../explain/neighboursIndex';
import type { CatalogueEntry } from '../catalogue/catalogueData';
import { corpusUrl } from '../env';

async function fetchMap(fnv: string, count: number): Promise<EmbeddingMapFile> {
  const res = await fetch(corpusUrl('embedding-map.json'));
  if (!res.ok) {
    throw new Error(
      `cannot load the embedding map (${res.status} ${res.statusText}); build it with: npm run catalogue:map`,
    );
  }
  const map = (await res.json()) as EmbeddingMapFile;
  const problem = mapProblem(map, fnv, count);
  if (problem) throw new Error(problem);
  return map;
}

export function useEmbeddingMap(entries: readonly CatalogueEntry[] | undefined) {
  const fnv = entries ? idsFnv1a(entries.map((e) => e.id)) : 'none';
  return useQuery({
    queryKey: ['embedding-map', fnv],
    enabled: entries !== undefined,
    queryFn: () => fetchMap(fnv, entries!.length),
    // A stale file stays stale: retrying would only delay the message.
    retry: false,
  });
}
