import { describe, expect, it } from 'vitest';
import type { CatalogueEntry } from '../src/catalogue/catalogueEntry';
import { buildArrays, buildVocab, WITHHELD_CODE } from './writeArrays';

/** Just the fields the arrays are built from. */
const entry = (tokens: string[], captions: string[], split: CatalogueEntry['split']): CatalogueEntry =>
  ({ tokens, captions, split }) as unknown as CatalogueEntry;

const entries = [
  entry(['M:6/8', 'K:Dmaj', 'A', '2', '|'], ['a jig in d major', 'jig in 6/8', 'walrus jig', 'a zebra tune'], 'train'),
  entry(['M:4/4', 'K:Gmin', 'B', '|]'], ['a reel in g minor', 'reel walrus', 'f# reel', 'a tune'], 'test'),
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

  it('keeps caption words seen at least twice, and every musical word however rare', () => {
    expect(vocab.text.slice(0, 3)).toEqual(['<pad>', '<none>', '<unk>']);
    expect(vocab.text).toContain('walrus');
    expect(vocab.text).not.toContain('zebra');
    for (const w of ['mazurka', 'schottische', 'dorian', 'sharp', 'flat', '9/8', 'tender', 'and'])
      expect(vocab.text).toContain(w);
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
    expect([...third]).toEqual([word('f'), word('sharp'), word('reel')]);
    const fourth = arrays.captions.subarray(arrays.captionOffsets[3], arrays.captionOffsets[4]);
    expect([...fourth]).toEqual([word('a'), 2, word('tune')]); // "zebra" seen once: <unk>
    expect(arrays.captionOffsets[8]).toBe(arrays.captions.length);
  });

  it('codes splits as train 0, valid 1, test 2', () => {
    expect([...arrays.split]).toEqual([0, 2]);
  });

  it('writes a bar position for every music token', () => {
    expect(arrays.beats).toHaveLength(arrays.music.length);
    expect([...arrays.beats.subarray(0, 7)]).toEqual([0, 73, 73, 61, 49, 73, 73]);
  });
});

describe('buildArrays with transposed copies', () => {
  const copy = (tokens: string[]) => ({
    source: 0,
    key: { tonic: 'E', mode: 'maj' as const },
    tokens,
    captions: ['a jig in e'],
  });
  const variants = [copy(['M:6/8', 'K:Dmaj', 'A', '|']), copy(['M:6/8', 'K:Emaj', '^^B', '|'])];
  const vocab = buildVocab(entries, variants);
  const arrays = buildArrays(entries, vocab, variants);

  it('appends the copies as training rows pointing at their tune, and leaves out copies with unknown tokens', () => {
    expect([...arrays.split]).toEqual([0, 2, 0]);
    expect([...arrays.source]).toEqual([0, 1, 0]);
    expect(arrays.skippedVariants).toBe(1);
    expect(vocab.music).not.toContain('^^B');
  });
});

describe('buildArrays with training opt-outs', () => {
  const copy = (source: number) => ({
    source,
    key: { tonic: 'E', mode: 'maj' as const },
    tokens: ['M:6/8', 'K:Dmaj', 'A', '|'],
    captions: ['a jig in e'],
  });
  const variants = [copy(0), copy(1)];
  const vocab = buildVocab(entries, variants);

  it.each<[string, number[], number[], number[]]>([
    ['none withheld', [], [0, 2, 0, 0], [0, 1, 0, 1]],
    ['a training tune withheld: its row stays, marked, and its copies go', [0], [WITHHELD_CODE, 2, 0], [0, 1, 1]],
    ['a held-out tune keeps its split (it is never trained on)', [1], [0, 2, 0, 0], [0, 1, 0, 1]],
  ])('%s', (_, withheld, split, source) => {
    const arrays = buildArrays(entries, vocab, variants, new Set(withheld));
    expect([...arrays.split]).toEqual(split);
    expect([...arrays.source]).toEqual(source);
  });
});
