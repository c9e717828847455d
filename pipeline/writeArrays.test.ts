import { describe, expect, it } from 'vitest';
import type { CatalogueEntry } from './buildCorpus';
import { buildArrays, buildVocab } from './writeArrays';

/** Just the fields the arrays are built from. */
const entry = (tokens: string[], captions: string[], split: CatalogueEntry['split']): CatalogueEntry =>
  ({ tokens, captions, split }) as unknown as CatalogueEntry;

const entries = [
  entry(['M:6/8', 'K:Dmaj', 'A', '2', '|'], ['a jig in d major', 'jig in 6/8', 'lively jig', 'a tune'], 'train'),
  entry(['M:4/4', 'K:Gmin', 'B', '|]'], ['a reel in g minor', 'reel', 'f# reel', 'a tune'], 'test'),
];

describe('buildVocab', () => {
  const vocab = buildVocab(entries);

  it('puts the specials first, then tokens sorted by code point', () => {
    expect(vocab.music).toEqual([
      '<pad>',
      '<s>',
      '</s>',
      '2',
      'A',
      'B',
      'K:Dmaj',
      'K:Gmin',
      'M:4/4',
      'M:6/8',
      '|',
      '|]',
    ]);
  });

  it('keeps caption words seen at least twice', () => {
    expect(vocab.text).toEqual(['<pad>', '<none>', '<unk>', 'a', 'in', 'jig', 'reel', 'tune']);
  });
});

describe('buildArrays', () => {
  const vocab = buildVocab(entries);
  const arrays = buildArrays(entries, vocab);
  const word = (w: string) => vocab.text.indexOf(w);

  it('frames each tune with <s> and </s>', () => {
    expect([...arrays.musicOffsets]).toEqual([0, 7, 13]);
    expect([...arrays.music].map((id) => vocab.music[id])).toEqual(
      ['<s>', 'M:6/8', 'K:Dmaj', 'A', '2', '|', '</s>'].concat(['<s>', 'M:4/4', 'K:Gmin', 'B', '|]', '</s>']),
    );
  });

  it('writes every caption, with rare words as <unk>, and the tune it belongs to', () => {
    expect(arrays.captionOffsets).toHaveLength(9);
    expect([...arrays.captionTune]).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
    const third = arrays.captions.subarray(arrays.captionOffsets[6], arrays.captionOffsets[7]);
    expect([...third]).toEqual([2, 2, word('reel')]); // "f# reel": f, sharp unseen twice
    expect(arrays.captionOffsets[8]).toBe(arrays.captions.length);
  });

  it('codes splits as train 0, valid 1, test 2', () => {
    expect([...arrays.split]).toEqual([0, 2]);
  });
});
