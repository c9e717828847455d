import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_PROMPT_WORDS } from './textTokens';
import { Vocab } from './vocab';

const vocab = new Vocab({
  music: ['<pad>', '<s>', '</s>', 'M:6/8', 'K:Dmaj', 'A', '2', '|'],
  text: ['<pad>', '<none>', '<unk>', 'a', 'jig', 'in', 'd', 'major', 'reel', 'sharp', 'f', 'minor', 'march', 'glass'],
});
const NONE = 1;
const UNK = 2;

describe('Vocab ids', () => {
  it('maps music tokens both ways and rejects unknown ones', () => {
    expect(vocab.musicSize).toBe(8);
    expect(vocab.musicId('K:Dmaj')).toBe(4);
    expect(vocab.musicToken(4)).toBe('K:Dmaj');
    expect(vocab.hasMusic('B')).toBe(false);
    expect(() => vocab.musicId('B')).toThrow(/"B"/);
  });

  it('reads unknown words as <unk> and does not count specials as words', () => {
    expect(vocab.textSize).toBe(14);
    expect(vocab.textId('jig')).toBe(4);
    expect(vocab.textId('polka')).toBe(UNK);
    expect(vocab.knowsWord('jig')).toBe(true);
    expect(vocab.knowsWord('<none>')).toBe(false);
  });
});

describe('Vocab.vocabularyForm', () => {
  it.each([
    ['jig', 'jig'],
    ['jigs', 'jig'],
    ['reels', 'reel'],
    ['marches', 'march'],
    ['glass', 'glass'],
    ['glasses', 'glass'],
    ['majors', 'major'],
    ['ds', null],
    ['<unk>', null],
    ['<none>s', null],
    ['jiggs', null],
    ['fiddles', null],
  ])('reads %s as %s', (word, form) => expect(vocab.vocabularyForm(word)).toBe(form));

  it('gives a plural its singular id and does not mark it unknown', () => {
    const p = vocab.encodePrompt('reels and jigs');
    expect([...p.ids]).toEqual([vocab.textId('reel'), UNK, vocab.textId('jig')]);
    expect(p.words).toEqual(['reels', 'and', 'jigs']);
    expect(p.unknownWords).toEqual(['and']);
  });
});

describe('Vocab.encodePrompt', () => {
  it('encodes each word, marking the unknown ones once', () => {
    const p = vocab.encodePrompt('A jig in F# minor, a polka polka');
    expect(p.words).toEqual(['a', 'jig', 'in', 'f', 'sharp', 'minor', 'a', 'polka', 'polka']);
    expect([...p.ids]).toEqual([3, 4, 5, 10, 9, 11, 3, UNK, UNK]);
    expect(p.unknownWords).toEqual(['polka']);
    expect(p).toMatchObject({ truncated: 0, empty: false });
  });

  it.each(['', '   ', '!?'])('makes the empty prompt %j the single <none> token', (text) => {
    const p = vocab.encodePrompt(text);
    expect([...p.ids]).toEqual([NONE]);
    expect(p).toMatchObject({ words: [], unknownWords: [], truncated: 0, empty: true });
    expect([...vocab.nullPrompt()]).toEqual([NONE]);
  });

  it(`keeps the first ${MAX_PROMPT_WORDS} words`, () => {
    const p = vocab.encodePrompt(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '));
    expect(p.words).toHaveLength(MAX_PROMPT_WORDS);
    expect(p.words.at(-1)).toBe(`w${MAX_PROMPT_WORDS - 1}`);
    expect(p.ids).toHaveLength(MAX_PROMPT_WORDS);
    expect(p.truncated).toBe(40 - MAX_PROMPT_WORDS);
  });

  it('never exceeds the word limit, and its unknown words are among its words', () => {
    const textArb = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc
        .array(fc.constantFrom('a', 'jig', 'polka', 'F#', 'in', 'D', 'major', '?', 'x1'), { maxLength: 60 })
        .map((w) => w.join(' ')),
    );
    fc.assert(
      fc.property(textArb, (text) => {
        const p = vocab.encodePrompt(text);
        expect(p.ids.length).toBeGreaterThanOrEqual(1);
        expect(p.ids.length).toBeLessThanOrEqual(MAX_PROMPT_WORDS);
        expect(p.words.length).toBeLessThanOrEqual(MAX_PROMPT_WORDS);
        for (const w of p.unknownWords) expect(p.words).toContain(w);
        expect(new Set(p.unknownWords).size).toBe(p.unknownWords.length);
        expect(p.empty).toBe(p.words.length === 0);
        for (const id of p.ids) expect(id).toBeLessThan(vocab.textSize);
      }),
      { seed: 31, numRuns: 300 },
    );
  });
});
