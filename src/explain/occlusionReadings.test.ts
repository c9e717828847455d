import { describe, expect, it } from 'vitest';
import type { DecoderSession, StepOutput, TuneModelRunner } from '../runtime/modelTypes';
import { Vocab } from '../tokenizer/vocab';
import { occlusionReadings, promptIds } from './occlusionReadings';
import { stubCard } from '../runtime/stubCard';

const VOCAB = new Vocab({
  music: ['<pad>', '<s>', '</s>', 'M:2/4', 'K:Dmaj', 'd', '|'],
  text: ['<pad>', '<none>', '<unk>', 'slow', 'air'],
});

/** A runner that records the prompts and references it is started with and returns flat logits (every token 1/V). */
function stubRunner() {
  const starts: number[][][] = [];
  const refs: number[][][][] = [];
  const card = stubCard({ music_vocab: 7, text_vocab: 5 });
  const runner: TuneModelRunner = {
    card,
    async start(prompts, references) {
      starts.push(prompts.map((p) => Array.from(p)));
      refs.push((references ?? []).map((row) => row.map((r) => Array.from(r))));
      const T = Math.max(...prompts.map((p) => p.length));
      const R = Math.max(0, ...(references ?? []).map((row) => row.reduce((a, r) => a + r.length, 0)));
      const M = T + R;
      const session: DecoderSession = {
        pastLength: 0,
        async step(tokens): Promise<StepOutput> {
          const [B, S] = [tokens.length, tokens[0].length];
          return {
            logits: new Float32Array(B * S * 7),
            crossAttention: new Float32Array(B * S * M).fill(1 / M),
            hidden: new Float32Array(B * S * 2),
            batch: B,
            newTokens: S,
            textLength: T,
            memoryLength: M,
          };
        },
        dispose() {},
      };
      return session;
    },
  };
  return { runner, starts, refs };
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

  it('reads every row with the same references', async () => {
    const { runner, starts, refs } = stubRunner();
    const excerpt = ['M:2/4', 'K:Dmaj', 'd', '|'];
    const r = await occlusionReadings(runner, VOCAB, ['slow', 'air'], tokens, [excerpt, ['M:2/4', 'K:Dmaj', 'd']]);
    expect(starts).toEqual([[[3, 4], [4], [3]]]);
    const row = [
      [3, 4, 5, 6],
      [3, 4, 5],
    ];
    expect(refs).toEqual([[row, row, row]]);
    expect(r.base.memory).toEqual({
      textLength: 2,
      references: [
        { start: 2, tokens: excerpt },
        { start: 6, tokens: ['M:2/4', 'K:Dmaj', 'd'] },
      ],
      length: 9,
    });
    expect(r.base.crossAttention[0]).toHaveLength(9);
  });

  it('encodes word lists', () => {
    expect(Array.from(promptIds(VOCAB, []))).toEqual([1]);
    expect(Array.from(promptIds(VOCAB, ['air', 'slow']))).toEqual([4, 3]);
  });
});
