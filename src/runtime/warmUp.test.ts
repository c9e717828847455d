import { describe, expect, it } from 'vitest';
import { Vocab } from '../tokenizer/vocab';
import type { StepOutput, TuneModelRunner } from './modelTypes';
import { stubCard } from './stubCard';
import { warmUp } from './warmUp';

const MUSIC = ['<pad>', '<s>', '</s>', 'M:2/4', 'K:Dmaj', 'd', '2', '|'];
const VOCAB = new Vocab({ music: MUSIC, text: ['<pad>', '<none>', '<unk>', 'reel'] });

/** A runner whose steps answer flat logits, counting steps and starts; `onStep` sees the running count. */
function countingRunner(onStep: (steps: number) => void = () => undefined) {
  const count = { steps: 0, starts: 0 };
  const card = stubCard({ dec_layers: 1, n_heads: 1, d_model: 2, music_vocab: MUSIC.length, text_vocab: 4 });
  const runner: TuneModelRunner = {
    card,
    async start(prompts) {
      count.starts++;
      return {
        pastLength: 0,
        async step(tokens): Promise<StepOutput> {
          onStep(++count.steps);
          const [B, S, T] = [tokens.length, tokens[0].length, prompts[0].length];
          return {
            logits: new Float32Array(B * S * MUSIC.length),
            crossAttention: new Float32Array(0),
            hidden: new Float32Array(B * S * 2),
            batch: B,
            newTokens: S,
            textLength: T,
            memoryLength: T,
          };
        },
        dispose() {},
      };
    },
  };
  return { runner, count };
}

describe('warmUp', () => {
  it.each([1, 7, 40, 300])('takes exactly %i steps, over as many tunes as that needs', async (steps) => {
    const { runner, count } = countingRunner();
    expect(await warmUp(runner, VOCAB, steps, new AbortController().signal)).toBe(steps);
    expect(count.steps).toBe(steps);
    expect(count.starts).toBeGreaterThanOrEqual(1);
  });

  it.each([1, 5, 30])('stops at the step after an abort during step %i', async (at) => {
    const abort = new AbortController();
    const { runner, count } = countingRunner((n) => {
      if (n === at) abort.abort();
    });
    await warmUp(runner, VOCAB, 500, abort.signal);
    expect(count.steps).toBe(at);
  });

  it('takes no step when already aborted', async () => {
    const abort = new AbortController();
    abort.abort();
    const { runner, count } = countingRunner();
    expect(await warmUp(runner, VOCAB, 100, abort.signal)).toBe(0);
    expect(count.starts).toBe(0);
  });
});
