import type { JournalNode } from '../../journal/journal';
import { useTune } from '../../store/tuneStore';
import { newTuneId, type Tune } from '../../store/types';
import type { GenerateInput, GenerationDone } from '../../worker/modelClient';
import { saveTune } from '../historyService';
import { queryClient } from '../queryClient';
import { baseNodeOf, recordRegeneration, tuneOf } from './journalService';
import { generateOptions } from '../shared/readService';

/**
 * The tune's own prefix, seed, settings and references with other words (and, for a sweep, another guidance):
 * perturbations vary the prompt, never the references.
 */
export function regenerationInput(a: Tune, words: readonly string[], guidance = a.settings.guidance): GenerateInput {
  return {
    prompt: words.join(' '),
    prefix: a.tokens.slice(0, a.prefixLength),
    settings: { ...a.settings, guidance },
    references: a.references ?? [],
  };
}

/** Writes (or takes from the cache) a regeneration and records it in the journal under the tune's node. */
export async function regenerate(
  a: Tune,
  modelSha256: string,
  input: GenerateInput,
  kind: 'regeneration' | 'sweep',
  edge: string,
): Promise<GenerationDone> {
  return (await regenerateAndRecord(a, modelSha256, input, kind, edge)).done;
}

/**
 * Makes a regeneration the tune on show, as a generation would be: its journal node becomes the one explored
 * (recordTune finds it by the tune's id) and the tune joins the history.
 */
export async function openRegeneration(
  a: Tune,
  modelSha256: string,
  input: GenerateInput,
  kind: 'regeneration' | 'sweep',
  edge: string,
): Promise<Tune> {
  const { done, node } = await regenerateAndRecord(a, modelSha256, input, kind, edge);
  const tune: Tune = node
    ? { ...tuneOf(node), backend: done.backend }
    : { ...tuneFromResult(a, input, done), id: newTuneId(), createdAt: Date.now(), parentId: null };
  useTune.getState().setCurrent(tune);
  await saveTune(tune);
  return tune;
}

async function regenerateAndRecord(
  a: Tune,
  modelSha256: string,
  input: GenerateInput,
  kind: 'regeneration' | 'sweep',
  edge: string,
): Promise<{ done: GenerationDone; node: JournalNode | undefined }> {
  const done = await queryClient.fetchQuery(generateOptions(modelSha256, input));
  const base = baseNodeOf(a.id);
  const node =
    base &&
    recordRegeneration(
      base.id,
      kind,
      edge,
      {
        prompt: input.prompt,
        settings: input.settings,
        prefixLength: input.prefix.length,
        references: input.references ?? [],
      },
      done,
      modelSha256,
    );
  return { done, node };
}

/** B as a tune the score, the summary and the A/B player take. */
export const tuneFromResult = (a: Tune, input: GenerateInput, done: GenerationDone): Tune => ({
  ...a,
  id: `${a.id}-b`,
  prompt: input.prompt,
  words: done.words,
  unknownWords: done.unknownWords,
  settings: input.settings,
  references: done.references,
  tokens: done.tokens,
  abc: done.abc,
  stopped: done.stopped,
});
