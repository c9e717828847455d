import { describe, expect, it } from 'vitest';
import { parseTune } from './abcParse';
import { badMeasures, barNumber, longMeasures, soundingLengths, splitMeasures } from './bars';
import { rat } from './rational';

const tune = (body: string, meter = '4/4') => parseTune(`X:1\nM:${meter}\nL:1/8\nK:D\n${body}`);

/** Indices of the measures badMeasures rejects. */
const bad = (body: string, meter = '4/4') => {
  const t = tune(body, meter);
  return badMeasures(t.meter, t.events).map((m) => m.index);
};

describe('soundingLengths', () => {
  it('scales tuplet notes and only them', () => {
    const lengths = soundingLengths(tune('(3abc d (2e2f2 (4g/a/b/c/ d').events);
    expect(lengths).toEqual([
      rat(0),
      rat(2, 3),
      rat(2, 3),
      rat(2, 3),
      rat(1),
      rat(0),
      rat(3),
      rat(3),
      rat(0),
      rat(3, 8),
      rat(3, 8),
      rat(3, 8),
      rat(3, 8),
      rat(1),
    ]);
  });
});

describe('splitMeasures', () => {
  it('records each measure with its bar lines and length', () => {
    const measures = splitMeasures(tune('A | B8 :|1 c4 |2 d2 |]').events);
    expect(measures.map((m) => [m.length, m.opening?.close ?? null, m.closing?.close ?? null])).toEqual([
      [rat(1), null, 'plain'],
      [rat(8), 'plain', 'repeat'],
      [rat(4), 'repeat', 'plain'],
      [rat(2), 'plain', 'final'],
    ]);
    expect(measures[2].opening?.ending).toBe(1);
  });

  it('does not count empty measures between bar lines or after the last one', () => {
    expect(splitMeasures(tune('|: A8 :| |]').events)).toHaveLength(1);
  });
});

describe('badMeasures', () => {
  it.each([
    ['full bars', 'A8 | B8 | c8 |]'],
    ['a pickup', 'A | B8 | c8 |]'],
    ['a pickup after a leading bar line', '| A | B8 | c8 |'],
    ['a pickup after a repeat sign', '|: A | B8 | c8 :|'],
    ['a short bar before :|', '|: B8 | c4 :| d8 |]'],
    ['a short bar before ||', 'B8 | c7 || d8 |]'],
    ['a short last bar', 'B8 | c8 | d4'],
    ['a short last bar closed by a plain bar line', 'B8 | c8 | d4 |'],
    ['short bars around endings', 'B8 |1 c4 :|2 c6 |]'],
    ['a pickup into the second section', 'A8 | B6 :: G2 | c8 |]'],
    ['tuplets that fill the bar', '(3AAA A6 | (3B2B2B2 B4 |]'],
    ['6/8 with L:1/8', 'ABc def | g3 a3 |]', '6/8'],
  ])('accepts %s', (_, body, meter = '4/4') => {
    expect(bad(body, meter)).toEqual([]);
  });

  it.each([
    ['a short bar mid-section', 'B8 | c4 | d8 |]', [1]],
    ['a long bar', 'B8 | c9 | d8 |]', [1]],
    ['a long first bar', 'B9 | c8 |]', [0]],
    ['a long bar before a repeat', '|: B8 | c10 :|', [1]],
    ['a long pickup', 'A9 | B8 |]', [0]],
    ['a tuplet that overfills', '(3AAA A7 | B8 |]', [0]],
    ['several', 'B8 | c4 | d6 | e8 | f12 |]', [1, 2, 4]],
  ])('rejects %s', (_, body, indices) => {
    expect(bad(body)).toEqual(indices);
  });
});

describe('longMeasures and barNumber', () => {
  /** Musicians' numbers of the measures too long for the meter. */
  const long = (body: string, meter = '4/4') => {
    const t = tune(body, meter);
    const measures = splitMeasures(t.events);
    return longMeasures(t.meter, t.events).map((m) => barNumber(t.meter, measures, m.index));
  };

  it.each([
    ['full bars only', 'GABc d2e2|fedc BAGF|G8|]', '4/4', []],
    ['a long second bar, no pickup', 'GABc d2e2|fedc BAGFE|G8|]', '4/4', [2]],
    ['a pickup is bar 0, so the long bar after the first full one is bar 2', 'D|GAB c2d|e2d BAGF|G3 G2|]', '6/8', [2]],
    ['a long first bar with no pickup is bar 1', 'GABc d2e2f|G8|]', '4/4', [1]],
    ['several long bars', 'A|GABc d2e2f|fedc BAGF|G8 A|]', '4/4', [1, 3]],
    ['a triplet sounds as two eighths, so it fits', '(3GAB c d2e2|G8|]', '4/4', []],
    ['a short bar before a repeat is not long', 'D|GAB c2d|e2d B2:|', '6/8', []],
  ])('%s', (_, body, meter, numbers) => expect(long(body, meter)).toEqual(numbers));
});

describe('barNumber', () => {
  /** The bar number of each measure of a tune, as a musician counts them. */
  const numbers = (body: string, meter: string | null = '4/4') => {
    const t = tune(body, meter ?? '4/4');
    const measures = splitMeasures(t.events);
    return measures.map((m) => barNumber(meter === null ? null : t.meter, measures, m.index));
  };

  it.each([
    ['full bars from 1', 'A8 | B8 | c8 |]', '4/4', [1, 2, 3]],
    ['a pickup as bar 0', 'A | B8 | c8 |]', '4/4', [0, 1, 2]],
    ['a pickup after a repeat sign as bar 0', '|: A2 | B8 | c6 :|', '4/4', [0, 1, 2]],
    ['a 6/8 pickup of two eighths', 'AB | c3 d3 | e6 |]', '6/8', [0, 1, 2]],
    ['a full first bar in 6/8', 'ABc def | g6 |]', '6/8', [1, 2]],
    ['a long first bar from 1', 'A9 | B8 |]', '4/4', [1, 2]],
    ['a short tune of one bar from 1', 'A4 |]', '4/4', [1]],
    ['a second-section pickup without shifting the count', 'A8 | B6 :: G2 | c8 |]', '4/4', [1, 2, 3, 4]],
    ['short bars when the meter is unknown from 1', 'A | B8 |]', null, [1, 2]],
  ])('numbers %s', (_, body, meter, expected) => {
    expect(numbers(body, meter)).toEqual(expected);
  });
});
