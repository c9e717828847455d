import { describe, expect, it } from 'vitest';
import type { NoteSequence } from '../music/noteSequence';
import { abcToTokens } from '../tokenizer/musicTokens';
import { checkSettings, defaultSettings } from './interpreter';
import {
  DEFAULT_NEIGHBOUR_SETTINGS,
  findNeighbours,
  neighboursInterpreter,
  type NeighbourCatalogue,
  type NeighbourSettings,
} from './neighbours';
import { compareNeighbourLists } from './neighboursCompare';
import { tokensToNoteSequence } from './neighboursIndex';
import { buildNgramIndex } from './ngram';
import { vectorSet } from './vectors';

const tune = (body: string, key = 'D') => tokensToNoteSequence(abcToTokens(`M:4/4\nL:1/8\nK:${key}\n${body}\n`));
const TUNES = [
  tune('|: d2ef gfed | cdeA B2AG | FGAB AFDF | E2DE F4 :|'),
  tune('|: A2FA dAFA | G2EG cGEG | A2FA d2fe | dcBc d4 :|'),
  tune('|: fedc BAGF | EFGA B2e2 | fedc BAGF | E2E2 E4 :|', 'Em'),
  tune('|: DFAd fdAF | GBdg bgdB | AFDE FGAF | GFED D4 :|'),
];
// Four orthogonal directions: each tune's vector is its own axis.
const axes = (n: number) =>
  vectorSet(
    Float32Array.from({ length: n * n }, (_, i) => (i % (n + 1) === 0 ? 1 : 0)),
    n,
    n,
  );

const catalogue: NeighbourCatalogue = {
  ids: ['t0', 't1', 't2', 't3'],
  titles: ['Zero', 'One', 'Two', 'Three'],
  training: Uint8Array.of(1, 1, 1, 0),
  text: axes(4),
  music: axes(4),
  gradient: axes(4),
  sketch: { k: 4, blocks: 1, seed: 1, features: 4 },
  ngrams: buildNgramIndex(TUNES),
  sequence: (i) => TUNES[i],
};
const settings = (s: Partial<NeighbourSettings>): NeighbourSettings => ({ ...DEFAULT_NEIGHBOUR_SETTINGS, k: 3, ...s });
const up = (seq: NoteSequence, by: number): NoteSequence => ({
  ...seq,
  notes: seq.notes.map((n) => ({ ...n, midi: n.midi + by })),
});

describe('findNeighbours', () => {
  it.each(['text', 'music', 'gradient'] as const)(
    '%s: the identical vector ranks first, orthogonal ones score 0',
    (measure) => {
      const key = { text: 'textEmbedding', music: 'musicEmbedding', gradient: 'gradientSketch' }[measure];
      const list = findNeighbours({ catalogue, query: { [key]: Float32Array.of(0, 3, 0, 0) } }, settings({ measure }));
      expect(list.unavailable).toBeNull();
      expect(list.neighbours[0]).toMatchObject({ id: 't1', rank: 1, measure, index: 1 });
      expect(list.neighbours[0].score).toBeCloseTo(1, 6);
      expect(list.neighbours.slice(1).map((n) => n.score)).toEqual([0, 0]);
      expect(list.neighbours[0].label).toMatch(measure);
      expect(list.label).toMatch(/top 3 of training tunes/);
    },
  );

  it('ranks a transposed copy first under n-grams, with the shared passages', () => {
    const list = findNeighbours({ catalogue, query: { sequence: up(TUNES[2], 5) } }, settings({ measure: 'ngram' }));
    expect(list.neighbours[0]).toMatchObject({ id: 't2', score: 1, rank: 1 });
    const [p] = list.neighbours[0].passages!;
    expect(p.transposition).toBe(-5);
    expect(p.query.lastNote - p.query.firstNote).toBe(TUNES[2].notes.length - 1);
  });

  it('leaves out tunes outside the training split unless asked', () => {
    const query = { gradientSketch: Float32Array.of(0, 0, 0, 1) };
    const train = findNeighbours({ catalogue, query }, settings({ k: 4 }));
    expect(train.candidates).toBe(3);
    expect(train.neighbours.map((n) => n.id)).not.toContain('t3');
    expect(train.ranks[3]).toBe(0);
    expect(train.scores[3]).toBeNaN();
    const all = findNeighbours({ catalogue, query }, settings({ k: 4, candidates: 'all' }));
    expect(all.neighbours[0].id).toBe('t3');
  });

  it('says why a measure cannot run instead of ranking', () => {
    const list = findNeighbours({ catalogue, query: {} }, settings({ measure: 'text' }));
    expect(list.neighbours).toEqual([]);
    expect(list.unavailable).toMatch(/prompt/);
  });

  it('labels gradient scores as estimates', () => {
    const list = findNeighbours({ catalogue, query: { gradientSketch: Float32Array.of(1, 0, 0, 0) } }, settings({}));
    expect(list.label).toMatch(/estimate/);
    expect(list.neighbours[0].label).toMatch(/estimate/);
  });
});

describe('compareNeighbourLists', () => {
  it("gives the top-k overlap and each tune's rank under both measures", () => {
    const a = findNeighbours(
      { catalogue, query: { textEmbedding: Float32Array.of(3, 2, 1, 0) } },
      settings({ measure: 'text', k: 2 }),
    );
    const b = findNeighbours(
      { catalogue, query: { musicEmbedding: Float32Array.of(1, 2, 3, 0) } },
      settings({ measure: 'music', k: 2 }),
    );
    const c = compareNeighbourLists(a, b);
    expect(c.k).toBe(2);
    expect(c.overlap).toBe(0.5); // t1 in both
    expect(c.items.map((i) => [i.id, i.rankA, i.rankB, i.change])).toEqual([
      ['t0', 1, 3, 2],
      ['t1', 2, 2, 0],
      ['t2', 3, 1, -2],
    ]);
    expect(c.label).toMatch(/1 of 2/);
    expect(c.spearman).toBeCloseTo(-1, 6); // 3 > 2 > 1 against 1 < 2 < 3 over the three training tunes
  });

  it('is 1 for a list against itself', () => {
    const a = findNeighbours(
      { catalogue, query: { textEmbedding: Float32Array.of(3, 2, 1, 0) } },
      settings({ measure: 'text' }),
    );
    expect(compareNeighbourLists(a, a).overlap).toBe(1);
    expect(compareNeighbourLists(a, a).spearman).toBeCloseTo(1, 6);
  });
});

describe('neighboursInterpreter', () => {
  const spec = neighboursInterpreter.settingsSpec({ layers: 4, heads: 4 });
  it('declares the defaults the module uses', () => {
    expect(defaultSettings(spec)).toEqual(DEFAULT_NEIGHBOUR_SETTINGS);
  });
  it('rejects k outside 1..100', () => {
    expect(checkSettings(spec, { k: 0 }).problems).toEqual(['k must be an integer from 1 to 100']);
    expect(checkSettings(spec, { k: 101 }).problems).toHaveLength(1);
  });
  it('runs as findNeighbours', () => {
    const out = neighboursInterpreter.run(
      { catalogue, query: { gradientSketch: Float32Array.of(0, 0, 1, 0) } },
      settings({}),
    );
    expect(out.neighbours[0].id).toBe('t2');
  });
});
