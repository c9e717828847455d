import { describe, expect, it } from 'vitest';
import { colourGroups, MISSING_COLOUR, OTHER_COLOUR } from './mapColour';

const repeat = (pairs: [string | null, number][]): (string | null)[] =>
  pairs.flatMap(([v, n]) => Array<string | null>(n).fill(v));

describe('colourGroups', () => {
  it.each([
    {
      name: 'every value common enough',
      values: repeat([
        ['reel', 5],
        ['jig', 3],
        ['air', 2],
      ]),
      options: {},
      legend: ['reel 5', 'jig 3', 'air 2'],
    },
    {
      name: 'rare values share "other"',
      values: repeat([
        ['reel', 60],
        ['jig', 39],
        ['clog', 1],
      ]),
      options: { minShare: 0.05 },
      legend: ['reel 60', 'jig 39', 'other 1'],
    },
    {
      name: 'beyond the named colours',
      values: repeat([
        ['a', 4],
        ['b', 3],
        ['c', 2],
        ['d', 1],
      ]),
      options: { maxNamed: 2 },
      legend: ['a 4', 'b 3', 'other 3'],
    },
    {
      name: 'missing values last, whatever their count',
      values: repeat([
        [null, 8],
        ['reel', 2],
      ]),
      options: { missingLabel: 'no type given' },
      legend: ['reel 2', 'no type given 8'],
    },
    {
      name: 'ties broken by name',
      values: repeat([
        ['b', 2],
        ['a', 2],
      ]),
      options: {},
      legend: ['a 2', 'b 2'],
    },
  ])('$name', ({ values, options, legend }) => {
    const { groups, groupOf } = colourGroups(values, options);
    expect(groups.map((g) => `${g.label} ${g.count}`)).toEqual(legend);
    groupOf.forEach((g, i) => {
      const label = groups[g].label;
      if (values[i] === null) expect(groups[g].colour).toBe(MISSING_COLOUR);
      else if (label === 'other') expect(groups[g].colour).toBe(OTHER_COLOUR);
      else expect(label).toBe(values[i]);
    });
  });

  it('gives each named value its own colour and draws larger groups first', () => {
    const values = repeat([
      ['x', 1],
      [null, 5],
      ['y', 3],
      ['x', 2],
    ]);
    const { groups, groupOf, drawOrder } = colourGroups(values);
    expect(new Set(groups.map((g) => g.colour)).size).toBe(groups.length);
    expect(Array.from(drawOrder, (i) => groups[groupOf[i]].label)).toEqual([
      ...Array(5).fill('missing'),
      'x',
      'x',
      'x',
      'y',
      'y',
      'y',
    ]);
    expect([...drawOrder].sort((a, b) => a - b)).toEqual([...values.keys()]);
  });
});
