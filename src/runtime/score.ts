import { MUSIC_SPECIALS, type Vocab } from '../tokenizer/vocab';
import type { MemoryLayout, MemoryShape, TuneModelRunner } from './modelTypes';
import { attentionRow } from './decode';
import { memoryLayout, referenceIds, type ReferenceTokens } from './memory';
import { logProbAt } from './sampling';

/** A teacher-forced reading of a fixed tune under one prompt (and its references). */
export interface TuneReading {
  /** log p(token_i | prompt, references, tokens before i) for each token of the tune, then </s>. */
  readonly logProbs: Float64Array;
  /** (L, H, M) cross-attention at the position that predicts each token (tune tokens, then </s>); empty unless asked. */
  readonly crossAttention: Float32Array[];
  /** Which of the M columns are this row's words and references. */
  readonly memory: MemoryLayout;
  /** Last hidden state (D) at each of those positions; empty unless asked. */
  readonly hidden: Float32Array[];
  /** Full logits (V) at each of those positions; empty unless asked. */
  readonly logits: Float32Array[];
  readonly total: number;
}

/**
 * What a reading keeps beyond the log-probabilities; everything when left out. Each part left out is neither
 * copied out of the runtime (attention, hidden states) nor cut into per-position arrays.
 */
export interface ReadParts {
  /** Cross-attention of every row, or of the rows listed (by index into `prompts`). */
  readonly attention?: boolean | readonly number[];
  readonly hidden?: boolean;
  readonly logits?: boolean;
  /** Pads the memory at least this wide: a part of a split reading, laid out as the whole (`memoryInputs`). */
  readonly memoryAtLeast?: MemoryShape;
}

const ALL_PARTS: ReadParts = { attention: true, hidden: true, logits: true };

/**
 * Reads one tune under several prompts in a single batched decoder pass: the log-probability the model gives
 * each token, with the attention and hidden states along the way (as `parts` asks). Prompts may differ in
 * length. `references`, parallel to `prompts`, gives each row its excerpts (none when left out), so one pass can
 * read a tune under all references and under all but one.
 */
export async function readTune(
  runner: TuneModelRunner,
  vocab: Vocab,
  prompts: readonly Int32Array[],
  tokens: readonly string[],
  references?: readonly ReferenceTokens[],
  parts: ReadParts = ALL_PARTS,
): Promise<TuneReading[]> {
  if (references && references.length !== prompts.length)
    throw new Error(`readTune: ${prompts.length} prompts but references for ${references.length}`);
  const rowRefs = references ?? prompts.map(() => []);
  const ids = Int32Array.from([MUSIC_SPECIALS.bos, ...tokens], (t) => vocab.musicId(t));
  const targets = Int32Array.from([...tokens, MUSIC_SPECIALS.eos], (t) => vocab.musicId(t));
  const attentionRows = new Set(
    parts.attention === true ? prompts.keys() : parts.attention === false ? [] : (parts.attention ?? []),
  );
  const keepHidden = Boolean(parts.hidden);
  const session = await runner.start(
    prompts,
    rowRefs.map((refs) => referenceIds(vocab, refs)),
    parts.memoryAtLeast,
  );
  try {
    // One call from <s>, the session's last: no keys or values are kept for a next step.
    const out = await session.step(
      prompts.map(() => ids),
      { read: { attention: attentionRows.size > 0, hidden: keepHidden }, last: true },
    );
    const { dec_layers: L, n_heads: H, d_model: D } = runner.card.config;
    const S = out.newTokens;
    const M = out.memoryLength;
    const V = vocab.musicSize;
    return prompts.map((_, b) => {
      const logProbs = new Float64Array(S);
      const logits: Float32Array[] = [];
      const hidden: Float32Array[] = [];
      const crossAttention: Float32Array[] = [];
      for (let s = 0; s < S; s++) logProbs[s] = logProbAt(out.logits, (b * S + s) * V, V, targets[s]);
      if (parts.logits) for (let s = 0; s < S; s++) logits.push(out.logits.slice((b * S + s) * V, (b * S + s + 1) * V));
      if (keepHidden) for (let s = 0; s < S; s++) hidden.push(out.hidden!.slice((b * S + s) * D, (b * S + s + 1) * D));
      if (attentionRows.has(b)) {
        const rowSize = L * H * S * M;
        const rowAttention = out.crossAttention!.subarray(b * rowSize, (b + 1) * rowSize);
        for (let s = 0; s < S; s++) crossAttention.push(attentionRow(rowAttention, L, H, S, M, s));
      }
      const memory = memoryLayout(out.textLength, M, rowRefs[b]);
      return { logProbs, crossAttention, memory, hidden, logits, total: logProbs.reduce((a, x) => a + x, 0) };
    });
  } finally {
    session.dispose();
  }
}
