import type { InferenceSession, Tensor as OrtTensor } from 'onnxruntime-common';
import type { DecoderSession, ModelCard, StepOutput, TuneModelRunner } from './modelTypes';

/** The parts of an onnxruntime module (node or web) this runner uses; both packages export them. */
export interface OrtModule {
  readonly Tensor: typeof OrtTensor;
}

/** Runs the exported encoder and KV-cache decoder with either onnxruntime-node or onnxruntime-web. */
export class OrtTuneModel implements TuneModelRunner {
  constructor(
    private readonly ort: OrtModule,
    private readonly encoder: InferenceSession,
    private readonly decoder: InferenceSession,
    readonly card: ModelCard,
  ) {}

  async start(prompts: readonly Int32Array[]): Promise<DecoderSession> {
    const { memory, valid, batch, textLength } = await this.runEncoder(prompts);
    return new OrtDecoderSession(this.ort, this.decoder, this.card, memory, valid, batch, textLength);
  }

  /** The encoder memory (T, D) of one prompt, flat: what the text-embedding measure pools. */
  async encode(prompt: Int32Array): Promise<Float32Array> {
    const { memory } = await this.runEncoder([prompt]);
    return memory.data as Float32Array;
  }

  private async runEncoder(prompts: readonly Int32Array[]) {
    const { Tensor } = this.ort;
    const B = prompts.length;
    const T = Math.min(this.card.config.max_text, Math.max(...prompts.map((p) => p.length)));
    const text = new Int32Array(B * T);
    const valid = new Float32Array(B * T);
    prompts.forEach((p, b) => {
      for (let t = 0; t < Math.min(T, p.length); t++) {
        text[b * T + t] = p[t];
        valid[b * T + t] = 1;
      }
    });
    const validTensor = new Tensor('float32', valid, [B, T]);
    const out = await this.encoder.run({ text: new Tensor('int32', text, [B, T]), text_valid: validTensor });
    return { memory: out.memory, valid: validTensor, batch: B, textLength: T };
  }
}

class OrtDecoderSession implements DecoderSession {
  private past: Record<string, OrtTensor>;
  pastLength = 0;

  constructor(
    private readonly ort: OrtModule,
    private readonly decoder: InferenceSession,
    card: ModelCard,
    private readonly memory: OrtTensor,
    private readonly textValid: OrtTensor,
    private readonly batch: number,
    private readonly textLength: number,
  ) {
    const { n_heads, d_model, dec_layers } = card.config;
    const empty = () => new ort.Tensor('float32', new Float32Array(0), [batch, n_heads, 0, d_model / n_heads]);
    this.past = {};
    for (let i = 0; i < dec_layers; i++) {
      this.past[`past_key_${i}`] = empty();
      this.past[`past_value_${i}`] = empty();
    }
  }

  async step(tokens: readonly Int32Array[]): Promise<StepOutput> {
    const S = tokens[0].length;
    if (tokens.length !== this.batch || tokens.some((t) => t.length !== S)) {
      throw new Error('every row of a step must add the same number of tokens');
    }
    const flat = new Int32Array(this.batch * S);
    tokens.forEach((t, b) => flat.set(t, b * S));
    const feeds: Record<string, OrtTensor> = {
      tokens: new this.ort.Tensor('int32', flat, [this.batch, S]),
      memory: this.memory,
      text_valid: this.textValid,
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
    };
  }

  dispose(): void {
    for (const t of Object.values(this.past)) t.dispose?.();
  }
}
