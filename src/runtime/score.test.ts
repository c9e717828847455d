import { beforeAll, describe, expect, it } from 'vitest';
import { loadNodeModel, type LoadedModel } from '../../cli/nodeModel';
import { DEFAULT_SETTINGS, generate } from './decode';
import { readTune } from './score';

describe('readTune (teacher forcing) against generation', () => {
  let model: LoadedModel;
  beforeAll(async () => {
    model = await loadNodeModel();
  });

  it('gives the same attention per token as the streamed generation, and one log-probability per token', async () => {
    const prompt = model.vocab.encodePrompt('a jig in d major');
    const gen = await generate(model.runner, model.vocab, prompt, [], {
      ...DEFAULT_SETTINGS,
      guidance: 1,
      maxTokens: 30,
      seed: 4,
    });
    const [reading, other] = await readTune(
      model.runner,
      model.vocab,
      [prompt.ids, model.vocab.encodePrompt('slow air in g minor').ids],
      gen.tokens,
    );
    expect(reading.logProbs).toHaveLength(gen.tokens.length + 1);
    for (let i = 0; i < gen.tokens.length; i++) {
      const a = reading.crossAttention[i];
      const b = gen.crossAttention[i];
      expect(Math.max(...a.map((v, j) => Math.abs(v - b[j])))).toBeLessThan(1e-4);
    }
    expect(reading.total).toBeLessThan(0);
    expect(other.total).not.toBeCloseTo(reading.total, 6);
  });
});
