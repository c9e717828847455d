import type { InferenceSession, Tensor as OrtTensor } from 'onnxruntime-common';
import { BarClock } from '../tokenizer/barPosition';
import { KvCache } from './kvCache';
import { memoryInputs } from './memory';
import type {
  DecoderSession,
  MemoryShape,
  ModelCard,
  RowReferences,
  StepOptions,
  StepOutput,
  TuneModelRunner,
} from './modelTypes';

/** The parts of an onnxruntime module (node or web) this runner uses; both packages export them. */
export interface OrtModule {
  readonly Tensor: typeof OrtTensor;
}

/** Names of the per-layer key/value inputs and outputs (docs/model-contract.md). */
const perLayer = (prefix: string, layers: number) =>
  Array.from({ length: layers }, (_, i) => [`${prefix}_key_${i}`, `${prefix}_value_${i}`]).flat();

/** Runs the exported encoder and KV-cache decoder with either onnxruntime-node or onnxruntime-web. */
export class OrtTuneModel implements TuneModelRunner {
  /**
   * `music` is the music vocabulary (vocab.json's `music`, in id order): the session turns the ids it is fed
   * back into tokens to follow each row's bar position.
   */
  constructor(
    private readonly ort: OrtModule,
    private readonly encoder: InferenceSession,
    private readonly decoder: InferenceSession,
    readonly card: ModelCard,
    private readonly music: readonly string[],
  ) {}

  async start(
    prompts: readonly Int32Array[],
    references?: readonly RowReferences[],
    atLeast?: MemoryShape,
  ): Promise<DecoderSession> {
    const crossNames = perLayer('cross', this.card.config.dec_layers);
    const fetches = ['context', ...crossNames];
    const { out, memoryValid, textLength } = await this.runEncoder(prompts, references, fetches, atLeast);
    // The prompt's part of every step, computed once: the context vector and each layer's cross keys/values.
    const fixed: Record<string, OrtTensor> = { context: out.context, memory_valid: memoryValid };
    for (const name of crossNames) fixed[name] = out[name];
    return new OrtDecoderSession(this.ort, this.decoder, this.card, this.music, fixed, textLength);
  }

  /** The memory (T, D) of one prompt's words, flat: what the text-embedding measure pools. */
  async encode(prompt: Int32Array): Promise<Float32Array> {
    const { out, textLength } = await this.runEncoder([prompt], undefined, ['memory']);
    // No references, so the memory is the words alone; slice anyway so the contract holds if that changes.
    return (out.memory.data as Float32Array).slice(0, textLength * this.card.config.d_model);
  }

  private async runEncoder(
    prompts: readonly Int32Array[],
    references: readonly RowReferences[] | undefined,
    fetches: string[],
    atLeast?: MemoryShape,
  ) {
    const { Tensor } = this.ort;
    const { max_text, max_ref } = this.card.config;
    const m = memoryInputs(prompts, references, max_text, max_ref, atLeast);
    const [B, T, R] = [m.batch, m.textLength, m.refLength];
    const feeds = {
      text: new Tensor('int32', m.text, [B, T]),
      text_valid: new Tensor('float32', m.textValid, [B, T]),
      refs: new Tensor('int32', m.refs, [B, R]),
      ref_slot: new Tensor('int32', m.refSlot, [B, R]),
    };
    const out = await this.encoder.run(feeds, fetches);
    return { out, memoryValid: new Tensor('float32', m.memoryValid, [B, T + R]), textLength: T };
  }
}

/** Which optional outputs a step's `read` option asks for. */
function wanted(read: StepOptions['read']): { attention: boolean; hidden: boolean } {
  if (typeof read === 'object') return read;
  return { attention: Boolean(read), hidden: Boolean(read) };
}

class OrtDecoderSession implements DecoderSession {
  private readonly clocks: BarClock[];
  private readonly batch: number;
  private readonly memoryLength: number;
  private readonly cache: KvCache;
  private readonly layers: number;
  private closed = false;

  constructor(
    private readonly ort: OrtModule,
    private readonly decoder: InferenceSession,
    card: ModelCard,
    private readonly music: readonly string[],
    private readonly fixed: Record<string, OrtTensor>,
    private readonly textLength: number,
  ) {
    const { n_heads, d_model, dec_layers, max_music } = card.config;
    [this.batch, this.memoryLength] = fixed.memory_valid.dims as [number, number];
    this.cache = new KvCache(perLayer('past', dec_layers), [this.batch, n_heads, d_model / n_heads], max_music);
    this.layers = dec_layers;
    this.clocks = Array.from({ length: this.batch }, () => new BarClock());
  }

  get pastLength(): number {
    return this.cache.length;
  }

  /** Bar-position codes of the new tokens, advancing each row's clock. */
  private beats(tokens: readonly Int32Array[], S: number): Int32Array {
    const out = new Int32Array(this.batch * S);
    tokens.forEach((row, b) => {
      row.forEach((id, s) => {
        const token = this.music[id];
        if (token === undefined) throw new RangeError(`music token id ${id} is not in the vocabulary`);
        out[b * S + s] = this.clocks[b].push(token);
      });
    });
    return out;
  }

  async step(tokens: readonly Int32Array[], options: StepOptions = {}): Promise<StepOutput> {
    if (this.closed) throw new Error('this session took its last step');
    const S = tokens[0].length;
    if (tokens.length !== this.batch || tokens.some((t) => t.length !== S)) {
      throw new Error('every row of a step must add the same number of tokens');
    }
    const flat = new Int32Array(this.batch * S);
    tokens.forEach((t, b) => flat.set(t, b * S));
    const { Tensor } = this.ort;
    const feeds: Record<string, OrtTensor> = {
      tokens: new Tensor('int32', flat, [this.batch, S]),
      beats: new Tensor('int32', this.beats(tokens, S), [this.batch, S]),
      ...this.fixed,
    };
    feeds.past_length = new Tensor('int32', Int32Array.of(this.cache.length), [1]);
    for (const [name, data, dims] of this.cache.views()) feeds[name] = new Tensor('float32', data, dims);
    const { attention, hidden } = wanted(options.read);
    // Outputs are copied out of the runtime only when a caller reads them: attention and hidden states for a
    // reading, the new keys and values unless this is the session's last step.
    const fetches = [
      'logits',
      ...(options.last ? [] : perLayer('new', this.layers)),
      ...(attention ? ['cross_attn'] : []),
      ...(hidden ? ['hidden'] : []),
    ];
    const t0 = performance.now();
    const out = await this.decoder.run(feeds, fetches);
    const runMs = performance.now() - t0;
    if (options.last) this.closed = true;
    else this.cache.append(S, (name) => out[name.replace('past_', 'new_')].data as Float32Array);
    return {
      logits: out.logits.data as Float32Array,
      crossAttention: attention ? (out.cross_attn.data as Float32Array) : null,
      hidden: hidden ? (out.hidden.data as Float32Array) : null,
      batch: this.batch,
      newTokens: S,
      textLength: this.textLength,
      memoryLength: this.memoryLength,
      runMs,
    };
  }

  dispose(): void {
    for (const t of Object.values(this.fixed)) t.dispose?.();
  }
}
