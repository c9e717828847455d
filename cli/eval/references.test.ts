import { describe, expect, it } from 'vitest';
import type { CatalogueEntry } from '../../src/catalogue/catalogueEntry';
import { melody } from '../../src/music/melodyFixture';
import {
  chooseReferenceCases,
  referencePrompt,
  sharedPassageShare,
  summariseReferences,
  type ReferenceOutcome,
} from './references';

describe('referencePrompt', () => {
  it.each<[string | null, string, string, string]>([
    ['jig', 'g major', '6/8', 'a jig in g major'],
    ['slip jig', 'e dorian', '9/8', 'a slip jig in e dorian'],
    [null, 'a minor', '2/4', 'a tune in a minor in 2/4'],
  ])('%s %s %s', (type, keyWords, meter, prompt) => {
    expect(referencePrompt({ type, keyWords, meter })).toBe(prompt);
  });
});

const bar = ['G', 'A', 'B', 'c', '|'];
const entry = (id: string, split: string, bars: number, extra: string[] = []): CatalogueEntry =>
  ({
    id,
    split,
    type: 'reel',
    keyWords: 'g major',
    meter: '4/4',
    tokens: ['M:4/4', 'K:Gmaj', ...Array.from({ length: bars }, () => bar).flat(), ...extra],
  }) as unknown as CatalogueEntry;

describe('chooseReferenceCases', () => {
  const entries = [
    entry('t1', 'train', 8),
    entry('v3', 'valid', 8),
    entry('v1', 'valid', 8),
    entry('s1', 'test', 3), // too short for bars 1-4
    entry('s2', 'test', 8),
    entry('s3', 'test', 8, ['^^g']),
  ];

  it('takes held-out tunes with bars 1-4, in id order, each with the next as its second reference', () => {
    const cases = chooseReferenceCases(entries, 10);
    expect(cases.map((c) => [c.id, c.otherId])).toEqual([
      ['s2', 's3'],
      ['s3', 'v1'],
      ['v1', 'v3'],
      ['v3', 's2'],
    ]);
    expect(cases[0].excerpt).toEqual(['M:4/4', 'K:Gmaj', ...bar, ...bar, ...bar, ...bar]);
    expect(cases[0].prompt).toBe('a reel in g major');
  });

  it('spreads a smaller count over the list and passes over unknown tokens', () => {
    expect(chooseReferenceCases(entries, 2).map((c) => c.id)).toEqual(['s2', 'v1']);
    expect(chooseReferenceCases(entries, 10, (t) => t !== '^^g').map((c) => c.id)).toEqual(['s2', 'v1', 'v3']);
  });

  it('with an offset, picks the tunes between the plain picks', () => {
    expect(chooseReferenceCases(entries, 2, undefined, 0.5).map((c) => c.id)).toEqual(['s3', 'v3']);
  });
});

describe('sharedPassageShare', () => {
  const ref = melody([60, 62, 64, 65, 67, 69, 71, 72]);
  it.each<[string, ReturnType<typeof melody>, number]>([
    ['the same tune', ref, 1],
    ['the reference transposed', melody([67, 69, 71, 72, 74, 76, 78, 79]), 1],
    ['five shared notes of ten', melody([60, 62, 64, 65, 67, 50, 49, 48, 47, 46]), 0.5],
    ['four notes in common is no passage', melody([60, 62, 64, 65, 50, 49, 48, 47]), 0],
    ['a longer first note: the other seven shared', melody([[60, 2], 62, 64, 65, 67, 69, 71, 72]), 7 / 8],
    ['no notes', melody([]), 0],
  ])('%s', (_, written, share) => {
    expect(sharedPassageShare(written, ref)).toBeCloseTo(share, 10);
  });
});

describe('summariseReferences', () => {
  const o = (over: Partial<ReferenceOutcome>): ReferenceOutcome => ({
    id: 'x',
    shareWith: 0.2,
    shareWithout: 0.1,
    lift: 1,
    liftsOfTwo: [1, 1],
    copiedWithOne: false,
    copiedWithTwo: false,
    ...over,
  });
  it('counts strict improvements and positive lifts, pooling one and two references', () => {
    const s = summariseReferences([
      o({}),
      o({ shareWith: 0.1, lift: -2, liftsOfTwo: [0, 3], copiedWithTwo: true }),
      o({ shareWith: 0, shareWithout: 0 }),
      o({ liftsOfTwo: [-1, -1] }),
    ]);
    expect(s).toMatchObject({
      cases: 4,
      shareAbovePct: 50,
      liftPositiveOnePct: 75,
      liftPositiveTwoPct: 62.5,
      liftPositivePct: 66.7,
      copyRatePct: 12.5,
    });
    expect(s.meanShareWith).toBeCloseTo(0.125, 10);
    expect(s.meanLift).toBeCloseTo(0.5, 10);
  });
  it('gives NaN figures for no cases', () => {
    expect(summariseReferences([]).shareAbovePct).toBeNaN();
  });
});
