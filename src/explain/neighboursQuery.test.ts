import { beforeAll, describe, expect, it } from 'vitest';
import { loadNodeModel, type LoadedModel } from '../../cli/nodeModel';
import { DEFAULT_SETTINGS, generate, type StepReading } from '../runtime/decode';
import { neighbourQueryVectors, stepReadingFits } from './neighboursQuery';

describe('stepReadingFits', () => {
  const kept: StepReading = {
    prompt: Int32Array.of(5, 6),
    tokens: ['M:6/8', 'D'],
    logits: [],
    hidden: [],
    emptyHidden: [],
  };
  it.each([
    [Int32Array.of(5, 6), ['M:6/8', 'D'], true],
    [Int32Array.of(5, 7), ['M:6/8', 'D'], false],
    [Int32Array.of(5), ['M:6/8', 'D'], false],
    [Int32Array.of(5, 6), ['M:6/8', 'E'], false],
    [Int32Array.of(5, 6), ['M:6/8'], false],
    [null, ['M:6/8', 'D'], false],
  ])('prompt %o, tokens %o -> %s', (prompt, tokens, fits) => {
    expect(stepReadingFits(kept, prompt, tokens)).toBe(fits);
  });
});

describe('neighbourQueryVectors from a generation’s own reading', () => {
  let model: LoadedModel;
  beforeAll(async () => {
    model = await loadNodeModel();
  });

  it('gives the vectors of a fresh reading, without running one', async () => {
    const prompt = model.vocab.encodePrompt('a lively reel in d major');
    const gen = await generate(
      model.runner,
      model.vocab,
      prompt,
      [],
      { ...DEFAULT_SETTINGS, seed: 5 },
      {
        keepReading: true,
      },
    );
    const req = {
      prompt: prompt.ids,
      tokens: gen.tokens,
      measures: ['music', 'gradient'] as const,
      sketch: { k: 64, blocks: 4, seed: 7, features: model.vocab.musicSize * (model.card.config.d_model + 1) },
    };
    const fresh = await neighbourQueryVectors(model.runner, model.vocab, req);
    const reused = await neighbourQueryVectors(model.runner, model.vocab, req, gen.reading);
    const other = await neighbourQueryVectors(
      model.runner,
      model.vocab,
      { ...req, tokens: gen.tokens.slice(0, -1) },
      gen.reading,
    );
    expect([fresh.readingReused, reused.readingReused, other.readingReused]).toEqual([false, true, false]);
    const close = (a: Float32Array, b: Float32Array, tol: number) =>
      a.every((x, i) => Math.abs(x - b[i]) <= tol * Math.max(1, Math.abs(b[i])));
    expect(close(reused.musicEmbedding!, fresh.musicEmbedding!, 1e-4)).toBe(true);
    expect(close(reused.gradientSketch!, fresh.gradientSketch!, 1e-3)).toBe(true);
  });
});
