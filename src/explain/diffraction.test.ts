import { describe, expect, it } from 'vitest';
import { DEFAULT_ATTENTION_SETTINGS } from './attention';
import {
  attentionImportance,
  DEFAULT_MIN_RANK_DISTANCE,
  diffract,
  diffraction,
  diffractionInterpreter,
  ranksDisagree,
  type DiffractionSettings,
} from './diffraction';
import { defaultSettings } from './interpreter';
import { occlusion } from './occlusion';
import { tokenBars } from './tokenBars';

const LABELS = { attention: 'A', occlusion: 'O' };

describe('ranksDisagree', () => {
  it.each([
    // rank A, rank B, minimum distance, flagged
    [1, 2, DEFAULT_MIN_RANK_DISTANCE, false], // the 'jig': rank 1 against rank 2 is a near-tie
    [1, 3, DEFAULT_MIN_RANK_DISTANCE, true],
    [4, 1, DEFAULT_MIN_RANK_DISTANCE, true],
    [1.5, 3, DEFAULT_MIN_RANK_DISTANCE, false], // tied ranks share the mean: 1.5 places apart
    [1.5, 3.5, DEFAULT_MIN_RANK_DISTANCE, true],
    [1, 2, 1, true],
    [2, 2, 1, false],
    [2.5, 2, 1, false],
    [1, 4, 4, false],
    [1, 5, 4, true],
  ])('ranks %s and %s, at least %s apart: %s', (a, b, min, flagged) => {
    expect(ranksDisagree(a, b, min)).toBe(flagged);
  });

  it('a one-place difference is not flagged by default', () => {
    expect(DEFAULT_MIN_RANK_DISTANCE).toBe(2);
    const d = diffract(['jig', 'reel'], Float64Array.of(0.6, 0.4), Float64Array.of(0.1, 0.9), LABELS);
    expect(d.disagreements).toEqual([]);
    expect(d.minRankDistance).toBe(2);
  });
});

describe('diffract', () => {
  it('ranks both sides, agrees by Spearman and lists the biggest rank differences first', () => {
    // Descending ranks: attention [1, 2, 3], occlusion [3, 1, 2]; ascending ranks [3,2,1] vs [1,3,2] -> rho = -1/2.
    const d = diffract(['a', 'b', 'c'], Float64Array.of(0.5, 0.3, 0.2), Float64Array.of(0.1, 0.9, 0.2), LABELS, 3, 1);
    expect(d.spearman).toBeCloseTo(-0.5, 10);
    expect(d.kendall).toBeCloseTo(-1 / 3, 10);
    expect(d.reason).toBeNull();
    expect(d.disagreements.map((x) => [x.word, x.attentionRank, x.occlusionRank, x.difference])).toEqual([
      ['a', 1, 3, -2],
      ['b', 2, 1, 1],
      ['c', 3, 2, 1],
    ]);
  });

  it.each([
    ['no words', [], [], [], 'the prompt has no words'],
    ['one word', ['jig'], [1], [0.4], 'one word: a ranking needs at least two'],
    ['flat attention', ['a', 'b'], [0.5, 0.5], [1, 2], 'attention gives every item the same value'],
  ])('%s: agreement null with a reason', (_name, words, att, occ, reason) => {
    const d = diffract(words, Float64Array.from(att), Float64Array.from(occ), LABELS);
    expect([d.spearman, d.kendall, d.reason]).toEqual([null, null, reason]);
  });

  it('keeps the top few disagreements and leaves agreeing words out', () => {
    const d = diffract(['a', 'b', 'c', 'd'], Float64Array.of(4, 3, 2, 1), Float64Array.of(1, 3, 2, 4), LABELS, 1);
    expect(d.disagreements.map((x) => x.word)).toEqual(['a']);
    expect(d.spearman).toBeCloseTo(1 - (6 * 18) / (4 * 15), 10); // rank differences 3, 0, 0, -3
  });
});

describe('diffraction over attention and occlusion results', () => {
  const tokens = ['M:2/4', 'K:Dmaj', 'd', '|'];
  const bars = tokenBars(tokens);
  // L = 1, H = 1: word 1 gets 0.7 then 0.9 of the attention, word 2 the rest.
  const attention = {
    attention: [0.7, 0.7, 0.9, 0.9].map((a) => Float32Array.of(a, 1 - a)),
    layers: 1,
    heads: 1,
    words: ['slow', 'air'],
    tokens,
    bars,
  };
  const base = { logProbs: Float64Array.of(-1, -1, -1, -1, -1), total: -5 };
  const occ = occlusion({
    words: ['slow', 'air'],
    unknownWords: [],
    base,
    without: [
      { logProbs: Float64Array.of(-1, -1, -1, -1, -0.5), total: -4.5 },
      { logProbs: Float64Array.of(-2, -1, -1, -1, -1), total: -6 },
    ],
    bars,
  });
  const settings: DiffractionSettings = {
    ...defaultSettings(diffractionInterpreter.settingsSpec({ layers: 1, heads: 1 })),
  };

  it('uses mean attention over the tune tokens and with-minus-without occlusion', () => {
    expect(Array.from(attentionImportance(attention, DEFAULT_ATTENTION_SETTINGS))).toEqual([
      expect.closeTo(0.8, 6),
      expect.closeTo(0.2, 6),
    ]);
    const d = diffraction({ attention, occlusion: occ }, settings);
    expect(Array.from(d.occlusion)).toEqual([-0.5, 1]);
    expect(d.spearman).toBeCloseTo(-1, 10);
    expect(d.attentionLabel).toBe("mean cross-attention, all layers, all heads; mean over the tune's tokens");
  });

  it('can rank by the size of the change instead', () => {
    const d = diffraction({ attention, occlusion: occ }, { ...settings, occlusionSign: 'magnitude' });
    expect(Array.from(d.occlusion)).toEqual([0.5, 1]);
    expect(diffractionInterpreter.label({ ...settings, occlusionSign: 'magnitude' })).toMatch(/ vs size of the change/);
  });
});
