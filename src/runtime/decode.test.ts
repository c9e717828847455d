import { describe, expect, it } from 'vitest';
import { Vocab } from '../tokenizer/vocab';
import { DEFAULT_SETTINGS, generate } from './decode';
import { stubCard } from './stubCard';
import type { DecoderSession, StepOutput, TuneModelRunner } from './modelTypes';

const MUSIC = ['<pad>', '<s>', '</s>', 'M:2/4', 'K:Dmaj', 'd', '2', '|'];
const VOCAB = new Vocab({ music: MUSIC, text: ['<pad>', '<none>', '<unk>', 'slow', 'air'] });
const [L, H, D] = [1, 1, 2];

/** A runner that records how it was started and answers every step with flat logits and a fixed attention. */
function stubRunner() {
  const starts: { prompts: number[][]; references: number[][][] }[] = [];
  const reads: boolean[] = [];
  const card = stubCard({ dec_layers: L, n_heads: H, d_model: D, music_vocab: MUSIC.length, text_vocab: 5 });
  const runner: TuneModelRunner = {
    card,
    async start(prompts, references) {
      const refs = (references ?? prompts.map(() => [])).map((row) => row.map((r) => Array.from(r)));
      starts.push({ prompts: prompts.map((p) => Array.from(p)), references: refs });
      const T = Math.max(...prompts.map((p) => p.length));
      const M = T + Math.max(0, ...refs.map((row) => row.flat().length));
      const session: DecoderSession = {
        pastLength: 0,
        async step(tokens, options): Promise<StepOutput> {
          reads.push(Boolean(options?.read));
          const [B, S] = [tokens.length, tokens[0].length];
          // Attention of column m is m + 1, so a test can see which columns came back.
          const crossAttention = Float32Array.from({ length: B * L * H * S * M }, (_, i) => (i % M) + 1);
          return {
            logits: new Float32Array(B * S * MUSIC.length),
            crossAttention,
            hidden: new Float32Array(B * S * D),
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
  return { runner, starts, reads };
}

const EXCERPT = ['M:2/4', 'K:Dmaj', 'd', '2', '|'];
const SETTINGS = { ...DEFAULT_SETTINGS, maxTokens: 3 };

describe('generate with references', () => {
  it('keeps the references in the unconditional row: guidance is on the prompt only', async () => {
    const { runner, starts } = stubRunner();
    await generate(runner, VOCAB, VOCAB.encodePrompt('slow air'), [], { ...SETTINGS, referenceWeight: 1 }, {}, [
      EXCERPT,
      ['M:2/4', 'K:Dmaj', 'd'],
    ]);
    const ids = [
      [3, 4, 5, 6, 7],
      [3, 4, 5],
    ];
    expect(starts).toEqual([{ prompts: [[3, 4], [1]], references: [ids, ids] }]);
  });

  const REF_IDS = [[3, 4, 5, 6, 7]];
  it.each<[string, { guidance: number; referenceWeight?: number }, string[][], object]>([
    [
      'weight 2 adds a row of the prompt without references',
      { guidance: 1.5, referenceWeight: 2 },
      [EXCERPT],
      { prompts: [[3, 4], [1], [3, 4]], references: [REF_IDS, REF_IDS, []] },
    ],
    [
      'weight 2 without guidance',
      { guidance: 1, referenceWeight: 2 },
      [EXCERPT],
      {
        prompts: [
          [3, 4],
          [3, 4],
        ],
        references: [REF_IDS, []],
      },
    ],
    [
      'weight 1 adds nothing',
      { guidance: 1, referenceWeight: 1 },
      [EXCERPT],
      { prompts: [[3, 4]], references: [REF_IDS] },
    ],
    [
      'an older tune without a weight reads as 1',
      { guidance: 1 },
      [EXCERPT],
      { prompts: [[3, 4]], references: [REF_IDS] },
    ],
    [
      'no references, no extra row',
      { guidance: 1.5, referenceWeight: 3 },
      [],
      { prompts: [[3, 4], [1]], references: [[], []] },
    ],
  ])('%s', async (_, over, refs, started) => {
    const { runner, starts } = stubRunner();
    const settings = { ...SETTINGS, referenceWeight: undefined, ...over };
    await generate(runner, VOCAB, VOCAB.encodePrompt('slow air'), [], settings, {}, refs);
    expect(starts).toEqual([started]);
  });

  it('says which memory columns are words and which each reference, and asks for no attention while writing', async () => {
    const { runner, reads } = stubRunner();
    const streamed: number[] = [];
    const r = await generate(
      runner,
      VOCAB,
      VOCAB.encodePrompt('slow air'),
      [],
      { ...SETTINGS, guidance: 1 },
      { onToken: (t) => streamed.push(t.index) },
      [EXCERPT],
    );
    expect(r.memory).toEqual({ textLength: 2, references: [{ start: 2, tokens: EXCERPT }], length: 7 });
    expect(streamed).toEqual(r.tokens.map((_, i) => i));
    expect(reads).toEqual(r.tokens.map(() => false));
  });

  it('reads no references when none are given', async () => {
    const { runner, starts } = stubRunner();
    const r = await generate(runner, VOCAB, VOCAB.encodePrompt('air'), [], SETTINGS);
    expect(starts[0].references).toEqual([[], []]);
    expect(r.memory).toEqual({ textLength: 1, references: [], length: 1 });
  });

  it('refuses a reference with a token the model does not know', async () => {
    const { runner } = stubRunner();
    const refs = [['M:2/4', 'K:Dmaj', 'e']];
    await expect(generate(runner, VOCAB, VOCAB.encodePrompt('air'), [], SETTINGS, {}, refs)).rejects.toThrow(
      /reference 1 uses token\(s\) the model does not know: e/,
    );
  });
});
