/**
 * The query side of the vector measures for the tune on show: one `vectors` request to the model worker (a
 * teacher-forced reading, plus the encoder for the prompt), cached by model, tokens and words.
 */
import { useQuery } from '@tanstack/react-query';
import type { NeighbourMeasure } from '../../explain/neighbours';
import type { ModelCard } from '../../runtime/modelTypes';
import type { Tune } from '../../store/types';
import type { VectorsDone } from '../../worker/modelClient';
import { VECTOR_SETS, type IndexInfo } from '../../worker/neighbourProtocol';
import type { LoadedModelInfo } from '../../worker/protocol';
import { modelClient, useModel } from '../modelService';
import { serial } from '../shared/readService';

/** Why the loaded model cannot be used with the shipped index, or null when it can. */
export function modelMismatch(model: LoadedModelInfo, index: IndexInfo): string | null {
  if (!index.decoderSha256) return null;
  const decoder = (model.card as ModelCard).files.find((f) => f.name === 'decoder.onnx');
  if (!decoder || decoder.sha256 === index.decoderSha256) return null;
  return `the shipped neighbour index was computed with another model (decoder ${index.decoderSha256.slice(0, 12)}…, loaded ${decoder.sha256.slice(0, 12)}…); rebuild it with: npm run catalogue:index`;
}

/** Vector measures whose catalogue side loaded, for this model. */
export function usableVectorMeasures(index: IndexInfo, model: LoadedModelInfo | undefined): NeighbourMeasure[] {
  if (!model || modelMismatch(model, index)) return [];
  return VECTOR_SETS.filter((m) => !index.unavailable[m]);
}

/** One reading per tune on show; it queues in the worker behind any generation. */
export function useQueryVectors(tune: Tune, index: IndexInfo | undefined) {
  const model = useModel();
  const measures = index ? usableVectorMeasures(index, model.data) : [];
  const sketch = index?.sketch ?? null;
  return useQuery<VectorsDone>({
    queryKey: ['neighbour-vectors', model.data?.modelSha256, tune.tokens.join(' '), tune.words.join(' '), measures],
    enabled: measures.length > 0,
    queryFn: async () => {
      const r = await serial(() =>
        modelClient().vectors({ prompt: tune.words, tokens: tune.tokens, measures, sketch }),
      );
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    },
    // The same model reading the same tokens under the same words gives the same vectors.
    staleTime: Infinity,
    retry: false,
  });
}
