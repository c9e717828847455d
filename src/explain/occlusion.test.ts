import { describe, expect, it } from 'vitest';
import { occlusion, occlusionImportance, occlusionInterpreter, readingDelta, type LogProbReading } from './occlusion';
import { tokenBars } from './tokenBars';

// Tokens: header (2), bar 1 = d 2 |, bar 2 = e |; logProbs has one more entry, for </s>.
const TOKENS = ['M:6/8', 'K:Dmaj', 'd', '2', '|', 'e', '|'];
const BARS = tokenBars(TOKENS);
const reading = (logProbs: number[]): LogProbReading => ({
  logProbs: Float64Array.from(logProbs),
  total: logProbs.reduce((a, b) => a + b, 0),
});
const BASE = reading([-1, -1, -2, -1, -0.5, -3, -0.5, -1]); // total -10
const WITHOUT_FIRST = reading([-1, -2, -2, -2, -0.5, -3, -1, -2]); // header -1, bar 1 -1, bar 2 -0.5, end -1
const WITHOUT_SECOND = reading([-1, -1, -2, -1, -0.5, -2, -0.5, -1]); // bar 2 +1

describe('readingDelta', () => {
  it.each([
    ['no change', BASE, { total: 0, perBar: [0, 0], header: 0, end: 0 }],
    ['less likely', WITHOUT_FIRST, { total: -3.5, perBar: [-1, -0.5], header: -1, end: -1 }],
    ['more likely in bar 2', WITHOUT_SECOND, { total: 1, perBar: [0, 1], header: 0, end: 0 }],
  ])('%s', (_name, other, expected) => {
    const d = readingDelta(BASE, other, BARS);
    expect({ ...d, perBar: Array.from(d.perBar) }).toEqual(expected);
  });

  it('refuses readings of another length', () => {
    expect(() => readingDelta(BASE, reading([-1, -1]), BARS)).toThrow(/positions/);
  });
});

describe('occlusion', () => {
  it('gives the change per word and per bar, and flags unknown words', () => {
    const r = occlusion({
      words: ['slow', 'zorblax'],
      unknownWords: ['zorblax'],
      base: BASE,
      without: [WITHOUT_FIRST, WITHOUT_SECOND],
      bars: BARS,
    });
    expect(r.baseTotal).toBe(-10);
    expect(r.note).toBeNull();
    expect(r.words.map((w) => [w.word, w.unknown, w.description, w.change])).toEqual([
      ['slow', false, "without 'slow'", -3.5],
      ['zorblax', true, "without 'zorblax'", 1],
    ]);
    expect(r.perBar!.rowLabels).toEqual(['bar 0', 'bar 1']);
    expect(r.perBar!.colLabels).toEqual(['slow', 'zorblax']);
    expect(Array.from(r.perBar!.data)).toEqual([-1, 0, -0.5, 1]);
    expect(Array.from(occlusionImportance(r))).toEqual([3.5, -1]);
  });

  it('compares a one-word prompt with the empty prompt and says so', () => {
    const r = occlusion({ words: ['jig'], unknownWords: [], base: BASE, without: [WITHOUT_FIRST], bars: BARS });
    expect(r.words[0].description).toBe("without 'jig' (empty prompt)");
    expect(r.words[0].change).toBe(-3.5);
    expect(r.note).toMatch(/empty prompt/);
  });

  it('has nothing to occlude for an empty prompt', () => {
    const r = occlusion({ words: [], unknownWords: [], base: BASE, without: [], bars: BARS });
    expect([r.words, r.perBar, r.baseTotal]).toEqual([[], null, -10]);
    expect(r.note).toMatch(/no words/);
    expect(
      occlusionInterpreter.run({ words: [], unknownWords: [], base: BASE, without: [], bars: BARS }, {}).note,
    ).toBe(r.note);
  });

  it('needs one reading per word', () => {
    expect(() => occlusion({ words: ['a', 'b'], unknownWords: [], base: BASE, without: [BASE], bars: BARS })).toThrow(
      /2 words but 1 readings/,
    );
  });
});
