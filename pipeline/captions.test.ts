import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../src/runtime/prng';
import type { Header } from '../src/music/abcParse';
import {
  CAPTIONS_PER_TUNE,
  captionsFor,
  keyWords,
  regionOf,
  spellKey,
  spellMeter,
  tempoWord,
  titleWords,
  tuneType,
} from './captions';
import { COLLECTIONS, creditsOf } from './credits';

const header = (fields: Record<string, string[]>): Header => fields;
const byFolder = (folder: string) => COLLECTIONS.find((c) => c.folder === folder)!;

describe('tuneType', () => {
  it.each([
    [{ R: ['Reel'] }, 'reel'],
    [{ R: ['slipjig'] }, 'slip jig'],
    [{ T: ['Miss Smith -- Strathspey'] }, 'strathspey'],
    [{ T: ['The Highland Fling'] }, 'highland fling'],
    [{ T: ['Jigs'] }, 'jig'],
    [{ R: ['double jig'] }, 'double jig'],
    [{ T: ['Reelection Day'] }, null],
    [{}, null],
  ])('%o -> %s', (fields, type) => {
    expect(tuneType(header(fields))).toBe(type);
  });
});

describe('tempoWord', () => {
  it.each([
    [{ N: ['"Very slow"'] }, 'very slow'],
    [{ N: ['Lively'] }, 'lively'],
    [{ Q: ['1/4=60'] }, 'slow'],
    [{ Q: ['1/4=100'] }, 'moderate'],
    [{ Q: ['3/8=120'] }, 'lively'],
    [{}, null],
  ])('%o -> %s', (fields, word) => {
    expect(tempoWord(header(fields))).toBe(word);
  });
});

describe('caption words', () => {
  it('takes up to four content words from the first title', () => {
    expect(titleWords(header({ T: ["The Lass o' Gowrie's Delight in the Morning -- Reel"] }))).toEqual([
      'lass',
      'gowries',
      'delight',
      'morning',
    ]);
  });

  it.each([
    [{ tonic: 'F#', mode: 'min' as const }, 'f sharp minor'],
    [{ tonic: 'Bb', mode: 'maj' as const }, 'b flat major'],
    [{ tonic: 'A', mode: 'dor' as const }, 'a dorian'],
  ])('keyWords(%o)', (key, words) => {
    expect(keyWords(key)).toBe(words);
  });

  it('takes the region from the collection, else from the header', () => {
    expect(regionOf(byFolder('oneills1850'), header({}))).toBe('irish');
    expect(regionOf(byFolder('miscFolk'), header({ T: ['Northumbrian Air'] }))).toBe('northumbrian');
    expect(regionOf(byFolder('airdsAirs'), header({ T: ['A Scots Measure'] }))).toBe('scottish');
    expect(regionOf(byFolder('ryansMammoth'), header({ T: ['Untitled'] }))).toBeNull();
  });
});

describe('captionsFor', () => {
  const input = {
    id: 'oneills1850-1',
    header: header({ T: ['The Fixture Jig'], R: ['jig'], N: ['Lively'] }),
    meter: { num: 6, den: 8 },
    key: { tonic: 'G', mode: 'maj' as const },
    features: { lowest: 62, highest: 79, range: 17, meanPitch: 70, notesPerBar: 5, stepwise: 0.7, bars: 9, notes: 45 },
    collection: byFolder('oneills1850'),
    composer: "F. O'Neill.",
    scale: {
      range: { low: 12, high: 19 },
      stepwise: { low: 0.42, high: 0.62 },
      register: { low: 5, high: 12 },
      densityByMeter: {},
      density: { low: 1.6, high: 2.6 },
    },
  };

  it('is a pure function of the tune and the seed', () => {
    expect(captionsFor(input, 7)).toEqual(captionsFor(input, 7));
  });

  it('writes its paraphrases without stray spaces, and over many tunes says every fact somewhere', () => {
    const all: string[] = [];
    for (let seed = 0; seed < 40; seed++) {
      const captions = captionsFor(input, seed);
      expect(captions).toHaveLength(CAPTIONS_PER_TUNE);
      for (const c of captions) expect(c).not.toMatch(/^\s|\s$|\s\s|^(a|an) (an?) /);
      all.push(...captions);
    }
    for (const fact of ['jig', 'irish', "by o'neill", 'called fixture jig', 'stepwise', 'moderate range', 'lively'])
      expect(
        all.some((c) => c.includes(fact)),
        fact,
      ).toBe(true);
    expect(all.filter((c) => /\bg\b|\bg ?maj|in the key of g/.test(c)).length).toBeGreaterThan(all.length / 2);
  });
});

/** A fixed sequence of draws, so each spelling can be picked on purpose. */
const draws = (...xs: number[]) => {
  let i = 0;
  return () => xs[i++ % xs.length];
};

describe('spellKey', () => {
  it.each([
    [{ tonic: 'F#', mode: 'min' }, [0, 0, 0.5], 'f sharp minor'],
    [{ tonic: 'F#', mode: 'min' }, [0.5, 0.7], 'f#m'],
    [{ tonic: 'Bb', mode: 'maj' }, [0.4, 0.5, 0.9], 'bb maj'],
    [{ tonic: 'Bb', mode: 'maj' }, [0.9, 0.7], 'b♭'],
    [{ tonic: 'E', mode: 'dor' }, [0, 0.9], 'e dorian'],
    [{ tonic: 'A', mode: 'mix' }, [0.5, 0.1], 'amix'],
  ] as const)('%o with draws %o is "%s"', (key, xs, text) => {
    expect(spellKey(key, draws(...xs))).toBe(text);
  });
});

describe('spellMeter', () => {
  it('knows numbers, words and dance times', () => {
    const forms = new Set(Array.from({ length: 200 }, (_, seed) => spellMeter({ num: 6, den: 8 }, mulberry32(seed))));
    for (const f of ['in 6/8', '6/8 time', 'in six-eight', 'in jig time']) expect(forms).toContain(f);
  });
});

describe('creditsOf', () => {
  it('cleans quotes, trailing commas and asterisks, and joins repeated fields', () => {
    const credits = creditsOf(
      byFolder('airdsAirs'),
      'book2.abc',
      header({ X: ['12'], S: ['"Book 2"'], C: ['Anon.', 'arr. Aird'], Z: ['Jack Campin, *', ''] }),
    );
    expect(credits).toEqual({
      collection: "Aird's Selection of Scotch, English, Irish and Foreign Airs",
      book: 'Book 2',
      number: '12',
      composer: 'Anon.; arr. Aird',
      encoder: 'Jack Campin',
      sourceFile: 'airdsAirs/book2.abc',
    });
  });

  it('marks a missing number', () => {
    expect(creditsOf(byFolder('miscFolk'), 'f.abc', header({})).number).toBe('?');
  });
});
