import type { InferenceSession, Tensor as OrtTensor } from 'onnxruntime-common';
import { BarClock } from '../tokenizer/barPosition';
import { memoryInputs } from './memory';
import type { DecoderSession, ModelCard, RowReferences, StepOutput, TuneModelRunner } from './modelTypes';

/** The parts of an onnxruntime module (node or web) this runner uses; both packages export them. */
export interface OrtModule {
  readonly Tensor: typeof OrtTensor;
}

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

  async start(prompts: readonly Int32Array[], references?: readonly RowReferences[]): Promise<DecoderSession> {
    const { memory, memoryValid, textLength } = await this.runEncoder(prompts, references);
    return new OrtDecoderSession(this.ort, this.decoder, this.card, this.music, memory, memoryValid, textLength);
  }

  /** The memory (T, D) of one prompt's words, flat: what the text-embedding measure pools. */
  async encode(prompt: Int32Array): Promise<Float32Array> {
    const { memory, textLength } = await this.runEncoder([prompt]);
    // No references, so the memory is the words alone; slice anyway so the contract holds if that changes.
    return (memory.data as Float32Array).slice(0, textLength * this.card.config.d_model);
  }

  private async runEncoder(prompts: readonly Int32Array[], references?: readonly RowReferences[]) {
    const { Tensor } = this.ort;
    const { max_text, max_ref } = this.card.config;
    const m = memoryInputs(prompts, references, max_text, max_ref);
    const [B, T, R] = [m.batch, m.textLength, m.refLength];
    const out = await this.encoder.run({
      text: new Tensor('int32', m.text, [B, T]),
      text_valid: new Tensor('float32', m.textValid, [B, T]),
      refs: new Tensor('int32', m.refs, [B, R]),
      ref_slot: new Tensor('int32', m.refSlot, [B, R]),
    });
    return { memory: out.memory, memoryValid: new Tensor('float32', m.memoryValid, [B, T + R]), textLength: T };
  }
}

class OrtDecoderSession implements DecoderSession {
  private past: Record<string, OrtTensor>;
  private readonly clocks: BarClock[];
  private readonly batch: number;
  private readonly memoryLength: number;
  pastLength = 0;

  constructor(
    private readonly ort: OrtModule,
    private readonly decoder: InferenceSession,
    card: ModelCard,
    private readonly music: readonly string[],
    private readonly memory: OrtTensor,
    private readonly memoryValid: OrtTensor,
    private readonly textLength: number,
  ) {
    const { n_heads, d_model, dec_layers } = card.config;
    [this.batch, this.memoryLength] = memoryValid.dims as [number, number];
    const empty = () => new ort.Tensor('float32', new Float32Array(0), [this.batch, n_heads, 0, d_model / n_heads]);
    this.past = {};
    for (let i = 0; i < dec_layers; i++) {
      this.past[`past_key_${i}`] = empty();
      this.past[`past_value_${i}`] = empty();
    }
    this.clocks = Array.from({ length: this.batch }, () => new BarClock());
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

  async step(tokens: readonly Int32Array[]): Promise<StepOutput> {
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
      memory: this.memory,
      memory_valid: this.memoryValid,
      ...this.past,
    };
    const out = await this.decoder.run(feeds);
    const next: Record<string, OrtTensor> = {};
    for (const name of Object.keys(this.past)) {
      next[name] = out[name.replace('past_', 'present_')];
      this.past[name].dispose?.();
    }
    this.past = next;
    this.pastLength += S;
    return {
      logits: out.logits.data as Float32Array,
      crossAttention: out.cross_attn.data as Float32Array,
      hidden: out.hidden.data as Float32Array,
      batch: this.batch,
      newTokens: S,
      textLength: this.textLength,
      memoryLength: this.memoryLength,
    };
  }

  dispose(): void {
    for (const t of Object.values(this.past)) t.dispose?.();
  }
}
