import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEWS } from '../../journal/journalViews';
import { occlusion } from '../../explain/occlusion';
import { tokenBars } from '../../explain/tokenBars';
import { compareSides, sideLabel } from './sides';

const TOKENS = ['M:6/8', 'K:Dmaj', 'D', '2', 'F', 'A', '|'];
const bars = tokenBars(TOKENS);
const reading = (shift: number) => ({
  logProbs: Float64Array.from({ length: TOKENS.length + 1 }, () => -1 + shift / 8),
  total: -8 + shift,
});

/** Three words; attention (one layer, one head) puts 0.5, 0.3, 0.2 on them; occlusion ranks them 2, 3, 1. */
function inputs(words = ['slow', 'jig', 'in']) {
  const attention = {
    attention: TOKENS.map(() => Float32Array.from([0.5, 0.3, 0.2].slice(0, words.length))),
    layers: 1,
    heads: 1,
    words,
    tokens: TOKENS,
    bars,
  };
  const shifts = [-1, 0, -3].slice(0, words.length);
  const occ = occlusion({ words, unknownWords: [], base: reading(0), without: shifts.map(reading), bars });
  return { attention, occlusion: occ };
}

const { a, b } = DEFAULT_VIEWS.diffraction;

describe('diffraction sides', () => {
  it('compares attention with occlusion and names each side', () => {
    const r = compareSides(a, b, inputs(), 5);
    expect(Array.from(r.a, (x) => Math.round(x * 10) / 10)).toEqual([0.5, 0.3, 0.2]);
    expect(Array.from(r.b, (x) => x + 0)).toEqual([1, 0, 3]);
    expect(r.labelA).toContain('cross-attention');
    expect(r.labelB).toBe('occlusion: log-probability of the tune with the word minus without it');
    expect(r.diffraction.spearman).toBeCloseTo(-0.5);
    expect(r.diffraction.disagreements[0].word).toBe('in');
  });

  it('puts attention against attention with the reason in side terms', () => {
    const r = compareSides(a, { ...a, layers: 'rollout' }, inputs(), 5);
    expect(r.diffraction.spearman).toBeCloseTo(1);
    expect(sideLabel({ ...a, layers: 'rollout' })).toContain('rolled out over layers');
    const flat = compareSides({ ...b, occlusionSign: 'magnitude' }, b, inputs(['a', 'b']), 5);
    expect(flat.diffraction.reason).toBeNull();
  });

  it('flags a near-tie only when the rank distance asks for it', () => {
    // Ranks: attention 1, 2, 3; occlusion 2, 3, 1: 'slow' and 'jig' are one place apart, 'in' two.
    const words = (r: ReturnType<typeof compareSides>) => r.diffraction.disagreements.map((x) => x.word);
    expect(words(compareSides(a, b, inputs(), 5, DEFAULT_VIEWS.diffraction.minRankDistance))).toEqual(['in']);
    expect(words(compareSides(a, b, inputs(), 5, 1))).toEqual(['in', 'slow', 'jig']);
    expect(words(compareSides(a, b, inputs(), 5, 3))).toEqual([]);
  });

  it('explains one-word and empty prompts', () => {
    expect(compareSides(a, b, inputs(['jig']), 5).diffraction.reason).toBe('one word: a ranking needs at least two');
    const empty = compareSides(a, b, inputs([]), 5);
    expect(empty.diffraction.reason).toBe('the prompt has no words');
    expect(empty.a).toHaveLength(0);
  });
});
