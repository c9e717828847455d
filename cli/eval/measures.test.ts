import { describe, expect, it } from 'vitest';
import { buildCopyIndex } from '../../src/explain/copyDetect';
import { promptWords } from '../../src/tokenizer/textTokens';
import { tokensToSequence } from '../catalogue';
import { heldOutFigures, measureTune, pct, unknownWords, type TuneOutcome } from './measures';
import type { Ask } from './prompts';

const ask = (over: Partial<Ask> = {}): Ask => ({
  text: 'jig in G',
  meters: ['6/8'],
  meterFrom: 'type',
  tonic: 'G',
  mode: 'maj',
  type: 'jig',
  ...over,
});

const split = (s: string) => s.split(' ');
/** A G major jig: four full bars ending on G. */
const JIG = split('M:6/8 K:Gmaj G A B c B A | G B d g 2 d | e d c B A G | A B A G 3 |]');
const other = tokensToSequence(split('M:4/4 K:Dmaj D E F G A B c d | d c B A G F E D |'));
const copyIndex = buildCopyIndex([{ id: 'other', seq: other }]);

describe('measureTune', () => {
  it.each<[string, string[], Ask, Partial<TuneOutcome>]>([
    [
      'the asked jig',
      JIG,
      ask(),
      { valid: true, barsOk: true, meterOk: true, tonicOk: true, modeOk: true, typeMeterOk: true, copied: false },
    ],
    [
      'another meter',
      ['M:9/8', ...JIG.slice(1)],
      ask(),
      { meterOk: false, statedMeterOk: null, typeMeterOk: false, barsOk: false },
    ],
    ['a stated meter', JIG, ask({ meterFrom: 'stated' }), { meterOk: true, statedMeterOk: true }],
    [
      'a 2/4 hornpipe: the corpus writes them so, sessions do not',
      ['M:2/4', ...JIG.slice(1)],
      ask({ type: 'hornpipe', meters: ['4/4', '2/2', '2/4'] }),
      { meterOk: true, typeMeterOk: true, typeMeterSessionOk: false },
    ],
    ['the relative minor', [JIG[0], 'K:Emin', ...JIG.slice(2)], ask(), { tonicOk: false, modeOk: false }],
    ['enharmonic tonic', [JIG[0], 'K:A#maj', ...JIG.slice(2)], ask({ tonic: 'Bb' }), { tonicOk: true, modeOk: true }],
    ['an overfull bar', split('M:6/8 K:Gmaj G A B c B A B | G 6 |]'), ask(), { barsOk: false, valid: true }],
    ['no header at all', split('G A B |'), ask(), { valid: false, meterOk: false, tonicOk: false }],
    [
      'a prompt naming nothing',
      JIG,
      ask({ meters: null, meterFrom: null, tonic: null, mode: null, type: null }),
      { meterOk: null, tonicOk: null, modeOk: null, typeMeterOk: null, noteKey: null },
    ],
    ['an air takes any meter', JIG, ask({ type: 'air', meters: null, meterFrom: null }), { typeMeterOk: true }],
  ])('%s', (_, tokens, a, expected) => {
    expect(measureTune(tokens, a, copyIndex)).toMatchObject(expected);
  });

  it('reads the notes: the jig is in G major, not in D major', () => {
    expect(measureTune(JIG, ask(), copyIndex).noteKey).toMatchObject({ finalIsTonic: true, inKey: true });
    expect(measureTune(JIG, ask({ tonic: 'D' }), copyIndex).noteKey).toMatchObject({ inKey: false });
  });

  it('flags a copy of a catalogue tune', () => {
    const copy = split('M:4/4 K:Dmaj D E F G A B c d | d c B A G F E D |');
    expect(measureTune(copy, ask(), copyIndex).copied).toBe(true);
  });
});

describe('pct', () => {
  it.each<[(boolean | null)[], number]>([
    [[true, false, true, true], 75],
    [[true, null, false], 50],
    [[true, true, false], 66.7],
    [[null, null], NaN],
    [[], NaN],
  ])('%j', (xs, p) => {
    expect(pct(xs)).toBe(p);
  });
});

describe('heldOutFigures', () => {
  it('leaves tunes out of figures their prompt did not ask for', () => {
    const a = measureTune(JIG, ask(), copyIndex);
    const b = measureTune([JIG[0], 'K:Emin', ...JIG.slice(2)], ask({ meters: null, meterFrom: null }), copyIndex);
    const f = heldOutFigures([a, b]);
    expect(f).toMatchObject({ generations: 2, meterPct: 100, tonicPct: 50, keyAndModePct: 50, validityPct: 100 });
  });
});

describe('unknownWords', () => {
  const known = new Set(['a', 'jig', 'in', 'g', 'reel', 'd']);
  const vocab = {
    encodePrompt: (t: string) => ({ words: promptWords(t) }),
    knowsWord: (w: string) => known.has(w),
  };
  it('counts every occurrence, and lists words by the prompts that use them', () => {
    const u = unknownWords(['a jig in G', 'a tender reel in D, tender', 'a mazurka in G, tender'], vocab);
    // 4 + 6 + 5 words; "tender" three times, "mazurka" once: 4 of 15
    expect(u.pct).toBe(26.7);
    expect(u.words).toEqual([
      { word: 'tender', prompts: 2 },
      { word: 'mazurka', prompts: 1 },
    ]);
  });
});
