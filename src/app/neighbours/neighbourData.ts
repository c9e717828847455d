/**
 * The page's side of the neighbour indexes: one neighbours.worker.ts (created on first use) owns the catalogue's
 * n-gram index, the shipped text/music/gradient vectors and the copy detector's bars. React-query caches what
 * it answers: the index summary, rankings, shared passages and copy scores.
 */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { NeighbourSettings } from '../../explain/neighbours';
import { NeighbourClient } from '../../worker/neighbourClient';
import { IDLE_BEFORE_CATALOGUE_MS, useCatalogueGate } from '../catalogue/catalogueGate';
import { usePause } from '../usePause';
import { corpusUrl } from '../env';
import type { QueryVectors } from '../../worker/neighbourProtocol';

let client: NeighbourClient | null = null;
export function neighbourClient(): NeighbourClient {
  client ??= new NeighbourClient(
    () =>
      new Worker(new URL('../../worker/neighbours.worker.ts', import.meta.url), {
        type: 'module',
        name: 'apparatus-neighbours',
      }),
    corpusUrl(),
  );
  return client;
}

export const neighbourIndexOptions = queryOptions({
  queryKey: ['neighbour-index'],
  queryFn: () => neighbourClient().index(),
  staleTime: Infinity,
  retry: false,
});

/**
 * The catalogue's neighbour indexes, built once the catalogue gate has opened (catalogueGate.ts says when) and at a
 * pause in the writing of tunes: building them takes a core, and begun as a tune ended it ran under the next one.
 * Once built they stay, whatever the pauses.
 */
export function useNeighbourIndex(wanted: boolean) {
  const open = useCatalogueGate((s) => s.open);
  const paused = usePause(IDLE_BEFORE_CATALOGUE_MS);
  return useQuery({ ...neighbourIndexOptions, enabled: wanted && open && paused });
}

export const copyScoreOptions = (tokens: readonly string[]) =>
  queryOptions({
    queryKey: ['copy-score', tokens.join(' ')],
    queryFn: () => neighbourClient().copy(tokens),
    staleTime: Infinity,
    retry: false,
  });

/**
 * A ranking of the catalogue for the tune under the settings. `vectorsKey` stands for the query vectors (they
 * follow from the model, tokens and words, so the time they arrived identifies them).
 */
export function useRanking(
  tokens: readonly string[],
  vectors: QueryVectors,
  vectorsKey: number,
  settings: NeighbourSettings,
) {
  return useQuery({
    queryKey: ['neighbour-rank', tokens.join(' '), vectorsKey, settings],
    queryFn: () => neighbourClient().rank({ type: 'rank', tokens: [...tokens], vectors, settings }),
    staleTime: Infinity,
    retry: false,
    placeholderData: keepPreviousData,
  });
}

export function usePassages(tokens: readonly string[], index: number, enabled: boolean) {
  return useQuery({
    queryKey: ['neighbour-passages', tokens.join(' '), index],
    queryFn: () => neighbourClient().passages(tokens, index),
    enabled,
    staleTime: Infinity,
    retry: false,
  });
}
