import { describe, expect, it } from 'vitest';
import { cosineScores } from './vectors';
import { buildNeighbourCatalogue, idsFnv1a, indexProblems, type NeighbourIndexHeader } from './neighboursIndex';

const header = (over: Partial<NeighbourIndexHeader> = {}): NeighbourIndexHeader => ({
  version: 1,
  command: 'npm run catalogue:index',
  count: 2,
  idsFnv1a: idsFnv1a(['a', 'b']),
  model: { weights: 'test', encoderSha256: 'e'.repeat(64), decoderSha256: 'd'.repeat(64) },
  sets: {
    text: { file: 'neighbours-text.bin', bytes: 14, sha256: '', dim: 3, method: '', centre: [1, 1, 1] },
    music: { file: 'neighbours-music.bin', bytes: 14, sha256: '', dim: 3, method: '' },
    gradient: {
      file: 'neighbours-gradient.bin',
      bytes: 14,
      sha256: '',
      dim: 3,
      method: '',
      k: 3,
      blocks: 1,
      seed: 5,
      features: 9,
      layout: '',
      projection: '',
      fidelity: null,
    },
  },
  ...over,
});

const file = (scales: number[], values: number[]) => {
  const bytes = new Uint8Array(scales.length * 4 + values.length);
  new Float32Array(bytes.buffer, 0, scales.length).set(scales);
  new Int8Array(bytes.buffer, scales.length * 4).set(values);
  return bytes;
};

describe('idsFnv1a', () => {
  it('matches fnv1a in training/attribution.py', () => {
    expect(idsFnv1a(['a', 'b-c', 'airdsAirs-book1-0001'])).toBe('e3ac9b69');
  });
});

describe('indexProblems', () => {
  it('accepts an index made for this catalogue and model', () => {
    expect(indexProblems(header(), ['a', 'b'], 'd'.repeat(64))).toEqual([]);
  });
  it('names a stale catalogue, a stale model and the rebuild command', () => {
    const problems = indexProblems(header(), ['a', 'c'], 'f'.repeat(64));
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/another catalogue.*npm run catalogue:index/);
    expect(problems[1]).toMatch(/another model/);
  });
});

describe('buildNeighbourCatalogue', () => {
  const entries = [
    { id: 'a', titles: ['Tune A'], split: 'train', tokens: ['M:4/4', 'K:Dmaj', 'd', 'e', 'f', 'g', 'a', 'b', '|'] },
    { id: 'b', titles: [], split: 'valid', tokens: ['M:4/4', 'K:Dmaj', 'd', '4', '|'] },
  ];
  it('decodes the vector files, keeps the text centre and builds the n-gram index', () => {
    const c = buildNeighbourCatalogue(entries, {
      header: header(),
      files: { text: file([1, 0.5], [3, 4, 0, 0, 0, 2]) },
    });
    expect(c.titles).toEqual(['Tune A', 'b']);
    expect(Array.from(c.training)).toEqual([1, 0]);
    // Rows (3, 4, 0) * 1 and (0, 0, 2) * 0.5: unit rows (0.6, 0.8, 0) and (0, 0, 1).
    expect(Array.from(cosineScores(c.text!, [1.6, 1.8, 1]))).toEqual([1, 0].map(Math.fround));
    expect(Array.from(c.text!.norms)).toEqual([5, 1]);
    expect(Array.from(c.text!.centre!)).toEqual([1, 1, 1]);
    expect(c.music).toBeNull();
    expect(c.sketch).toEqual({ k: 3, blocks: 1, seed: 5, features: 9 });
    expect(c.ngrams!.sizes[0]).toBe(2);
    expect(c.sequence(0).notes).toHaveLength(6);
  });
  it('skips the n-gram index when asked', () => {
    expect(buildNeighbourCatalogue(entries, { ngram: false }).ngrams).toBeNull();
  });
});
