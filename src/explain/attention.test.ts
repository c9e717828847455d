import { describe, expect, it } from 'vitest';
import {
  aggregateHeads,
  aggregateLayers,
  attentionInterpreter,
  attentionLabel,
  attentionMatrix,
  columnMeans,
  DEFAULT_ATTENTION_SETTINGS,
  groupRowsByBar,
  matrixToCsv,
  normalise,
  rolloutWeights,
  type AttentionSettings,
  type LabelledMatrix,
} from './attention';
import { defaultSettings } from './interpreter';
import { tokenBars } from './tokenBars';

const close = (actual: ArrayLike<number>, expected: number[]) => {
  expect(actual.length).toBe(expected.length);
  expected.forEach((e, i) => expect(actual[i]).toBeCloseTo(e, 6));
};

// One token, L = 2 layers, H = 2 heads, T = 2 words, laid out (l, h, t).
//   layer 1: head 1 [1, 0], head 2 [0, 1]     layer 2: head 1 [0.5, 0.5], head 2 [1, 0]
const TOKEN = Float32Array.of(1, 0, 0, 1, 0.5, 0.5, 1, 0);

describe('aggregateHeads', () => {
  it.each([
    ['mean', 0, [0.5, 0.5, 0.75, 0.25]],
    ['max', 0, [1, 1, 1, 0.5]],
    ['one', 1, [0, 1, 1, 0]],
  ] as const)('%s (head index %i) gives (L, T) by hand', (how, head, expected) => {
    close(aggregateHeads(TOKEN, 2, 2, how, head), [...expected]);
  });
});

describe('aggregateLayers', () => {
  const byLayer = Float32Array.of(0.5, 0.5, 0.75, 0.25); // head means of TOKEN
  it.each([
    ['mean', 0, 0.5, [0.625, 0.375]],
    ['max', 0, 0.5, [0.75, 0.5]],
    ['one', 1, 0.5, [0.75, 0.25]],
    // R1 = 0.5 A1 = [.25,.25]; R2 = 0.5 R1 + 0.5 A2 = [.5,.25]; divided by 1 - 0.5^2 = 0.75.
    ['rollout', 0, 0.5, [2 / 3, 1 / 3]],
    // No residual: only the last layer's reading is left.
    ['rollout', 0, 0, [0.75, 0.25]],
  ] as const)('%s (layer index %i, residual %f)', (how, layer, residual, expected) => {
    close(aggregateLayers(byLayer, 2, how, layer, residual), [...expected]);
  });
});

describe('rolloutWeights', () => {
  it.each([
    [1, 0.5, [1]],
    [2, 0.5, [1 / 3, 2 / 3]],
    [3, 0.5, [1 / 7, 2 / 7, 4 / 7]],
    [3, 0, [0, 0, 1]],
  ])('L=%i, r=%f', (L, r, expected) => close(rolloutWeights(L, r), expected));
});

describe('normalise', () => {
  const m = Float32Array.of(1, 3, 2, 2);
  it.each([
    ['none', [1, 3, 2, 2]],
    ['row', [0.25, 0.75, 0.5, 0.5]],
    ['column', [1 / 3, 3 / 5, 2 / 3, 2 / 5]],
    ['minmax', [0, 1, 0.5, 0.5]],
  ] as const)('%s', (how, expected) => close(normalise(m, 2, 2, how), [...expected]));

  it.each([
    ['row', [0, 0, 0.5, 0.5]],
    ['column', [0, 0, 1, 1]],
    ['minmax', [0, 0, 1, 1]],
  ] as const)('%s leaves an all-zero row at 0', (how, expected) => {
    close(normalise(Float32Array.of(0, 0, 2, 2), 2, 2, how), [...expected]);
  });

  it('does not touch its input', () => {
    const input = Float32Array.of(1, 3);
    normalise(input, 1, 2, 'row');
    close(input, [1, 3]);
  });
});

describe('groupRowsByBar', () => {
  it('averages the rows of each bar and skips tokens outside bars', () => {
    const bars = { bar: Int32Array.of(-1, 0, 0, 1), count: 2, firstNumber: 1 as const };
    close(groupRowsByBar(Float32Array.of(9, 9, 1, 3, 3, 5, 2, 2), 2, bars), [2, 4, 2, 2]);
  });
});

describe('attentionLabel', () => {
  const s = (over: Partial<AttentionSettings>): AttentionSettings => ({
    ...DEFAULT_ATTENTION_SETTINGS,
    rows: 'token',
    ...over,
  });
  it.each([
    [{}, 'mean cross-attention, all layers, all heads'],
    [{ layers: 'one', layer: 3 }, 'mean cross-attention, layer 3, all heads'],
    [{ layers: 'one', layer: 3, heads: 'one', head: 2 }, 'cross-attention, layer 3, head 2'],
    [{ heads: 'one', head: 2, layers: 'max' }, 'max cross-attention, all layers, head 2'],
    [{ heads: 'max' }, 'cross-attention, mean over layers, max over heads'],
    [{ layers: 'rollout' }, 'mean cross-attention, rolled out over layers (residual share 0.5), all heads'],
    [
      { rows: 'bar', normalise: 'row' },
      "mean cross-attention, all layers, all heads; mean over each bar's tokens; each row scaled to sum 1",
    ],
  ] as [Partial<AttentionSettings>, string][])('%j', (over, label) => expect(attentionLabel(s(over))).toBe(label));
});

describe('attentionMatrix', () => {
  // Two tokens, L = 1, H = 1, T = 3 (the third column is padding past a two-word prompt).
  const input = {
    attention: [Float32Array.of(0.25, 0.75, 0), Float32Array.of(0.5, 0.5, 0), Float32Array.of(1, 0, 0)],
    layers: 1,
    heads: 1,
    words: ['slow', 'air'],
    tokens: ['d', 'e'],
  };

  it('gives token rows, drops padding columns and rows past the tune (</s>)', () => {
    const m = attentionMatrix(input, { ...DEFAULT_ATTENTION_SETTINGS, rows: 'token' });
    expect([m.rows, m.cols, m.rowKind]).toEqual([2, 2, 'token']);
    expect(m.rowLabels).toEqual(['1: d', '2: e']);
    expect(m.colLabels).toEqual(['slow', 'air']);
    close(m.data, [0.25, 0.75, 0.5, 0.5]);
    close(m.rowIndex, [0, 1]);
    close(columnMeans(m), [0.375, 0.625]);
  });

  it('groups rows by bar', () => {
    const bars = tokenBars(['M:2/4', 'K:Dmaj', 'd', '|', 'e']);
    const m = attentionMatrix(
      {
        ...input,
        attention: [
          Float32Array.of(1, 0),
          Float32Array.of(1, 0),
          Float32Array.of(0.2, 0.8),
          Float32Array.of(0.4, 0.6),
          Float32Array.of(0, 1),
        ],
        tokens: ['M:2/4', 'K:Dmaj', 'd', '|', 'e'],
        bars,
      },
      { ...DEFAULT_ATTENTION_SETTINGS, rows: 'bar' },
    );
    expect(m.rowLabels).toEqual(['bar 0', 'bar 1']);
    close(m.data, [0.3, 0.7, 0, 1]);
    expect(m.label).toMatch(/mean over each bar's tokens/);
  });

  it('has one <none> column for an empty prompt', () => {
    const m = attentionMatrix(
      { ...input, attention: [Float32Array.of(1)], words: [], tokens: ['M:2/4'] },
      { ...DEFAULT_ATTENTION_SETTINGS, rows: 'token' },
    );
    expect(m.colLabels).toEqual(['<none>']);
    close(m.data, [1]);
  });

  it('needs bars to group by bar', () => {
    expect(() => attentionMatrix(input, DEFAULT_ATTENTION_SETTINGS)).toThrow(/need the tune's bars/);
  });

  it('adds one column per reference bar (and its meter and key), summing the bar’s tokens', () => {
    // T = 2 words; reference 1 = bars 3-4 of its tune, with a |: between them, at columns 2..10;
    // reference 2 = bar 1 of another at columns 11..14.
    const ref1 = ['M:2/4', 'K:Dmaj', 'd', 'e', ':|', '|:', 'f', '2', '|'];
    const ref2 = ['M:6/8', 'K:Gmaj', 'g', '|'];
    const row = Float32Array.from([
      0.1, 0.2, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.1, 0.1, 0.05, 0.05,
    ]);
    const m = attentionMatrix(
      {
        attention: [row],
        layers: 1,
        heads: 1,
        words: ['slow', 'air'],
        tokens: ['M:2/4'],
        references: [
          { start: 2, tokens: ref1, firstBar: 3, name: 'The Kesh' },
          { start: 11, tokens: ref2, firstBar: 1 },
        ],
      },
      { ...DEFAULT_ATTENTION_SETTINGS, rows: 'token' },
    );
    expect(m.colLabels).toEqual([
      'slow',
      'air',
      'ref 1 · meter/key',
      'ref 1 · bar 3',
      'ref 1 · bar 4',
      'ref 2 · meter/key',
      'ref 2 · bar 1',
    ]);
    // The |: goes with bar 4, the bar it opens, so the columns sum to all the attention.
    close(m.data, [0.1, 0.2, 0.03, 0.03 + 0.04 + 0.05, 0.06 + 0.07 + 0.08 + 0.09, 0.2, 0.1]);
    close([m.data.reduce((a, x) => a + x, 0)], [row.reduce((a, x) => a + x, 0)]);
    expect(m.colGroups).toEqual([
      { label: 'prompt', start: 0, count: 2 },
      { label: 'ref 1 · The Kesh', start: 2, count: 3 },
      { label: 'ref 2', start: 5, count: 2 },
    ]);
    expect(m.label).toMatch(/reference columns sum each reference bar's tokens$/);
  });

  it('has no column groups without references', () => {
    expect(attentionMatrix(input, { ...DEFAULT_ATTENTION_SETTINGS, rows: 'token' }).colGroups).toBeUndefined();
  });
});

describe('matrixToCsv', () => {
  it('writes the label in the corner, quotes cells that need it, and rounds to 6 significant digits', () => {
    const m: LabelledMatrix = {
      rows: 2,
      cols: 2,
      data: Float32Array.of(1 / 3, 0, 0.5, NaN),
      rowLabels: ['bar 1', 'bar "2"'],
      colLabels: ['d', '6/8, fast'],
      label: 'mean cross-attention, all layers, all heads',
      rowKind: 'bar',
      rowIndex: Int32Array.of(0, 1),
    };
    expect(matrixToCsv(m)).toBe(
      '"mean cross-attention, all layers, all heads",d,"6/8, fast"\nbar 1,0.333333,0\n"bar ""2""",0.5,\n',
    );
  });
});

describe('attentionInterpreter', () => {
  it('declares defaults that match DEFAULT_ATTENTION_SETTINGS and ranges from the model shape', () => {
    const spec = attentionInterpreter.settingsSpec({ layers: 4, heads: 4 });
    expect(defaultSettings(spec)).toEqual(DEFAULT_ATTENTION_SETTINGS);
    expect([spec.layer.min, spec.layer.max, spec.head.max]).toEqual([1, 4, 4]);
  });
});
