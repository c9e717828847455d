import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NeighbourQuery } from '../src/explain/neighbours';
import type { NeighbourIndexHeader } from '../src/explain/neighboursIndex';
import { neighbourQueryVectors } from '../src/explain/neighboursQuery';
import { cosine } from '../src/explain/vectors';
import { readCatalogue } from './catalogue';
import { readIndexHeader } from './neighboursSetup';
import { loadNodeModel, type LoadedModel } from './nodeModel';

interface Reference {
  seed: number;
  k: number;
  blocks: number;
  tunes: { id: string; caption: string; text: number[]; music: number[]; gradient: number[] }[];
}

// Written by training/attribution.py (npm run catalogue:index) from the same weights as public/models.
const reference = JSON.parse(readFileSync('training/golden/attribution.json', 'utf8')) as Reference;

function relativeError(got: Float32Array, want: number[]): number {
  let diff = 0;
  let norm = 0;
  want.forEach((w, i) => {
    diff += (got[i] - w) ** 2;
    norm += w * w;
  });
  return Math.sqrt(diff / norm);
}

describe('query vectors through onnxruntime-node against training/attribution.py', () => {
  let model: LoadedModel;
  let header: NeighbourIndexHeader;
  const vectors = new Map<string, NeighbourQuery>();
  beforeAll(async () => {
    model = await loadNodeModel();
    header = readIndexHeader();
    const entries = readCatalogue().entries;
    for (const t of reference.tunes) {
      const entry = entries.find((e) => e.id === t.id)!;
      vectors.set(
        t.id,
        await neighbourQueryVectors(model.runner, model.vocab, {
          prompt: model.vocab.encodePrompt(t.caption).ids,
          tokens: entry.tokens,
          measures: ['text', 'music', 'gradient'],
          sketch: header.sets.gradient,
        }),
      );
    }
  }, 120_000);

  it('uses the model and projection the index was built with', () => {
    expect(header.model.decoderSha256).toBe(model.modelSha256);
    expect([header.sets.gradient.seed, header.sets.gradient.k, header.sets.gradient.blocks]).toEqual([
      reference.seed,
      reference.k,
      reference.blocks,
    ]);
  });

  it.each(reference.tunes.map((t) => [t.id, t] as const))('%s: text, music and gradient vectors agree', (id, t) => {
    const v = vectors.get(id)!;
    for (const [name, got, want] of [
      ['text', v.textEmbedding!, t.text],
      ['music', v.musicEmbedding!, t.music],
      ['gradient', v.gradientSketch!, t.gradient],
    ] as const) {
      expect(got.length, name).toBe(want.length);
      expect(relativeError(got, want), name).toBeLessThan(1e-5);
      expect(cosine(got, want), name).toBeGreaterThan(0.99999);
    }
  });
});
