/**
 * The training-time estimate an export's manifest carries: the top of the gradient-influence ranking, worked
 * out on demand the way the neighbours panel does it (one vectors reading in the model worker, one ranking in
 * the neighbours worker; both cached), and said to be an estimate.
 */
import { DEFAULT_NEIGHBOUR_SETTINGS, type NeighbourSettings } from '../../explain/neighbours';
import type { TrainingTopK } from '../../export/manifestSchema';
import type { Tune } from '../../store/types';
import { currentModel, modelClient } from '../modelService';
import { neighbourClient, neighbourIndexOptions } from '../neighbours/neighbourData';
import { modelMismatch } from '../neighbours/queryVectors';
import { queryClient } from '../queryClient';
import { serial } from '../shared/readService';

export const TRAINING_TOP_K = 5;

export const TRAINING_CAVEAT =
  'An estimate of training-time influence, not a measurement: cosine of sketched output-layer gradients at the ' +
  'final checkpoint, blind to influence through the other layers (docs/attribution.md, "Known limits"). It does ' +
  'not say what the tune was made from.';

const SETTINGS: NeighbourSettings = { ...DEFAULT_NEIGHBOUR_SETTINGS, measure: 'gradient', k: TRAINING_TOP_K };

const unavailable = (method: string, why: string): TrainingTopK => ({
  method,
  caveat: TRAINING_CAVEAT,
  entries: [],
  unavailable: why,
});

async function computeTopK(tune: Tune): Promise<TrainingTopK> {
  const method = 'gradient influence (TracIn-style, output layer)';
  try {
    const index = await queryClient.ensureQueryData(neighbourIndexOptions);
    const model = currentModel();
    if (!model) return unavailable(method, 'the model is not loaded');
    if (model.modelSha256 !== tune.modelSha256)
      return unavailable(method, 'the model that wrote this tune is not loaded');
    const mismatch = modelMismatch(model, index);
    if (mismatch) return unavailable(method, mismatch);
    if (index.unavailable.gradient || !index.sketch) {
      return unavailable(method, index.unavailable.gradient ?? 'the catalogue has no gradient sketches');
    }
    const sketch = index.sketch;
    const read = await serial(() =>
      modelClient().vectors({ prompt: tune.words, tokens: tune.tokens, measures: ['gradient'], sketch }),
    );
    if (!read.ok) return unavailable(method, read.error.message);
    const { list } = await neighbourClient().rank({
      type: 'rank',
      tokens: [...tune.tokens],
      vectors: { gradientSketch: read.value.gradientSketch },
      settings: SETTINGS,
    });
    if (list.unavailable) return unavailable(list.label, list.unavailable);
    return {
      method: list.label,
      caveat: TRAINING_CAVEAT,
      entries: list.neighbours.map((n) => ({ rank: n.rank, id: n.id, title: n.title, score: n.score })),
    };
  } catch (e) {
    return unavailable(method, e instanceof Error ? e.message : String(e));
  }
}

/** Cached per model, tune and words, so the ABC, MIDI and WAV exports of one tune read it once. */
export const trainingTopKFor = (tune: Tune): Promise<TrainingTopK> =>
  queryClient.fetchQuery({
    queryKey: ['export-training-top-k', tune.modelSha256, tune.tokens.join(' '), tune.words.join(' ')],
    queryFn: () => computeTopK(tune),
    staleTime: Infinity,
  });
