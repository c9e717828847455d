import { describe, expect, it } from 'vitest';
import type { DecoderSession, ModelCard, StepOutput, TuneModelRunner } from '../runtime/modelTypes';
import { Vocab } from '../tokenizer/vocab';
import { occlusionReadings, promptIds } from './occlusionReadings';

const VOCAB = new Vocab({
  music: ['<pad>', '<s>', '</s>', 'M:2/4', 'K:Dmaj', 'd', '|'],
  text: ['<pad>', '<none>', '<unk>', 'slow', 'air'],
});

/** A runner that records the prompts it is started with and returns flat logits (every token 1/V). */
function stubRunner() {
  const starts: number[][][] = [];
  const card = {
    name: 'stub',
    files: [],
    config: {
      dec_layers: 1,
      n_heads: 1,
      d_model: 2,
      enc_layers: 1,
      max_text: 8,
      max_music: 16,
      music_vocab: 7,
      text_vocab: 5,
    },
  } as ModelCard;
  const runner: TuneModelRunner = {
    card,
    async start(prompts) {
      starts.push(prompts.map((p) => Array.from(p)));
      const T = Math.max(...prompts.map((p) => p.length));
      const session: DecoderSession = {
        pastLength: 0,
        async step(tokens): Promise<StepOutput> {
          const [B, S] = [tokens.length, tokens[0].length];
          return {
            logits: new Float32Array(B * S * 7),
            crossAttention: new Float32Array(B * S * T).fill(1 / T),
            hidden: new Float32Array(B * S * 2),
            batch: B,
            newTokens: S,
            textLength: T,
          };
        },
        dispose() {},
      };
      return session;
    },
  };
  return { runner, starts };
}

describe('occlusionReadings', () => {
  const tokens = ['M:2/4', 'K:Dmaj', 'd', '|'];
  it.each([
    ['two words', ['slow', 'air'], [[3, 4], [4], [3]]],
    ['one word: left out gives <none>', ['slow'], [[3], [1]]],
    ['unknown word reads as <unk> and is still left out', ['slow', 'zorblax'], [[3, 2], [2], [3]]],
    ['no words: only the <none> reading', [], [[1]]],
  ])('%s: one batched pass', async (_name, words, prompts) => {
    const { runner, starts } = stubRunner();
    const r = await occlusionReadings(runner, VOCAB, words, tokens);
    expect(starts).toEqual([prompts]);
    expect(r.without).toHaveLength(words.length);
    expect(r.perturbations.map((p) => p.words)).toEqual(words.map((_, i) => words.filter((_w, j) => j !== i)));
    expect(r.base.logProbs).toHaveLength(tokens.length + 1);
    expect(r.base.total).toBeCloseTo(5 * -Math.log(7), 6);
  });

  it('encodes word lists', () => {
    expect(Array.from(promptIds(VOCAB, []))).toEqual([1]);
    expect(Array.from(promptIds(VOCAB, ['air', 'slow']))).toEqual([4, 3]);
  });
});
