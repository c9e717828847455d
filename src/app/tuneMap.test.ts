import { describe, expect, it } from 'vitest';
import { barNumberOf, mapTune, measureAt, notesInMeasure, parseEditedAbc, prefixThroughMeasure } from './tuneMap';

// M:4/4 K:D | D2 E2 F2 G2 | A4 z4 | (3 ABc d4 z2 |]
const TOKENS = [
  'M:4/4',
  'K:Dmaj',
  'D',
  '2',
  'E',
  '2',
  'F',
  '2',
  'G',
  '2',
  '|',
  'A',
  '4',
  'z',
  '4',
  '|',
  '(3',
  'A',
  'B',
  'c',
  'd',
  '4',
  'z',
  '2',
  '|]',
];

describe('mapTune', () => {
  const map = mapTune(TOKENS);
  it('finds measures and note ordinals', () => {
    expect(map.measures).toHaveLength(3);
    expect(map.noteEvents).toHaveLength(11);
    expect(map.measureOfNote).toEqual([0, 0, 0, 0, 1, 1, 2, 2, 2, 2, 2]);
  });
  it.each([
    [{ kind: 'note', ordinal: 0 }, 0],
    [{ kind: 'note', ordinal: 5 }, 1],
    [{ kind: 'bar', ordinal: 0 }, 0],
    [{ kind: 'bar', ordinal: 2 }, 2],
    [{ kind: 'note', ordinal: 99 }, null],
  ] as const)('click %o is in measure %s', (click, measure) => {
    expect(measureAt(map, click)).toBe(measure);
  });
  it('lists the notes of a measure', () => {
    expect(notesInMeasure(map, 1)).toEqual([4, 5]);
  });
  it.each([
    [0, 11],
    [1, 16],
    [2, TOKENS.length],
  ])('prefix through measure %i has %i tokens', (m, n) => {
    const prefix = prefixThroughMeasure(TOKENS, map, m);
    expect(prefix).toHaveLength(n);
    if (m < 2) expect(prefix[prefix.length - 1]).toBe('|');
  });
});

describe('parseEditedAbc', () => {
  it('reads a tune', () => {
    const r = parseEditedAbc('X:1\nM:4/4\nL:1/8\nK:D\nD2E2 F2G2|A4 z4|]\n');
    expect(r.ok && r.tokens.slice(0, 4)).toEqual(['M:4/4', 'K:Dmaj', 'D', '2']);
  });
  it('gives the line and column of a bad symbol', () => {
    const r = parseEditedAbc('X:1\nM:4/4\nL:1/8\nK:D\nD2E2 F2G2|\nA4 @z4|]\n');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.line).toBe(6);
      expect(r.column).toBe(4);
      expect(r.message).toContain('line 6, column 4');
    }
  });
  it('rejects empty text and unknown tokens', () => {
    expect(parseEditedAbc('  ').ok).toBe(false);
    const r = parseEditedAbc('M:4/4\nL:1/8\nK:D\nD2E2 F2G2|]', (t) => t !== 'E');
    expect(!r.ok && r.message).toContain('E');
  });
});

describe('barNumberOf', () => {
  it.each([
    ['full first bar', TOKENS, [1, 2, 3]],
    ['pickup (M:4/4 | A2 | B8 | c8 |])', ['M:4/4', 'K:Dmaj', 'A', '2', '|', 'B', '8', '|', 'c', '8', '|]'], [0, 1, 2]],
  ])('numbers bars as musicians do: %s', (_, tokens, expected) => {
    const map = mapTune(tokens);
    expect(map.measures.map((m) => barNumberOf(map, m.index))).toEqual(expected);
  });
});
