/**
 * The page's side of attribution: the ablation reading of the tune on show (one
 * batched teacher-forced reading in the model worker, the `ablate` message) and the gradient estimate from
 * the neighbour index. React-query caches each by its inputs.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AblationResult } from '../../explain/ablation';
import type { NeighbourList } from '../../explain/neighbours';
import type { Tune } from '../../store/types';
import { referenceTokensOf } from '../../store/types';
import { modelClient, useModel } from '../modelService';
import { neighbourClient, useNeighbourIndex } from '../neighbours/neighbourData';
import { modelMismatch, useQueryVectors } from '../neighbours/queryVectors';
import { serial } from '../shared/readService';

/**
 * Each reference's log-likelihood drop and share, from one reading of the tune with all, each-but-one and none.
 * As options, so an export can ask for the same cached reading outside React.
 */
export const ablationOptions = (tune: Tune, modelSha256: string | null) => {
  const refs = referenceTokensOf(tune);
  return queryOptions<AblationResult>({
    queryKey: ['ablation', modelSha256, tune.tokens.join(' '), tune.words.join(' '), refs.map((r) => r.join(' '))],
    enabled: modelSha256 !== null && refs.length > 0,
    queryFn: async () => {
      const r = await serial(() => modelClient().ablate({ prompt: tune.words, tokens: tune.tokens, references: refs }));
      if (!r.ok) throw new Error(r.error.message);
      return r.value.result;
    },
    staleTime: Infinity,
    retry: false,
  });
};

export const useAblation = (tune: Tune, modelSha256: string | null) => useQuery(ablationOptions(tune, modelSha256));

const GRADIENT_SETTINGS = { measure: 'gradient', k: 10, candidates: 'train', ngramScore: 'containment' } as const;

/** The gradient estimate's ranking of the training tunes for the tune on show, or why there is none. */
export function useGradientRanking(tune: Tune) {
  const model = useModel();
  const index = useNeighbourIndex(true);
  const vectors = useQueryVectors(tune, index.data);
  const sketch = vectors.data?.gradientSketch ?? null;
  const mismatch = index.data && model.data ? modelMismatch(model.data, index.data) : null;
  const unavailable =
    index.error?.message ?? mismatch ?? index.data?.unavailable.gradient ?? vectors.error?.message ?? null;
  const ranking = useQuery<NeighbourList>({
    queryKey: ['attribution-gradient', tune.tokens.join(' '), vectors.dataUpdatedAt],
    enabled: sketch !== null,
    queryFn: async () =>
      (
        await neighbourClient().rank({
          type: 'rank',
          tokens: [...tune.tokens],
          vectors: { gradientSketch: sketch },
          settings: GRADIENT_SETTINGS,
        })
      ).list,
    staleTime: Infinity,
    retry: false,
  });
  return {
    list: ranking.data ?? null,
    unavailable: unavailable ?? ranking.error?.message ?? ranking.data?.unavailable ?? null,
  };
}
