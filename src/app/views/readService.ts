import { queryOptions } from '@tanstack/react-query';
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
  /** (L, H, T) per position (tune tokens, then </s>), or null when not asked for. */
  readonly attention: Float32Array[] | null;
}

export interface ReadResult {
  readonly readings: readonly Reading[];
  readonly layers: number;
  readonly heads: number;
  readonly textLength: number;
  /** Time the worker spent on the reading. */
  readonly ms: number;
}

/** Splits the flat (S, L, H, T) attention into one (L, H, T) view per position, without copying. */
export function toReadResult(done: ReadDone): ReadResult {
  const size = done.layers * done.heads * done.textLength;
  return {
    layers: done.layers,
    heads: done.heads,
    textLength: done.textLength,
    ms: done.ms,
    readings: done.readings.map((r) => ({
      logProbs: r.logProbs,
      total: r.total,
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

/** A teacher-forced reading of `tokens` under each prompt, cached by model, tokens, prompts and attention asked. */
export const readOptions = (
  modelSha256: string,
  tokens: readonly string[],
  prompts: readonly (readonly string[])[],
  attentionFor: readonly number[] = [],
) =>
  queryOptions({
    queryKey: ['read', modelSha256, tokens.join(' '), prompts.map((p) => p.join(' ')), [...attentionFor]],
    queryFn: async () =>
      toReadResult(unwrap(await serial(() => modelClient().read({ prompts, tokens, attentionFor })))),
    // The same model reading the same tokens under the same prompts gives the same numbers.
    staleTime: Infinity,
    retry: false,
  });

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
    queryKey: ['generate', modelSha256, input.prompt, input.prefix.join(' '), JSON.stringify(input.settings)],
    queryFn: async () => unwrap(await generateQuietly(input)),
    staleTime: Infinity,
    retry: false,
  });
