/**
 * The model side of occlusion: reads a tune under its prompt and under each leave-one-out prompt in ONE
 * batched teacher-forced pass. The generation's reference excerpts go with every row unchanged: occlusion
 * perturbs the prompt only. Takes the runner as a parameter and imports no ORT, so it runs wherever a
 * `TuneModelRunner` exists (worker, Node).
 */
import type { ReferenceTokens } from '../runtime/memory';
import type { TuneModelRunner } from '../runtime/modelTypes';
import { readTune, type TuneReading } from '../runtime/score';
import type { Vocab } from '../tokenizer/vocab';
import { leaveOneOut, type Perturbation } from './perturb';

export interface OcclusionReadings {
  /** The tune under the full prompt (the <none> prompt when there are no words). */
  readonly base: TuneReading;
  /** One per word, in order: the tune under the prompt without that word. */
  readonly without: TuneReading[];
  readonly perturbations: Perturbation[];
}

/** Text ids of a word list; no words gives the <none> prompt the model was trained with for "no caption". */
export const promptIds = (vocab: Vocab, words: readonly string[]): Int32Array =>
  words.length ? Int32Array.from(words, (w) => vocab.textId(w)) : vocab.nullPrompt();

export async function occlusionReadings(
  runner: TuneModelRunner,
  vocab: Vocab,
  words: readonly string[],
  tokens: readonly string[],
  references: ReferenceTokens = [],
): Promise<OcclusionReadings> {
  const { base, perturbed, perturbations } = await perturbedReadings(
    runner,
    vocab,
    words,
    leaveOneOut(words),
    tokens,
    references,
  );
  return { base, without: perturbed, perturbations };
}

export interface PerturbedReadings {
  readonly base: TuneReading;
  /** One per perturbation, in order. */
  readonly perturbed: TuneReading[];
  readonly perturbations: Perturbation[];
}

/** The tune under the prompt and under any perturbations of it, in one batched pass; every row keeps the references. */
export async function perturbedReadings(
  runner: TuneModelRunner,
  vocab: Vocab,
  words: readonly string[],
  perturbations: Perturbation[],
  tokens: readonly string[],
  references: ReferenceTokens = [],
): Promise<PerturbedReadings> {
  const prompts = [words, ...perturbations.map((p) => p.words)].map((w) => promptIds(vocab, w));
  const [base, ...perturbed] = await readTune(
    runner,
    vocab,
    prompts,
    tokens,
    prompts.map(() => references),
  );
  return { base, perturbed, perturbations };
}
