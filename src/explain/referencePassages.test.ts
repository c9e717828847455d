import { describe, expect, it } from 'vitest';
import { abcToTokens } from '../tokenizer/musicTokens';
import { tokensToNoteSequence } from './neighboursIndex';
import { orderAgreement, referencePassages } from './referencePassages';

const seq = (body: string, meter = '6/8') =>
  tokensToNoteSequence(abcToTokens(`X:1\nM:${meter}\nL:1/8\nK:D\n${body}\n`));

describe('referencePassages', () => {
  const tune = seq('dfa afd|gfe fed|dfa afd|gfe fed|');
  it('covers the tune with the reference it quotes, and not with an unrelated one', () => {
    const [quoted, other] = referencePassages(tune, [seq('dfa afd|gfe fed|'), seq('C2 C2|C2 C2|', '2/4')]);
    expect(quoted.coverage).toBe(1);
    expect(quoted.passages.length).toBeGreaterThan(0);
    expect(other).toMatchObject({ coverage: 0, share: 0, passages: [] });
    expect(quoted.share).toBe(1);
  });
  it('finds a transposed quotation', () => {
    const [r] = referencePassages(tune, [seq('e^gb b^ge|a^gf ^gfe|')]);
    expect(r.coverage).toBeGreaterThan(0.4);
    expect(r.passages[0].transposition).toBe(2);
  });
  it('gives no shares without references or passages', () => {
    expect(referencePassages(tune, [])).toEqual([]);
    expect(referencePassages(seq('A2 A2|'), [seq('f2 f2|')])[0].share).toBe(0);
  });
});

describe('orderAgreement', () => {
  it.each([
    { a: [0.9, 0.1], b: [0.6, 0.4], agreeing: 1, pairs: 1 },
    { a: [0.9, 0.1], b: [0.4, 0.6], agreeing: 0, pairs: 1 },
    { a: [0.5, 0.5], b: [0.4, 0.6], agreeing: 0, pairs: 1 },
    { a: [3, 2, 1], b: [30, 10, 20], agreeing: 2, pairs: 3 },
    { a: [1], b: [1], agreeing: 0, pairs: 0 },
  ])('$a vs $b', ({ a, b, agreeing, pairs }) => {
    expect(orderAgreement(a, b)).toEqual({ agreeing, pairs });
  });
});
