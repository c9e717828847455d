import { tokensToAbc } from '../tokenizer/musicTokens';
import { MUSIC_SPECIALS, type EncodedPrompt, type Vocab } from '../tokenizer/vocab';
import { MusicGrammar, type MusicConstraints } from './grammar';
import { memoryLayout, referenceIds, type ReferenceTokens } from './memory';
import type { MemoryLayout, TuneModelRunner } from './modelTypes';
import { mulberry32 } from './prng';
import { guide, pullTowards, sampleToken, type SamplingOptions } from './sampling';

export interface GenerationSettings extends SamplingOptions, MusicConstraints {
  readonly seed: number;
  /** Classifier-free guidance scale; 1 turns guidance off (and halves the work). */
  readonly guidance: number;
  /**
   * How strongly the references pull, as a guidance scale of its own: the logits move by (weight - 1) times
   * the difference the references make (the prompt read with them, minus the prompt read without them).
   * 1, or no references, adds nothing and no work; absent in tunes written before it existed, which read as 1.
   */
  readonly referenceWeight?: number;
  readonly maxTokens: number;
}

/**
 * First chosen from a sweep over the evaluation's own 20 references, before the last training stage.
 * `npm run eval:reference-weight` now sweeps 1, 1.5, 2, 3 and 5 on held-out tunes set apart from the evaluation's
 * (docs/reference-weight.md): for the shipped model no weight brings the shared-passage figure near its target, and
 * 1 to 2 differ by less than the noise of 40 cases, so 2 stays. `npm run eval:model` measures the shipped model at
 * this default (docs/eval-model.md).
 */
export const REFERENCE_WEIGHT_DEFAULT = 2;

export const DEFAULT_SETTINGS: GenerationSettings = {
  seed: 1,
  temperature: 0.9,
  topK: 0,
  topP: 0.95,
  guidance: 1.5,
  referenceWeight: REFERENCE_WEIGHT_DEFAULT,
  maxTokens: 512,
  meter: null,
  key: null,
  mode: null,
  fitBars: true,
};

/** Allowed ranges, shared by the CLI's option checks and the app's controls. */
export const SETTING_RANGES = {
  seed: { min: 0, max: 2 ** 32 - 1 },
  temperature: { min: 0, max: 2 },
  topK: { min: 0, max: 200 },
  topP: { min: 0.01, max: 1 },
  guidance: { min: 0, max: 10 },
  referenceWeight: { min: 0, max: 10 },
  maxTokens: { min: 1, max: 510 },
} as const;

/**
 * A token as it is sampled. Attention is not read while writing (it would cost a copy out of the runtime at every
 * step); views take it from one teacher-forced reading of the finished tune (`readTune`). Hidden states are read
 * only when the caller keeps the steps' reading (`GenerationHooks.keepReading`).
 */
export interface StreamedToken {
  readonly index: number;
  readonly token: string;
  readonly id: number;
}

export interface GenerationResult {
  /** Prefix tokens followed by generated tokens, without <s> and </s>. */
  readonly tokens: string[];
  readonly prefixLength: number;
  readonly abc: string;
  readonly stopped: 'end' | 'max-tokens' | 'cancelled';
  /** Which cross-attention columns a reading of this tune has: the prompt's words, then each reference's tokens. */
  readonly memory: MemoryLayout;
  /** Asked for with `keepReading`; only for a guided tune without references that was not cancelled. */
  readonly reading?: StepReading;
  readonly timings: {
    readonly firstTokenMs: number;
    readonly totalMs: number;
    readonly tokensPerSecond: number;
    readonly stepMs: number[];
    /** Per step: time in the runtime's run (where the runner reports it), and in guidance, grammar and sampling. */
    readonly runMs: number[];
    readonly sampleMs: number[];
  };
}

export interface GenerationHooks {
  readonly onToken?: (t: StreamedToken) => void;
  readonly signal?: AbortSignal;
  /** Keep what the steps read along the way (`StepReading`), where the tune's rows allow it. */
  readonly keepReading?: boolean;
}

/**
 * What the steps of a guided tune without references read along the way, row by row: the numbers a teacher-forced
 * reading of the finished tune under the prompt and under the empty prompt gives (up to float rounding), so the
 * neighbour vectors need no second pass over the tune. One entry per position, from <s> to the last token, so each
 * predicts the next token and the last predicts </s>.
 */
export interface StepReading {
  readonly prompt: Int32Array;
  readonly tokens: readonly string[];
  /** The prompt's row: logits (V each) and last hidden states (D each). */
  readonly logits: Float32Array[];
  readonly hidden: Float32Array[];
  /** The empty prompt's row: last hidden states. */
  readonly emptyHidden: Float32Array[];
}

const now = () => performance.now();
/** What a step fetches when the generation keeps its reading: the hidden states besides the logits. */
const KEEP_READING = { read: { attention: false, hidden: true } } as const;

/**
 * Writes a tune: encodes the prompt (and the empty prompt when guidance is on) with the reference excerpts
 * (music tokens, 0 to 3), feeds <s> and any prefix, then samples one token per step under the grammar and the
 * pinned constraints. Guidance is on the prompt: the unconditional row keeps the references. With references
 * and a reference weight other than 1, one more row reads the prompt without them (see `referenceWeight`). The
 * same runner, prompt, references, prefix and settings always give the same tokens.
 */
export async function generate(
  runner: TuneModelRunner,
  vocab: Vocab,
  prompt: EncodedPrompt,
  prefix: readonly string[],
  settings: GenerationSettings,
  hooks: GenerationHooks = {},
  references: ReferenceTokens = [],
): Promise<GenerationResult> {
  const start = now();
  const grammar = new MusicGrammar(vocab, settings);
  const guided = settings.guidance !== 1;
  const refs = referenceIds(vocab, references);
  const refWeight = refs.length ? (settings.referenceWeight ?? 1) : 1;
  // Rows: the prompt with the references, then (guidance) the empty prompt with them, then (reference
  // weight) the prompt without them.
  const rows = [{ text: prompt.ids, refs }];
  if (guided) rows.push({ text: vocab.nullPrompt(), refs });
  if (refWeight !== 1) rows.push({ text: prompt.ids, refs: [] });
  const session = await runner.start(
    rows.map((r) => r.text),
    rows.map((r) => r.refs),
  );
  const rand = mulberry32(settings.seed);
  const tokens: string[] = [...prefix];
  const stepMs: number[] = [];
  const runMs: number[] = [];
  const sampleMs: number[] = [];
  let memory: MemoryLayout | null = null;
  let firstTokenMs = 0;
  let stopped: GenerationResult['stopped'] = 'max-tokens';
  // The rows are then exactly a reading's: the prompt, and the empty prompt, neither with references.
  const keep = hooks.keepReading === true && guided && refs.length === 0;
  const kept = { logits: [] as Float32Array[], hidden: [] as Float32Array[], emptyHidden: [] as Float32Array[] };
  try {
    for (const t of prefix) grammar.advance(t);
    let feed = Int32Array.from([MUSIC_SPECIALS.bos, ...prefix], (t) => vocab.musicId(t));
    const limit = Math.min(settings.maxTokens + prefix.length, runner.card.config.max_music - 1);
    while (tokens.length < limit) {
      if (hooks.signal?.aborted) {
        stopped = 'cancelled';
        break;
      }
      const t0 = now();
      const out = await session.step(
        rows.map(() => feed),
        keep ? KEEP_READING : undefined,
      );
      const t1 = now();
      const S = out.newTokens;
      const V = vocab.musicSize;
      if (keep) keepStep(kept, out.logits, out.hidden!, S, V, runner.card.config.d_model);
      memory ??= memoryLayout(out.textLength, out.memoryLength, references);
      // Only the last position of a step samples: the earlier ones are the prefix tokens, read, not sampled.
      const rowLogits = (row: number) => out.logits.subarray(((row + 1) * S - 1) * V, (row + 1) * S * V);
      const condLogits = rowLogits(0);
      let logits: Float32Array | Float64Array = guided
        ? guide(condLogits, rowLogits(1), settings.guidance)
        : condLogits;
      if (refWeight !== 1) logits = pullTowards(logits, condLogits, rowLogits(rows.length - 1), refWeight);
      const id = sampleToken(logits, grammar.allowed(), settings, rand());
      const t2 = now();
      stepMs.push(t2 - t0);
      sampleMs.push(t2 - t1);
      if (out.runMs !== undefined) runMs.push(out.runMs);
      if (tokens.length === prefix.length) firstTokenMs = now() - start;
      const token = vocab.musicToken(id);
      if (token === MUSIC_SPECIALS.eos) {
        stopped = 'end';
        break;
      }
      grammar.advance(token);
      tokens.push(token);
      feed = Int32Array.of(id);
      hooks.onToken?.({ index: tokens.length - 1, token, id });
    }
    // A tune cut off at its length has no step for the position after its last token; the reading needs it.
    if (keep && stopped === 'max-tokens' && tokens.length > prefix.length) {
      const out = await session.step(
        rows.map(() => feed),
        KEEP_READING,
      );
      keepStep(kept, out.logits, out.hidden!, out.newTokens, vocab.musicSize, runner.card.config.d_model);
    }
  } finally {
    session.dispose();
  }
  const totalMs = now() - start;
  const generated = tokens.length - prefix.length;
  return {
    tokens,
    prefixLength: prefix.length,
    abc: tokensToAbc(tokens),
    stopped,
    memory: memory ?? unreadLayout(prompt, references, runner.card.config.max_text),
    ...(keep && stopped !== 'cancelled' && kept.logits.length === tokens.length + 1
      ? { reading: { prompt: prompt.ids, tokens, ...kept } }
      : {}),
    timings: { firstTokenMs, totalMs, tokensPerSecond: generated / (totalMs / 1000), stepMs, runMs, sampleMs },
  };
}

/** Appends a step's positions of row 0 (logits, hidden) and row 1 (hidden) to `kept`. */
function keepStep(
  kept: { logits: Float32Array[]; hidden: Float32Array[]; emptyHidden: Float32Array[] },
  logits: Float32Array,
  hidden: Float32Array,
  S: number,
  V: number,
  D: number,
): void {
  for (let s = 0; s < S; s++) {
    kept.logits.push(logits.slice(s * V, (s + 1) * V));
    kept.hidden.push(hidden.slice(s * D, (s + 1) * D));
    kept.emptyHidden.push(hidden.slice((S + s) * D, (S + s + 1) * D));
  }
}

/** The layout a tune cancelled before its first step would have had: the words, then the references. */
function unreadLayout(prompt: EncodedPrompt, references: ReferenceTokens, maxText: number) {
  const T = Math.min(maxText, prompt.ids.length);
  return memoryLayout(T, T + references.reduce((a, r) => a + r.length, 0), references);
}

/** Slices (L, H, M) for position s of row 0 out of a (B, L, H, S, M) array. */
export function attentionRow(data: Float32Array, L: number, H: number, S: number, M: number, s: number): Float32Array {
  const row = new Float32Array(L * H * M);
  for (let l = 0; l < L; l++) {
    for (let h = 0; h < H; h++) {
      const src = ((l * H + h) * S + s) * M;
      row.set(data.subarray(src, src + M), (l * H + h) * M);
    }
  }
  return row;
}
