import { describe, expect, it } from 'vitest';
import { ablationRows, ablationShares } from './ablation';

const reading = (total: number) => ({ logProbs: [total], total });

describe('ablationShares', () => {
  const cases: { name: string; base: number; without: number[]; shares: number[]; drops: number[]; note: boolean }[] = [
    {
      name: 'two references, one leaned on',
      base: -10,
      without: [-16, -11],
      drops: [6, 1],
      shares: [6 / 7, 1 / 7],
      note: false,
    },
    {
      name: 'a negative drop gets no share',
      base: -10,
      without: [-14, -9],
      drops: [4, -1],
      shares: [1, 0],
      note: false,
    },
    {
      name: 'equal drops share evenly',
      base: -5,
      without: [-7, -7, -7],
      drops: [2, 2, 2],
      shares: [1 / 3, 1 / 3, 1 / 3],
      note: false,
    },
    { name: 'no drop at all', base: -5, without: [-4, -5], drops: [-1, 0], shares: [0, 0], note: true },
    { name: 'no references', base: -5, without: [], drops: [], shares: [], note: true },
  ];
  it.each(cases)('$name', ({ base, without, drops, shares, note }) => {
    const r = ablationShares(reading(base), without.map(reading), reading(base - 20));
    expect(r.references.map((x) => x.drop)).toEqual(drops.map((d) => expect.closeTo(d, 9)));
    expect(r.references.map((x) => x.share)).toEqual(shares.map((s) => expect.closeTo(s, 9)));
    expect(r.note !== null).toBe(note);
    expect(r.withAll).toBe(base);
    expect(r.withNone).toBe(base - 20);
  });
});

describe('ablationRows', () => {
  it.each([
    { refs: [], rows: [[]] },
    { refs: ['a'], rows: [['a'], [], []] },
    { refs: ['a', 'b', 'c'], rows: [['a', 'b', 'c'], ['b', 'c'], ['a', 'c'], ['a', 'b'], []] },
  ])('$refs', ({ refs, rows }) => {
    expect(ablationRows(refs)).toEqual(rows);
  });
});
