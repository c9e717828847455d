import { describe, expect, it } from 'vitest';
import { buildCopyIndex, copyScore } from '../../explain/copyDetect';
import { tokensToNoteSequence } from '../../explain/neighboursIndex';
import { copyMessage } from './copyMessage';

const tune = (bars: string[]) => tokensToNoteSequence(['M:4/4', 'K:D', ...bars.flatMap((b) => [...b.split(' '), '|'])]);

describe('copyMessage', () => {
  it.each([
    [
      { matchedBars: 3, comparableBars: 4 },
      { title: 'The Kesh', collection: 'A' },
      '3 of 4 bars found in The Kesh (A)',
    ],
    [{ matchedBars: 0, comparableBars: 5 }, null, '0 of 5 bars found in any one catalogue tune'],
  ])('%j', (score, entry, expected) => {
    expect(copyMessage(score, entry)).toBe(expected);
  });

  it('names the tune a copied generation was flagged against', () => {
    const source = tune(['D E F G', 'A B c d', 'e d c B', 'A G F E']);
    const other = tune(['d c B A', 'G F E D', 'F A d f', 'a f d A']);
    const index = buildCopyIndex([
      { id: 'other', seq: other },
      { id: 'source', seq: source },
    ]);
    const s = copyScore(tune(['D E F G', 'A B c d', 'e d c B', 'F A F D']), index);
    expect(s.flagged).toBe(true);
    expect(s.tuneId).toBe('source');
    expect(copyMessage(s, { title: 'Source Tune', collection: 'Coll' })).toBe(
      '3 of 4 bars found in Source Tune (Coll)',
    );
  });
});
