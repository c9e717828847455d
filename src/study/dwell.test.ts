import { describe, expect, it } from 'vitest';
import { DwellCounter, type Cell } from './dwell';

const c = (bar: number, word: number): Cell => ({ bar, word });

describe('DwellCounter', () => {
  it.each<[string, [Cell | null, number][], number, { word: number; bar: number; ms: number }[]]>([
    ['nothing hovered', [], 1000, []],
    ['one cell, still under the pointer', [[c(0, 1), 0]], 500, [{ bar: 0, word: 1, ms: 500 }]],
    [
      'two visits to one cell add up; moves within it do not split it',
      [
        [c(0, 1), 0],
        [c(0, 1), 100],
        [c(2, 0), 300],
        [c(0, 1), 400],
        [null, 600],
      ],
      1000,
      [
        { bar: 0, word: 1, ms: 500 },
        { bar: 2, word: 0, ms: 100 },
      ],
    ],
    [
      'passing over a cell too briefly is left out',
      [
        [c(1, 1), 0],
        [c(1, 2), 20],
        [null, 400],
      ],
      400,
      [{ bar: 1, word: 2, ms: 380 }],
    ],
  ])('%s', (_, moves, at, want) => {
    const d = new DwellCounter();
    for (const [cell, t] of moves) d.enter(cell, t);
    expect(d.flush(at)).toEqual(want);
  });

  it('starts counting again after a flush, for the cell still under the pointer', () => {
    const d = new DwellCounter();
    d.enter(c(0, 0), 0);
    d.flush(1000);
    expect(d.flush(1500)).toEqual([{ bar: 0, word: 0, ms: 500 }]);
  });
});
