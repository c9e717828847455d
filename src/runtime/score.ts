import { MUSIC_SPECIALS, type Vocab } from '../tokenizer/vocab';
import type { MemoryLayout, TuneModelRunner } from './modelTypes';
import { attentionRow } from './decode';
import { memoryLayout, referenceIds, type ReferenceTokens } from './memory';
import { logSoftmax } from './sampling';

/** A teacher-forced reading of a fixed tune under one prompt (and its references). */
export interface TuneReading {
  /** log p(token_i | prompt, references, tokens before i) for each token of the tune, then </s>. */
  readonly logProbs: Float64Array;
  /** (L, H, M) cross-attention at the position that predicts each token (tune tokens, then </s>). */
  readonly crossAttention: Float32Array[];
  /** Which of the M columns are this row's words and references. */
  readonly memory: MemoryLayout;
  /** Last hidden state (D) at each of those positions. */
  readonly hidden: Float32Array[];
  /** Full logits (V) at each of those positions. */
  readonly logits: Float32Array[];
  readonly total: number;
}

/**
 * Reads one tune under several prompts in a single batched decoder pass: the log-probability the model gives
 * each token, with the attention and hidden states along the way. Prompts may differ in length. `references`,
 * parallel to `prompts`, gives each row its excerpts (none when left out), so one pass can read a tune under
 * all references and under all but one.
 */
export async function readTune(
  runner: TuneModelRunner,
  vocab: Vocab,
  prompts: readonly Int32Array[],
  tokens: readonly string[],
  references?: readonly ReferenceTokens[],
): Promise<TuneReading[]> {
  if (references && references.length !== prompts.length)
    throw new Error(`readTune: ${prompts.length} prompts but references for ${references.length}`);
  const rowRefs = references ?? prompts.map(() => []);
  const ids = Int32Array.from([MUSIC_SPECIALS.bos, ...tokens], (t) => vocab.musicId(t));
  const targets = Int32Array.from([...tokens, MUSIC_SPECIALS.eos], (t) => vocab.musicId(t));
  const session = await runner.start(
    prompts,
    rowRefs.map((refs) => referenceIds(vocab, refs)),
  );
  try {
    const out = await session.step(
      prompts.map(() => ids),
      { read: true },
    );
    const attention = out.crossAttention!;
    const states = out.hidden!;
    const { dec_layers: L, n_heads: H, d_model: D } = runner.card.config;
    const S = out.newTokens;
    const M = out.memoryLength;
    const V = vocab.musicSize;
    return prompts.map((_, b) => {
      const logProbs = new Float64Array(S);
      const logits: Float32Array[] = [];
      const hidden: Float32Array[] = [];
      const crossAttention: Float32Array[] = [];
      const rowSize = L * H * S * M;
      const rowAttention = attention.subarray(b * rowSize, (b + 1) * rowSize);
      for (let s = 0; s < S; s++) {
        const l = out.logits.slice((b * S + s) * V, (b * S + s + 1) * V);
        logits.push(l);
        logProbs[s] = logSoftmax(l)[targets[s]];
        hidden.push(states.slice((b * S + s) * D, (b * S + s + 1) * D));
        crossAttention.push(attentionRow(rowAttention, L, H, S, M, s));
      }
      const memory = memoryLayout(out.textLength, M, rowRefs[b]);
      return { logProbs, crossAttention, memory, hidden, logits, total: logProbs.reduce((a, x) => a + x, 0) };
    });
  } finally {
    session.dispose();
  }
}
