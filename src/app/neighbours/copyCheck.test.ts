import { describe, expect, it } from 'vitest';
import type { CopyScore } from '../../explain/copyDetect';
import type { CatalogueEntry } from '../catalogue/catalogueData';
import { copyFlagText } from './copyCheck';

const score = (flagged: boolean): CopyScore => ({
  share: 0.9,
  tuneId: 'oneills1850-1',
  matchedBars: 9,
  comparableBars: 10,
  matched: [],
  flagged,
});
const entry = {
  id: 'oneills1850-1',
  titles: ['The Kesh'],
  credits: { collection: "O'Neill's 1850" },
} as unknown as CatalogueEntry;

describe('copyFlagText', () => {
  it.each([
    [
      'a flagged tune, named',
      score(true),
      entry,
      "possible copy: 9 of 10 bars found in The Kesh (O'Neill's 1850) (90%, catalogue id oneills1850-1)",
    ],
    [
      'a flagged tune whose entry is missing',
      score(true),
      undefined,
      'possible copy: 9 of 10 bars found in any one catalogue tune (90%, catalogue id oneills1850-1)',
    ],
    ['an unflagged tune', score(false), entry, undefined],
  ])('%s', (_name, s, e, expected) => {
    expect(copyFlagText(s, e)).toBe(expected);
  });
});
