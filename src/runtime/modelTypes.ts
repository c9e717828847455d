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
  /** (B, L, H, S, T) cross-attention probabilities of every layer and head. */
  readonly crossAttention: Float32Array;
  /** (B, S, D) last hidden state, after the final layer norm. */
  readonly hidden: Float32Array;
  readonly batch: number;
  readonly newTokens: number;
  readonly textLength: number;
}

/**
 * A decoding session over one batch of prompts. The key/value cache lives inside, so `step` only takes the
 * new tokens; every row advances by the same number of tokens.
 */
export interface DecoderSession {
  step(tokens: readonly Int32Array[]): Promise<StepOutput>;
  /** Number of tokens already in the cache. */
  readonly pastLength: number;
  dispose(): void;
}

/** The model as the decoding code sees it, whatever runtime (onnxruntime-node or -web) is underneath. */
export interface TuneModelRunner {
  readonly card: ModelCard;
  /** Encodes prompts (one Int32Array of word ids each) and opens a decoding session over them. */
  start(prompts: readonly Int32Array[]): Promise<DecoderSession>;
  /** The encoder memory (T, D) of one prompt, flat; runners that cannot expose it leave this out. */
  encode?(prompt: Int32Array): Promise<Float32Array>;
}
