import { describe, expect, it } from 'vitest';
import { ablationShares } from '../explain/ablation';
import type { ReferencePassages } from '../explain/referencePassages';
import type { Reference } from '../music/excerpt';
import { validRegistry } from '../rights/registryFixtures';
import { termsForSource, termsForTune } from '../rights/terms';
import { attributionRecord, generationAttribution, gradientEstimateOf, trainingSetHolders } from './record';

const registry = validRegistry();
const termsOfTune = (id: string) => termsForTune(registry, id);
const ref = (kind: 'catalogue' | 'abc', id: string, title: string): Reference => ({
  source: { kind, id, title },
  first: 1,
  last: 2,
  tokens: ['M:6/8', 'K:D', 'A', '|'],
});
const passages = (coverage: number, share: number, index: number): ReferencePassages => ({
  index,
  passages: [],
  coverage,
  share,
});

const references = [
  ref('catalogue', 'oneills1850-5', 'Town'),
  ref('abc', 'own.abc', 'Own'),
  ref('catalogue', 'airdsAirs-book1-0001', 'Air'),
];
const ablation = ablationShares(
  { logProbs: [], total: -10 },
  [-16, -11, -10.5].map((total) => ({ logProbs: [], total })),
);
const list = {
  label: 'gradient cosine (an estimate)',
  neighbours: [{ id: 'airdsAirs-book1-0001', title: 'Air', score: 0.5, rank: 1 }],
  scores: Float32Array.from([0.5, 0.1, 0.2, NaN]),
  ranks: Int32Array.from([1, 3, 2, 0]),
  candidates: 3,
};
const ids = ['airdsAirs-book1-0001', 'airdsAirs-book1-0002', 'oneills1850-5', 'miscFolk-fife-1'];

describe('attributionRecord', () => {
  const record = attributionRecord({
    references,
    terms: references.map((r) => termsForSource(registry, r.source)),
    ablation,
    passages: [passages(0.5, 0.5, 0), passages(0, 0, 1), passages(0.5, 0.5, 2)],
    gradient: gradientEstimateOf(list, ids),
    termsOfTune,
  });

  it('names each reference with its holder and both measured shares', () => {
    expect(record.references.map((r) => [r.label, r.holder.name, r.holder.waives])).toEqual([
      ['Town, bars 1-2', "O'Neill Society", false],
      ['Own, bars 1-2', 'You (music you brought)', true],
      ['Air, bars 1-2', 'Open Trust', true],
    ]);
    expect(record.references.map((r) => r.ablation.share)).toEqual([6 / 7.5, 1 / 7.5, 0.5 / 7.5]);
  });

  it('puts the gradient estimate of catalogue references beside them, and none for own ABC', () => {
    expect(record.references.map((r) => r.gradient)).toEqual([
      { score: expect.closeTo(0.2, 6), rank: 2 },
      null,
      { score: 0.5, rank: 1 },
    ]);
    expect(record.training.top).toEqual([
      {
        id: 'airdsAirs-book1-0001',
        title: 'Air',
        score: 0.5,
        rank: 1,
        holder: { id: 'Open Trust', name: 'Open Trust', waives: true },
      },
    ]);
    expect(record.training.caveat).toContain('estimate');
  });

  it('counts the pairs of references each two measures order alike', () => {
    // Ablation: Town > Own > Air. Passages: Town = Air > Own. Gradient over Town and Air: Air > Town.
    expect(record.agreement.ablationVsPassages).toEqual({ agreeing: 1, pairs: 3 });
    expect(record.agreement.ablationVsGradient).toEqual({ agreeing: 0, pairs: 1 });
  });

  it('says why there is no training estimate', () => {
    const without = attributionRecord({
      references: [],
      terms: [],
      ablation: ablationShares({ logProbs: [], total: -1 }, []),
      passages: [],
      gradient: null,
      gradientUnavailable: 'the index is for another model',
      termsOfTune,
    });
    expect(without.training).toMatchObject({ top: [], unavailable: 'the index is for another model' });
    expect(without.agreement.ablationVsGradient).toBeNull();
  });

  it('gives the ledger its generation', () => {
    const g = generationAttribution(record, { generationId: 't1', createdAt: 5, prompt: 'a jig', seed: 3 });
    expect(g.references.map((r) => [r.tuneId, r.share])).toEqual(
      record.references.map((r) => [r.id, r.ablation.share]),
    );
    expect(g.training).toHaveLength(1);
  });
});

describe('trainingSetHolders', () => {
  it('counts the training tunes per holder, most first', () => {
    expect(trainingSetHolders(ids, termsOfTune).map((h) => [h.holder.name, h.tunes])).toEqual([
      ['Open Trust', 2],
      ['Nobody', 1],
      ["O'Neill Society", 1],
    ]);
  });
});
