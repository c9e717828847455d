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
 * Chosen from a one-off sweep (1, 1.5, 2, 3, 5) over the evaluation's 20 held-out references, before the last
 * training stage; the sweep is not a command in the repo. `npm run eval:model` measures the shipped model at this
 * default (docs/eval-model.md).
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

export interface StreamedToken {
  readonly index: number;
  readonly token: string;
  readonly id: number;
  /** Cross-attention of the conditioned row for this token: (L, H, M) over the columns of `GenerationResult.memory`. */
  readonly crossAttention: Float32Array;
  /** Last hidden state (D) of the conditioned row. */
  readonly hidden: Float32Array;
  /** What the columns of `crossAttention` are. */
  readonly memory: MemoryLayout;
}

export interface GenerationResult {
  /** Prefix tokens followed by generated tokens, without <s> and </s>. */
  readonly tokens: string[];
  readonly prefixLength: number;
  readonly abc: string;
  readonly stopped: 'end' | 'max-tokens' | 'cancelled';
  /** One entry per token in `tokens` (prefix included): (L, H, M) each, M = `memory.length`. */
  readonly crossAttention: Float32Array[];
  /** Which cross-attention columns are the prompt's words and which each reference's tokens. */
  readonly memory: MemoryLayout;
  readonly hidden: Float32Array[];
  readonly timings: {
    readonly firstTokenMs: number;
    readonly totalMs: number;
    readonly tokensPerSecond: number;
    readonly stepMs: number[];
  };
}

export interface GenerationHooks {
  readonly onToken?: (t: StreamedToken) => void;
  readonly signal?: AbortSignal;
}

const now = () => performance.now();

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
  const { dec_layers: L, n_heads: H, d_model: D } = runner.card.config;
  const tokens: string[] = [...prefix];
  const crossAttention: Float32Array[] = [];
  const hidden: Float32Array[] = [];
  const stepMs: number[] = [];
  let memory: MemoryLayout | null = null;
  let firstTokenMs = 0;
  let stopped: GenerationResult['stopped'] = 'max-tokens';
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
      const out = await session.step(rows.map(() => feed));
      const S = out.newTokens;
      const M = out.memoryLength;
      const V = vocab.musicSize;
      memory ??= memoryLayout(out.textLength, M, references);
      // Position s of a step is where token s of this step's output was predicted: the earlier ones are
      // the prefix tokens (read, not sampled), the last one is the token sampled now.
      for (let s = 0; s < S - 1; s++) {
        crossAttention.push(attentionRow(out.crossAttention, L, H, S, M, s));
        hidden.push(out.hidden.slice(s * D, (s + 1) * D));
      }
      const rowLogits = (row: number) => out.logits.subarray(((row + 1) * S - 1) * V, (row + 1) * S * V);
      const condLogits = rowLogits(0);
      let logits: Float32Array | Float64Array = guided
        ? guide(condLogits, rowLogits(1), settings.guidance)
        : condLogits;
      if (refWeight !== 1) logits = pullTowards(logits, condLogits, rowLogits(rows.length - 1), refWeight);
      const id = sampleToken(logits, grammar.allowed(), settings, rand());
      stepMs.push(now() - t0);
      if (tokens.length === prefix.length) firstTokenMs = now() - start;
      const token = vocab.musicToken(id);
      if (token === MUSIC_SPECIALS.eos) {
        stopped = 'end';
        break;
      }
      grammar.advance(token);
      tokens.push(token);
      const attention = attentionRow(out.crossAttention, L, H, S, M, S - 1);
      const state = out.hidden.slice((S - 1) * D, S * D);
      crossAttention.push(attention);
      hidden.push(state);
      feed = Int32Array.of(id);
      hooks.onToken?.({ index: tokens.length - 1, token, id, crossAttention: attention, hidden: state, memory });
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
    crossAttention,
    memory: memory ?? unreadLayout(prompt, references, runner.card.config.max_text),
    hidden,
    timings: { firstTokenMs, totalMs, tokensPerSecond: generated / (totalMs / 1000), stepMs },
  };
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
