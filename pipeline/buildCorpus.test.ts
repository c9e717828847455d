import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitTunes } from '../src/music/abcParse';
import { abcjsWarnings } from '../src/music/abcjsCheck';
import { abcToTokens } from '../src/tokenizer/musicTokens';
import { buildCorpus, MAX_TUNE_TOKENS, splitOf, type SourceFile } from './buildCorpus';
import { COLLECTIONS } from './credits';
import { CAPTIONS_PER_TUNE } from './captions';

const FIXTURES = join(import.meta.dirname, 'fixtures/abc');

/** The fixture files as runCorpus reads them: collections in catalogue order, files sorted by name. */
function fixtureSources(): SourceFile[] {
  return COLLECTIONS.flatMap((collection) =>
    readdirSync(join(FIXTURES, collection.folder))
      .filter((f) => f.endsWith('.abc'))
      .sort()
      .map((file) => ({
        collection,
        file,
        records: splitTunes(readFileSync(join(FIXTURES, collection.folder, file), 'utf8')),
      })),
  );
}

describe('buildCorpus on the fixtures', () => {
  const { entries, report, variants } = buildCorpus(fixtureSources());
  const byId = Object.fromEntries(entries.map((e) => [e.id, e]));

  it('keeps the good tunes and counts each dropped one by reason', () => {
    expect(report.read).toBe(12);
    expect(report.kept).toBe(5);
    expect(report.dropped).toEqual({
      'bar lengths': 1, // airdsAirs X:2
      'multiple voices': 1, // airdsAirs X:3
      'no title': 1, // airdsAirs X:4
      duplicate: 2, // O'Neill's 2 printed in two files; the same march under two titles
      'unsupported key': 1, // K:Hp
      'unparsed symbol': 1, // "@" in Ryan's BrokenReel
    });
    expect(entries.map((e) => e.id)).toEqual([
      'airdsAirs-book1-1',
      'oneills1850-1',
      'oneills1850-2',
      'ryansMammoth-FixtureHornpipe',
      'miscFolk-fife-1',
    ]);
  });

  it('keeps the first printing of a duplicated O’Neill’s number', () => {
    expect(byId['oneills1850-2'].titles).toEqual(['The Slow Fixture']);
    expect(byId['oneills1850-2'].credits.sourceFile).toBe('oneills1850/0001-0002.abc');
  });

  it('gives the same output on every run', () => {
    expect(buildCorpus(fixtureSources())).toEqual({ entries, report, variants });
  });

  it('records credits from the header and the file', () => {
    expect(byId['airdsAirs-book1-1'].credits).toEqual({
      collection: "Aird's Selection of Scotch, English, Irish and Foreign Airs",
      book: "Aird's Selection, Vol. 1",
      number: '1',
      composer: null,
      encoder: 'Test Encoder',
      sourceFile: 'airdsAirs/book1.abc',
    });
    expect(byId['oneills1850-1'].credits).toMatchObject({
      book: "O'Neill's 1",
      number: '1',
      encoder: 'Transcribed by Test Encoder',
      sourceFile: 'oneills1850/0001-0002.abc',
    });
    expect(byId['ryansMammoth-FixtureHornpipe'].credits).toMatchObject({
      collection: "Ryan's Mammoth Collection",
      composer: 'J. Smith',
      encoder: 'Contributed by Test Encoder',
    });
    expect(byId['miscFolk-fife-1'].credits).toMatchObject({ book: null, composer: null });
  });

  it('describes each tune: titles, meter, key, type', () => {
    expect(entries.map((e) => [e.meter, e.key, e.keyWords, e.type])).toEqual([
      ['2/2', 'Dmaj', 'd major', 'reel'],
      ['6/8', 'Gmaj', 'g major', 'jig'],
      ['2/4', 'Ador', 'a dorian', null],
      ['4/4', 'Fmaj', 'f major', 'hornpipe'],
      ['2/4', 'Bbmaj', 'b flat major', 'march'],
    ]);
    expect(byId['airdsAirs-book1-1'].titles).toEqual(['The Fixture Reel', 'The Second Name']);
  });

  it('writes non-empty captions per tune, most of them naming its tonic', () => {
    for (const e of entries) {
      expect(e.captions).toHaveLength(CAPTIONS_PER_TUNE);
      for (const c of e.captions) expect(c).toMatch(/^\S.*\S$/);
      const tonic = new RegExp(`\\b${e.key[0].toLowerCase()}`);
      expect(e.captions.filter((c) => tonic.test(c)).length).toBeGreaterThanOrEqual(CAPTIONS_PER_TUNE / 2);
    }
  });

  it('adds transposed copies of the training tunes only, in the same mode', () => {
    expect(variants.length).toBeGreaterThan(0);
    for (const v of variants) {
      const e = entries[v.source];
      expect(e.split).toBe('train');
      expect(v.key.mode).toBe(e.key.replace(/^[A-G][#b]?/, ''));
      expect(v.tokens[0]).toBe(e.tokens[0]);
      expect(v.tokens[1]).toBe(`K:${v.key.tonic}${v.key.mode}`);
      expect(v.tokens).toHaveLength(e.tokens.length);
    }
  });

  it('splits by a hash of the id, and the report counts the splits', () => {
    for (const e of entries) {
      expect(['train', 'valid', 'test']).toContain(e.split);
      expect(e.split).toBe(splitOf(e.id));
    }
    expect(entries.map((e) => e.split)).toEqual(['train', 'valid', 'train', 'train', 'test']);
    expect(report.splits).toEqual({ train: 3, valid: 1, test: 1 });
  });

  it('stores canonical ABC that abcjs accepts and that tokenizes to the stored tokens', () => {
    for (const e of entries) {
      expect(e.abc).toMatch(/^X:1\nT:[^\n]+\nM:\d+\/\d+\nL:1\/8\nK:/);
      expect(abcjsWarnings(e.abc)).toEqual([]);
      expect(abcToTokens(e.abc)).toEqual(e.tokens);
    }
  });
});

describe('buildCorpus edge cases', () => {
  const misc = COLLECTIONS.find((c) => c.folder === 'miscFolk')!;
  const tune = (x: number, title: string, body: string) => `X:${x}\nT:${title}\nM:4/4\nL:1/8\nK:C\n${body}`;

  it('drops a tune longer than the model reads', () => {
    const long = `${'CDEF GABc | '.repeat(Math.ceil(MAX_TUNE_TOKENS / 9))}c8 |]`;
    const { report } = buildCorpus([{ collection: misc, file: 'x.abc', records: [tune(1, 'Long', long)] }]);
    expect(report).toMatchObject({ read: 1, kept: 0, dropped: { 'too long': 1 } });
  });

  it('keeps tunes from different collections that share a number', () => {
    const airds = COLLECTIONS.find((c) => c.folder === 'airdsAirs')!;
    const { entries } = buildCorpus([
      { collection: misc, file: 'a.abc', records: [tune(1, 'One', 'CDEF GABc |]')] },
      { collection: airds, file: 'a.abc', records: [tune(1, 'Two', 'cBAG FEDC |]')] },
    ]);
    expect(entries.map((e) => e.id)).toEqual(['miscFolk-a-1', 'airdsAirs-a-1']);
  });

  it('does not depend on which other tunes are present for a tune’s split', () => {
    const one = { collection: misc, file: 'a.abc', records: [tune(1, 'One', 'CDEF GABc |]')] };
    const two = { collection: misc, file: 'b.abc', records: [tune(2, 'Two', 'cBAG FEDC |]')] };
    const alone = buildCorpus([two]).entries[0];
    const together = buildCorpus([one, two]).entries[1];
    expect(together).toEqual(alone);
  });
});
