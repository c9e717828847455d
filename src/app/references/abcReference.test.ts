import { describe, expect, it } from 'vitest';
import { readAbcReference } from './abcReference';

describe('readAbcReference', () => {
  it.each([
    ['a titled tune', 'X:1\nT:Own Jig\nM:6/8\nL:1/8\nK:D\nABc def|gfe dcB|\n', 'Own Jig', 'M:6/8'],
    ['a bare tune, named by its file', 'M:4/4\nL:1/8\nK:G\nGABc dedB|\n', 'mine.abc', 'M:4/4'],
    ['the first of several', 'X:1\nT:One\nM:2/4\nK:D\nAB|\n\nX:2\nT:Two\nM:2/4\nK:D\ncd|\n', 'One', 'M:2/4'],
  ])('reads %s', (_, text, title, meter) => {
    const r = readAbcReference(text, 'mine.abc');
    expect(r.ok && r.source).toEqual({ kind: 'abc', id: 'mine.abc', title });
    expect(r.ok && r.tokens[0]).toBe(meter);
  });

  it.each([
    ['empty text', '  ', 'There is no ABC to read'],
    ['text that is not ABC', 'X:1\nT:Bad\nM:4/4\nK:Hm\nAB|\n', 'mine.abc does not read as ABC'],
    ['too much text', 'A'.repeat(10_001), 'The ABC text is 10,001 characters, more than the 10,000 characters'],
  ])('refuses %s, saying why', (_, text, reason) => {
    const r = readAbcReference(text, 'mine.abc');
    expect(r.ok ? 'accepted' : r.reason).toContain(reason);
  });
});
