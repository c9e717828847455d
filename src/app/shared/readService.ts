import { queryOptions } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ReferenceTokens } from '../../runtime/memory';
import type { MemoryLayout } from '../../runtime/modelTypes';
import type { GenerateInput, GenerationDone, ReadDone, Result } from '../../worker/modelClient';
import { modelClient } from '../modelService';

/**
 * Worker jobs started by the views run one after another: the worker writes one tune at a time and answers
 * a second generation with "busy". Readings wait in the worker too, but queueing them here keeps the order.
 */
let chain: Promise<unknown> = Promise.resolve();
export function serial<T>(job: () => Promise<T>): Promise<T> {
  const next = chain.then(job, job);
  chain = next.catch(() => undefined);
  return next;
}

export interface Reading {
  readonly logProbs: Float64Array;
  readonly total: number;
  /** (L, H, M) per position (tune tokens, then </s>), or null when not asked for. */
  readonly attention: Float32Array[] | null;
  /** Which of the M columns are the prompt's words and which its references. */
  readonly memory: MemoryLayout;
}

export interface ReadResult {
  readonly readings: readonly Reading[];
  readonly layers: number;
  readonly heads: number;
  readonly textLength: number;
  readonly memoryLength: number;
  /** Time the worker spent on the reading. */
  readonly ms: number;
}

/** Splits the flat (S, L, H, M) attention into one (L, H, M) view per position, without copying. */
export function toReadResult(done: ReadDone): ReadResult {
  const size = done.layers * done.heads * done.memoryLength;
  return {
    layers: done.layers,
    heads: done.heads,
    textLength: done.textLength,
    memoryLength: done.memoryLength,
    ms: done.ms,
    readings: done.readings.map((r) => ({
      logProbs: r.logProbs,
      total: r.total,
      memory: r.memory,
      attention: r.crossAttention
        ? Array.from({ length: r.crossAttention.length / size }, (_, s) =>
            r.crossAttention!.subarray(s * size, (s + 1) * size),
          )
        : null,
    })),
  };
}

const unwrap = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

/**
 * A teacher-forced reading of `tokens` under each prompt (with `references` in every row: perturbations vary
 * the prompt only), cached by model, tokens, prompts, references and attention asked.
 */
export const readOptions = (
  modelSha256: string,
  tokens: readonly string[],
  prompts: readonly (readonly string[])[],
  attentionFor: readonly number[] = [],
  references: ReferenceTokens = [],
) =>
  queryOptions({
    queryKey: [
      'read',
      modelSha256,
      tokens.join(' '),
      prompts.map((p) => p.join(' ')),
      [...attentionFor],
      references.map((r) => r.join(' ')),
    ],
    queryFn: async () =>
      toReadResult(
        unwrap(
          await serial(() =>
            modelClient().read({
              prompts,
              tokens,
              attentionFor,
              ...(references.length ? { references: prompts.map(() => references) } : {}),
            }),
          ),
        ),
      ),
    // The same model reading the same tokens under the same prompts gives the same numbers.
    staleTime: Infinity,
    retry: false,
  });

/**
 * For a view that reads the tune under several prompts: tells the model worker, when the view opens, that it may
 * start its reading helper, so the view's first reading is shared between two runtimes as later ones are.
 */
export function usePrepareReadings(): void {
  useEffect(() => modelClient().prepareReadings(), []);
}

/** Writes a tune in the worker without touching the tune on show: the stream is drained, only the result kept. */
export function generateQuietly(input: GenerateInput): Promise<Result<GenerationDone>> {
  return serial(async () => {
    const handle = modelClient().generate(input);
    for await (const _ of handle.stream) {
      // Tokens arrive here as they are written; the views only need the finished tune.
    }
    return handle.result;
  });
}

/** A generation, cached by its inputs (seeded decoding gives the same tokens for the same inputs). */
export const generateOptions = (modelSha256: string, input: GenerateInput) =>
  queryOptions({
    queryKey: [
      'generate',
      modelSha256,
      input.prompt,
      input.prefix.join(' '),
      JSON.stringify(input.settings),
      JSON.stringify(input.references ?? []),
    ],
    queryFn: async () => unwrap(await generateQuietly(input)),
    staleTime: Infinity,
    retry: false,
  });
