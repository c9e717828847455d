import { createHash } from 'node:crypto';
import { describe, expect, test, vi } from 'vitest';
import type { Reference } from '../music/excerpt';
import type { ReferenceProvenance } from './provenance';
import { excerptSha256, referenceProvenance, type CreditedTune } from './referenceProvenance';
import { REFERENCES } from './testFixtures';

const KESH_CREDITS = (REFERENCES[0] as Extract<ReferenceProvenance, { kind: 'catalogue' }>).credits!;
const CATALOGUE: readonly CreditedTune[] = [{ id: 'oneills1850-2', credits: KESH_CREDITS }];

const kesh: Reference = {
  source: { kind: 'catalogue', id: 'oneills1850-2', title: 'The Kesh' },
  first: 1,
  last: 2,
  tokens: ['M:6/8', 'K:Gmaj', 'G', 'A', 'B', '|', 'c', '2', 'd', '|'],
};
const missing: Reference = { ...kesh, source: { ...kesh.source, id: 'gone-1', title: 'Gone' } };
const pasted: Reference = {
  source: { kind: 'abc', id: '/home/someone/private/mine.abc', title: 'Mine' },
  first: 3,
  last: 3,
  tokens: ['M:3/4', 'K:Dmaj', 'd', '2', 'f', '|'],
};
const nodeSha = (tokens: readonly string[]) => createHash('sha256').update(tokens.join(' '), 'utf8').digest('hex');

describe('referenceProvenance', () => {
  test.each<[string, Reference, () => readonly CreditedTune[], ReferenceProvenance]>([
    [
      'a catalogue tune gets its credits',
      kesh,
      () => CATALOGUE,
      { kind: 'catalogue', id: 'oneills1850-2', title: 'The Kesh', first: 1, last: 2, credits: KESH_CREDITS },
    ],
    [
      'a catalogue id the catalogue lacks',
      missing,
      () => CATALOGUE,
      { kind: 'catalogue', id: 'gone-1', title: 'Gone', first: 1, last: 2, credits: null },
    ],
    [
      'a catalogue that cannot be read',
      kesh,
      () => {
        throw new Error('404');
      },
      { kind: 'catalogue', id: 'oneills1850-2', title: 'The Kesh', first: 1, last: 2, credits: null },
    ],
    [
      'user ABC: a hash of its tokens, not its file name',
      pasted,
      () => CATALOGUE,
      { kind: 'abc', title: 'Mine', first: 3, last: 3, tokensSha256: nodeSha(pasted.tokens) },
    ],
  ])('%s', async (_, ref, catalogue, expected) => {
    expect(await referenceProvenance([ref], catalogue)).toEqual([expected]);
  });

  test('keeps the order and reads the catalogue once, only when needed', async () => {
    const catalogue = vi.fn(async () => CATALOGUE);
    const out = await referenceProvenance([pasted, kesh, missing], catalogue);
    expect(out.map((r) => r.title)).toEqual(['Mine', 'The Kesh', 'Gone']);
    expect(catalogue).toHaveBeenCalledTimes(1);
    catalogue.mockClear();
    await referenceProvenance([pasted], catalogue);
    expect(await referenceProvenance([], catalogue)).toEqual([]);
    expect(catalogue).not.toHaveBeenCalled();
  });
});

test.each([[[] as string[]], [['M:6/8', 'K:Gmaj', 'G', '|']], [['M:4/4', 'K:Emin', '^F', 'z', '/2', '|]']]])(
  'excerptSha256(%j) is SHA-256 of the tokens joined by spaces',
  async (tokens) => {
    expect(await excerptSha256(tokens)).toBe(nodeSha(tokens));
  },
);
