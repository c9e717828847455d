/** Deterministic generations for the statement and ledger tests. */
import type { GenerationAttribution, RightsHolder, TrainingSetHolder } from './types';

export const ONEILL: RightsHolder = { id: 'oneills', name: "O'Neill estate (simulated)" };
export const RYAN: RightsHolder = { id: 'ryans', name: "Ryan's publishers (simulated)" };
export const AIRD: RightsHolder = { id: 'airds', name: "Aird's heirs (simulated)" };

export const TRAINING_SET: TrainingSetHolder[] = [
  { holder: ONEILL, tunes: 300 },
  { holder: RYAN, tunes: 100 },
];

export const gen = (
  id: string,
  refs: [RightsHolder, number][],
  training: [RightsHolder, number][] = [],
): GenerationAttribution => ({
  generationId: id,
  createdAt: 0,
  prompt: 'a jig',
  seed: 1,
  references: refs.map(([holder, share], i) => ({
    label: `ref ${i + 1}`,
    tuneId: `${holder.id}-${i}`,
    holder,
    drop: share * 10,
    share,
  })),
  training: training.map(([holder, score], i) => ({ tuneId: `t${i}`, title: `tune ${i}`, holder, score })),
});
