import { describe, expect, it } from 'vitest';
import { abcToTokens } from '../tokenizer/musicTokens';
import {
  barSpans,
  cutExcerpt,
  defaultRange,
  makeReference,
  MAX_REF_TOKENS,
  parseReferenceSpec,
  type ReferenceSource,
} from './excerpt';

const toks = (s: string) => s.split(' ');
const bars = (tokens: readonly string[]) => barSpans(tokens).map((b) => tokens.slice(b.start, b.end).join(' '));
const SOURCE: ReferenceSource = { kind: 'catalogue', id: 'x-1', title: 'X' };

describe('barSpans', () => {
  it.each([
    ['plain bars', 'M:4/4 K:Dmaj A B | c d |', ['A B |', 'c d |']],
    ['a leading |: alone is no bar', 'M:4/4 K:Dmaj |: A B | c d :|', ['A B |', 'c d :|']],
    ['the |: after a :| is no bar', 'M:4/4 K:Dmaj A B :| |: c d |', ['A B :|', 'c d |']],
    ['a pickup is a bar', 'M:6/8 K:Gmaj G | A 2 B c 3 |', ['G |', 'A 2 B c 3 |']],
    ['trailing notes form a last bar', 'M:4/4 K:Dmaj A B | c d', ['A B |', 'c d']],
    ['trailing bar lines alone do not', 'M:4/4 K:Dmaj A B | |]', ['A B |']],
    ['a rest counts as sound', 'M:4/4 K:Dmaj z 4 | A |', ['z 4 |', 'A |']],
    ['endings close their bars', 'M:4/4 K:Dmaj A :|1 B :|2 c |]', ['A :|1', 'B :|2', 'c |]']],
    ['tuplets stay in their bar', 'M:2/4 K:Dmaj (3 A B c d | e 2 |', ['(3 A B c d |', 'e 2 |']],
    ['no music', 'M:4/4 K:Dmaj', []],
  ])('%s', (_name, tune, expected) => {
    expect(bars(toks(tune))).toEqual(expected);
  });
});

describe('cutExcerpt', () => {
  const tune = toks('M:6/8 K:Dmaj |: d 2 e f e d | c 3 A 3 :| |: B 2 c d 3 | e 6 :|');
  it.each([
    [1, 1, 'M:6/8 K:Dmaj d 2 e f e d |'],
    [2, 2, 'M:6/8 K:Dmaj c 3 A 3 :|'],
    [3, 4, 'M:6/8 K:Dmaj B 2 c d 3 | e 6 :|'],
    // The |: between bars 2 and 3 is no bar but lies inside the range, so it stays (training/data.py slices alike).
    [2, 3, 'M:6/8 K:Dmaj c 3 A 3 :| |: B 2 c d 3 |'],
    [1, 4, 'M:6/8 K:Dmaj d 2 e f e d | c 3 A 3 :| |: B 2 c d 3 | e 6 :|'],
  ])('bars %i-%i', (first, last, expected) => {
    expect(cutExcerpt(tune, first, last).join(' ')).toBe(expected);
  });

  it.each([
    [0, 2, /counted from 1.*the tune has 4 bars/],
    [3, 2, /ends before it begins.*the tune has 4 bars/],
    [2, 5, /past the end: the tune has 4 bars/],
    [1.5, 2, /whole numbers/],
  ])('rejects bars %s-%s', (first, last, message) => {
    expect(() => cutExcerpt(tune, first, last)).toThrow(RangeError);
    expect(() => cutExcerpt(tune, first, last)).toThrow(message);
  });

  it('rejects a range longer than the model reads and suggests one that fits', () => {
    // 20 bars of 8 tokens: 2 + 8k tokens for k bars, so 11 bars (90 tokens) fit and 12 (98) do not.
    const twenty = ['M:4/4', 'K:Dmaj', ...Array.from({ length: 20 }, () => toks('A B c d e f g |')).flat()];
    expect(cutExcerpt(twenty, 1, 11)).toHaveLength(90);
    expect(() => cutExcerpt(twenty, 1, 12)).toThrow(
      /bars 1-12 make 98 tokens.*at most 96: choose a shorter range, e.g. 1-11/,
    );
    expect(() => cutExcerpt(twenty, 5, 20)).toThrow(/e\.g\. 5-15/);
  });

  it('says when even one bar is too long', () => {
    const huge = ['M:4/4', 'K:Dmaj', ...Array.from({ length: 100 }, () => 'A'), '|'];
    expect(() => cutExcerpt(huge, 1, 1)).toThrow(/bar 1 alone has 103/);
  });

  it('cuts a tune read from ABC', () => {
    const tokens = abcToTokens('M:4/4\nL:1/8\nK:G\nAG | B2B2 B2AG | B2B2 B2g2 :|');
    expect(cutExcerpt(tokens, 2, 2)).toEqual(['M:4/4', 'K:Gmaj', 'B', '2', 'B', '2', 'B', '2', 'A', 'G', '|']);
  });
});

describe('defaultRange and makeReference', () => {
  it('takes the whole tune when it fits', () => {
    const tokens = toks('M:4/4 K:Dmaj A B | c d | e f |');
    expect(defaultRange(tokens)).toEqual({ first: 1, last: 3 });
    expect(makeReference(SOURCE, tokens, null)).toEqual({
      source: SOURCE,
      first: 1,
      last: 3,
      tokens: toks('M:4/4 K:Dmaj A B | c d | e f |'),
    });
  });

  it('takes the first four bars of a tune too long to take whole', () => {
    const tokens = ['M:4/4', 'K:Dmaj', ...Array.from({ length: 30 }, () => toks('A B c |')).flat()];
    expect(defaultRange(tokens)).toEqual({ first: 1, last: 4 });
    expect(makeReference(SOURCE, tokens, null).tokens).toHaveLength(2 + 16);
    expect(makeReference(SOURCE, tokens, { first: 3, last: 3 }).tokens).toEqual(toks('M:4/4 K:Dmaj A B c |'));
    expect(2 + 30 * 4).toBeGreaterThan(MAX_REF_TOKENS);
  });

  it('refuses a tune without bars', () => {
    expect(() => defaultRange(toks('M:4/4 K:Dmaj |:'))).toThrow(/no bars/);
  });
});

describe('parseReferenceSpec', () => {
  it.each([
    ['oneills1850-0001', { target: 'oneills1850-0001', range: null }],
    ['oneills1850-0001:3-6', { target: 'oneills1850-0001', range: { first: 3, last: 6 } }],
    ['tune.abc:2', { target: 'tune.abc', range: { first: 2, last: 2 } }],
    ['dir/my:tune.abc', { target: 'dir/my:tune.abc', range: null }],
  ])('%s', (spec, expected) => {
    expect(parseReferenceSpec(spec)).toEqual(expected);
  });

  it.each([
    ['x:3-', /must look like 3-6/],
    ['x:-4', /must look like 3-6/],
    ['x:1-2-3', /must look like 3-6/],
    [':1-2', /needs a tune id or file/],
    ['', /needs a tune id or file/],
  ])('rejects %j', (spec, message) => {
    expect(() => parseReferenceSpec(spec)).toThrow(message);
  });
});
