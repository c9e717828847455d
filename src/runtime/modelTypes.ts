/** What the runtime needs to know about the exported model; read from public/models/model-card.json. */
export interface ModelCardFile {
  readonly name: string;
  readonly bytes: number;
  readonly sha256: string;
}

export interface ModelShape {
  readonly d_model: number;
  readonly n_heads: number;
  readonly dec_layers: number;
  readonly enc_layers: number;
  readonly max_text: number;
  readonly max_music: number;
  readonly music_vocab: number;
  readonly text_vocab: number;
  /** Longest reference excerpt, in music tokens (meter and key included). */
  readonly max_ref: number;
  /** Size of the decoder's bar-position (`beats`) embedding table. */
  readonly beat_vocab: number;
}

export interface ModelCard {
  readonly name: string;
  readonly config: ModelShape;
  readonly files: readonly ModelCardFile[];
  readonly [extra: string]: unknown;
}

/** One decoder call's outputs for a batch of rows, each over S new positions. */
export interface StepOutput {
  /** (B, S, V) */
  readonly logits: Float32Array;
  /**
   * (B, L, H, S, M) cross-attention probabilities of every layer and head over the memory: T word columns,
   * then each row's reference tokens (padded to the batch's longest). Null unless the step was a reading.
   */
  readonly crossAttention: Float32Array | null;
  /** (B, S, D) last hidden state, after the final layer norm. Null unless the step was a reading. */
  readonly hidden: Float32Array | null;
  readonly batch: number;
  readonly newTokens: number;
  /** T: word columns of the memory (the longest prompt of the batch). */
  readonly textLength: number;
  /** M = T + R: all memory columns, reference tokens included. */
  readonly memoryLength: number;
  /** Time inside the runtime's run call, in ms (inputs copied in, kernels, outputs copied out). */
  readonly runMs?: number;
}

export interface StepOptions {
  /**
   * Also return the cross-attention and hidden states (true: both; or as named). Generation leaves this off
   * (each output costs a copy out of the runtime at every step); a teacher-forced reading turns it on for its one call.
   */
  readonly read?: boolean | { readonly attention: boolean; readonly hidden: boolean };
  /**
   * The session's last step (a one-call reading): its keys and values are neither fetched nor cached, which
   * spares copying the new positions of every layer out of the runtime and into the cache (17 MB for 11 rows of
   * a 256-token tune). A later step on the session throws.
   */
  readonly last?: boolean;
}

/**
 * A decoding session over one batch of prompts. The key/value cache lives inside, so `step` only takes the
 * new tokens; every row advances by the same number of tokens. The session follows each row's bar position
 * itself (the decoder's `beats` input), so rows must be fed from `<s>` on, in order.
 */
export interface DecoderSession {
  step(tokens: readonly Int32Array[], options?: StepOptions): Promise<StepOutput>;
  /** Number of tokens already in the cache. */
  readonly pastLength: number;
  dispose(): void;
}

/** The model as the decoding code sees it, whatever runtime (onnxruntime-node or -web) is underneath. */
export interface TuneModelRunner {
  readonly card: ModelCard;
  /**
   * Encodes prompts (one Int32Array of word ids each) with their reference excerpts (per row 0 to 3 Int32Arrays
   * of music ids; none when left out) and opens a decoding session over them. `atLeast` pads the memory wider
   * than these rows need (a reading's rows split across runtimes, each part padded as the whole).
   */
  start(
    prompts: readonly Int32Array[],
    references?: readonly RowReferences[],
    atLeast?: MemoryShape,
  ): Promise<DecoderSession>;
  /** The encoder memory (T, D) of one prompt's words, flat; runners that cannot expose it leave this out. */
  encode?(prompt: Int32Array): Promise<Float32Array>;
}

/** The memory's word and reference columns, T and R: what a batch is padded to. */
export interface MemoryShape {
  readonly textLength: number;
  readonly refLength: number;
}

/** One row's reference excerpts, as music token ids: 0 to MAX_REFERENCES of them. */
export type RowReferences = readonly Int32Array[];

/** One reference's place among the memory (cross-attention) columns. */
export interface ReferenceColumns {
  /** First column; the reference fills columns start .. start + tokens.length - 1. */
  readonly start: number;
  readonly tokens: readonly string[];
}

/** What the memory (cross-attention) columns of one row are: words, then each reference's tokens. */
export interface MemoryLayout {
  /** Columns 0..textLength-1 are words (a prompt shorter than the batch's longest leaves padding there). */
  readonly textLength: number;
  /** In the order the references were given. */
  readonly references: readonly ReferenceColumns[];
  /** M, all columns; past the last reference are padding columns (attention 0). */
  readonly length: number;
}
