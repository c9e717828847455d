/**
 * The query side of the neighbour measures for a tune under a prompt: the only part that touches the model.
 * It drives a TuneModelRunner (the interface, so onnxruntime-node and -web alike) through one batched
 * teacher-forced reading (and the encoder, for the text measure) and hands the outputs to the pure functions in embedding.ts and gradient.ts.
 */
import type { StepReading } from '../runtime/decode';
import type { TuneModelRunner } from '../runtime/modelTypes';
import { readTune } from '../runtime/score';
import { MUSIC_SPECIALS, type Vocab } from '../tokenizer/vocab';
import { musicEmbedding, textEmbedding } from './embedding';
import { gradientSketch, type SketchSpec } from './gradient';
import type { NeighbourMeasure, NeighbourQuery } from './neighbours';

export interface QueryRequest {
  /** Word ids of the prompt; null or empty for none (the reading then uses the <none> prompt). */
  readonly prompt: Int32Array | null;
  readonly tokens: readonly string[];
  /** Which vectors to compute; the n-gram measure needs none. */
  readonly measures: readonly NeighbourMeasure[];
  readonly sketch: SketchSpec | null;
}

/** Token ids a reading predicts: the tune's tokens, then </s>. */
export const readingTargets = (vocab: Vocab, tokens: readonly string[]): Int32Array =>
  Int32Array.from([...tokens, MUSIC_SPECIALS.eos], (t) => vocab.musicId(t));

/** True when `kept` was read from exactly this prompt and these tokens. */
export function stepReadingFits(kept: StepReading, prompt: Int32Array | null, tokens: readonly string[]): boolean {
  const same = <T>(a: ArrayLike<T>, b: ArrayLike<T>) =>
    a.length === b.length && Array.prototype.every.call(a, (x: T, i: number) => x === b[i]);
  return prompt !== null && same(kept.prompt, prompt) && same(kept.tokens, tokens);
}

/** Where the time of one query went, ms: the encoder (text), the batched reading, and the pure arithmetic after it. */
export interface QueryTimings {
  readonly encoderMs: number;
  readonly readingMs: number;
  readonly musicMs: number;
  readonly gradientMs: number;
}

/**
 * Text embedding of the prompt, music embedding of the tune (read under the empty prompt, as the catalogue
 * is) and the gradient sketch of the tune under its prompt, as far as `measures` asks; with the time of each part.
 * `kept`, what the tune's own generation read along the way, stands in for the reading when it fits the request.
 */
export async function neighbourQueryVectors(
  runner: TuneModelRunner,
  vocab: Vocab,
  req: QueryRequest,
  kept?: StepReading,
): Promise<NeighbourQuery & { readonly timings: QueryTimings; readonly readingReused: boolean }> {
  const timings = { encoderMs: 0, readingMs: 0, musicMs: 0, gradientMs: 0 };
  let t = performance.now();
  const lap = (part: keyof QueryTimings) => {
    const now = performance.now();
    timings[part] += now - t;
    t = now;
  };
  const D = runner.card.config.d_model;
  const hasPrompt = req.prompt !== null && req.prompt.length > 0;
  const wants = (m: NeighbourMeasure) => req.measures.includes(m);
  const out: { textEmbedding?: Float32Array; musicEmbedding?: Float32Array; gradientSketch?: Float32Array } = {};
  if (wants('text') && hasPrompt && runner.encode) {
    out.textEmbedding = textEmbedding(await runner.encode(req.prompt!), req.prompt!.length, D);
    lap('encoderMs');
  }
  const gradient = wants('gradient') && req.sketch !== null;
  const reuse = kept !== undefined && stepReadingFits(kept, req.prompt, req.tokens);
  if (wants('music') || gradient) {
    const [withPrompt, empty] = reuse
      ? [kept!, { hidden: kept!.emptyHidden }]
      : await readRows(runner, vocab, req, gradient, hasPrompt);
    lap('readingMs');
    if (wants('music')) out.musicEmbedding = musicEmbedding(empty.hidden);
    lap('musicMs');
    if (gradient) out.gradientSketch = gradientSketch(withPrompt, readingTargets(vocab, req.tokens), req.sketch!);
    lap('gradientMs');
  }
  return { ...out, timings, readingReused: reuse && (wants('music') || gradient) };
}

type Rows = { readonly logits: readonly Float32Array[]; readonly hidden: readonly Float32Array[] };

/**
 * One batched pass: the prompt's row for the gradient, the <none> row for the music embedding (one row serves
 * both when there is no prompt). Returns the gradient's row and the music's row.
 */
async function readRows(
  runner: TuneModelRunner,
  vocab: Vocab,
  req: QueryRequest,
  gradient: boolean,
  hasPrompt: boolean,
): Promise<[Rows, Rows]> {
  const rows = [
    ...(gradient && hasPrompt ? [req.prompt!] : []),
    ...(req.measures.includes('music') || !hasPrompt ? [vocab.nullPrompt()] : []),
  ];
  const readings = await readTune(runner, vocab, rows, req.tokens, undefined, { hidden: true, logits: gradient });
  return [readings[0], readings[readings.length - 1]];
}
