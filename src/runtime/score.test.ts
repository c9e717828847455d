import { beforeAll, describe, expect, it } from 'vitest';
import { loadNodeModel, type LoadedModel } from '../../cli/nodeModel';
import { MUSIC_SPECIALS } from '../tokenizer/vocab';
import { attentionRow, DEFAULT_SETTINGS, generate } from './decode';
import { referenceIds, type ReferenceTokens } from './memory';
import { readTune } from './score';

/**
 * Row 0's (L, H, M) attention at each position, fed one token per step through the cache, as generation feeds
 * them: what the one-call reading must reproduce.
 */
async function stepwiseAttention(model: LoadedModel, prompt: Int32Array, tokens: string[], refs: ReferenceTokens) {
  const session = await model.runner.start([prompt], [referenceIds(model.vocab, refs)]);
  const { dec_layers: L, n_heads: H } = model.card.config;
  const rows: Float32Array[] = [];
  for (const t of [MUSIC_SPECIALS.bos, ...tokens]) {
    const out = await session.step([Int32Array.of(model.vocab.musicId(t))], { read: true });
    rows.push(attentionRow(out.crossAttention!, L, H, 1, out.memoryLength, 0));
  }
  session.dispose();
  return rows;
}

describe('readTune (teacher forcing) against generation', () => {
  let model: LoadedModel;
  beforeAll(async () => {
    model = await loadNodeModel();
  });

  it('gives the same attention per token as a cached step-by-step decode, and one log-probability per token', async () => {
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
    const stepwise = await stepwiseAttention(model, prompt.ids, gen.tokens, []);
    for (let i = 0; i < gen.tokens.length; i++) {
      const a = reading.crossAttention[i];
      const b = stepwise[i];
      expect(Math.max(...a.map((v, j) => Math.abs(v - b[j])))).toBeLessThan(1e-4);
    }
    expect(reading.total).toBeLessThan(0);
    expect(other.total).not.toBeCloseTo(reading.total, 6);
  });

  it('reads one tune under all references and under all but one in one pass', async () => {
    const prompt = model.vocab.encodePrompt('a reel in g major');
    const refs = [
      ['M:4/4', 'K:Gmaj', 'G', 'A', 'B', 'c', 'd', '2', 'B', 'G', '|'],
      ['M:4/4', 'K:Gmaj', 'd', 'e', 'f', 'g', 'a', '2', 'g', 'f', '|', 'g', '4', 'd', '4', '|'],
    ];
    const settings = { ...DEFAULT_SETTINGS, guidance: 1, maxTokens: 30, seed: 5 };
    const gen = await generate(model.runner, model.vocab, prompt, [], settings, {}, refs);
    const [all, withoutFirst, none] = await readTune(
      model.runner,
      model.vocab,
      [prompt.ids, prompt.ids, prompt.ids],
      gen.tokens,
      [refs, refs.slice(1), []],
    );
    expect(gen.memory).toEqual(all.memory);
    expect(all.memory.references.map((r) => r.start)).toEqual([prompt.ids.length, prompt.ids.length + refs[0].length]);
    expect(withoutFirst.memory.references).toEqual([{ start: prompt.ids.length, tokens: refs[1] }]);
    expect(none.memory.references).toEqual([]);
    const stepwise = await stepwiseAttention(model, prompt.ids, gen.tokens, refs);
    for (let i = 0; i < gen.tokens.length; i++) {
      const a = all.crossAttention[i];
      const b = stepwise[i];
      expect(a.length).toBe(b.length);
      expect(Math.max(...a.map((v, j) => Math.abs(v - b[j])))).toBeLessThan(1e-4);
    }
    // The rows differ only in their references, so their readings must too.
    expect(withoutFirst.total).not.toBeCloseTo(all.total, 6);
    expect(none.total).not.toBeCloseTo(all.total, 6);
  });

  it('keeps only the parts asked for, with the same log-probabilities as a full reading', async () => {
    const tokens = ['M:6/8', 'K:Dmaj', 'D', '2', 'F', 'A', '2', 'F', '|', 'd', '2', 'A', 'F', '2', 'A', '|'];
    const prompts = ['a jig in d major', 'a reel', 'slow air in g minor'].map((p) => model.vocab.encodePrompt(p).ids);
    const full = await readTune(model.runner, model.vocab, prompts, tokens);
    const lean = await readTune(model.runner, model.vocab, prompts, tokens, undefined, { attention: [1] });
    const vectors = await readTune(model.runner, model.vocab, prompts, tokens, undefined, {
      hidden: true,
      logits: true,
    });
    for (const [i, r] of lean.entries()) {
      expect(r.logProbs).toEqual(full[i].logProbs);
      expect(r.total).toBe(full[i].total);
      expect([r.hidden, r.logits]).toEqual([[], []]);
      expect(r.crossAttention).toEqual(i === 1 ? full[1].crossAttention : []);
      expect(vectors[i].hidden).toEqual(full[i].hidden);
      expect(vectors[i].logits).toEqual(full[i].logits);
      expect(vectors[i].crossAttention).toEqual([]);
    }
  });
  it('reads a share of the rows, padded as the whole batch, as the whole batch reads them', async () => {
    const tokens = ['M:6/8', 'K:Dmaj', 'D', '2', 'F', 'A', '2', 'F', '|', 'd', '2', 'A', 'F', '2', 'A', '|'];
    const ref = ['M:6/8', 'K:Dmaj', 'A', '2', 'F', 'D', '3', '|'];
    const words = ['a lively jig in d major for the fiddle', 'a jig', 'slow air', 'reel'];
    const prompts = words.map((p) => model.vocab.encodePrompt(p).ids);
    const refs = [[ref], [], [], [ref, ref]];
    const whole = await readTune(model.runner, model.vocab, prompts, tokens, refs, { attention: true });
    // The share's rows alone would need fewer word columns and no reference columns.
    expect(Math.max(prompts[1].length, prompts[2].length)).toBeLessThan(whole[0].memory.textLength);
    const memoryAtLeast = { textLength: whole[0].memory.textLength, refLength: 2 * ref.length };
    const share = await readTune(model.runner, model.vocab, prompts.slice(1, 3), tokens, refs.slice(1, 3), {
      attention: true,
      memoryAtLeast,
    });
    share.forEach((r, i) => {
      const w = whole[i + 1];
      expect(r.memory).toEqual(w.memory);
      expect(Math.max(...r.logProbs.map((v, j) => Math.abs(v - w.logProbs[j])))).toBeLessThan(1e-5);
      expect(r.crossAttention[5].length).toBe(w.crossAttention[5].length);
      expect(Math.max(...r.crossAttention[5].map((v, j) => Math.abs(v - w.crossAttention[5][j])))).toBeLessThan(1e-5);
    });
  });
});

describe('the reading a guided generation keeps along the way', () => {
  let model: LoadedModel;
  beforeAll(async () => {
    model = await loadNodeModel();
  });
  const maxDiff = (a: readonly Float32Array[], b: readonly Float32Array[]) => {
    expect(a.length).toBe(b.length);
    return Math.max(...a.map((x, i) => Math.max(...x.map((v, j) => Math.abs(v - b[i][j])))));
  };

  it.each([
    ['a tune that ends with </s>', 510, 'end'],
    ['a tune cut off at its length', 12, 'max-tokens'],
  ])('matches a teacher-forced reading under the prompt and the empty prompt: %s', async (_, maxTokens, stopped) => {
    const prompt = model.vocab.encodePrompt('a jig in d major');
    const settings = { ...DEFAULT_SETTINGS, maxTokens, seed: 3 };
    const gen = await generate(model.runner, model.vocab, prompt, ['M:6/8'], settings, { keepReading: true });
    expect(gen.stopped).toBe(stopped);
    const kept = gen.reading!;
    expect(kept.tokens).toEqual(gen.tokens);
    expect(kept.logits).toHaveLength(gen.tokens.length + 1);
    const [withPrompt, empty] = await readTune(
      model.runner,
      model.vocab,
      [prompt.ids, model.vocab.nullPrompt()],
      gen.tokens,
      undefined,
      { hidden: true, logits: true },
    );
    expect(maxDiff(kept.logits, withPrompt.logits)).toBeLessThan(1e-3);
    expect(maxDiff(kept.hidden, withPrompt.hidden)).toBeLessThan(1e-3);
    expect(maxDiff(kept.emptyHidden, empty.hidden)).toBeLessThan(1e-3);
  });

  it.each([
    ['not asked for', {}, DEFAULT_SETTINGS, []],
    ['guidance off (no empty-prompt row)', { keepReading: true }, { ...DEFAULT_SETTINGS, guidance: 1 }, []],
    ['with references (rows a reading does not have)', { keepReading: true }, DEFAULT_SETTINGS, [['M:6/8', 'D', 'E']]],
  ])('is left out when %s', async (_, hooks, settings, refs) => {
    const prompt = model.vocab.encodePrompt('a jig in d major');
    const gen = await generate(
      model.runner,
      model.vocab,
      prompt,
      [],
      { ...settings, maxTokens: 8, seed: 2 },
      hooks,
      refs,
    );
    expect(gen.reading).toBeUndefined();
  });

  it('is left out of a cancelled tune', async () => {
    const abort = new AbortController();
    const prompt = model.vocab.encodePrompt('a reel');
    const gen = await generate(
      model.runner,
      model.vocab,
      prompt,
      [],
      { ...DEFAULT_SETTINGS, seed: 1 },
      {
        keepReading: true,
        signal: abort.signal,
        onToken: (t) => t.index === 3 && abort.abort(),
      },
    );
    expect(gen.stopped).toBe('cancelled');
    expect(gen.reading).toBeUndefined();
  });
});
