import { describe, expect, it } from 'vitest';
import { tokensToSequence } from '../catalogue';
import { corpusNotesInKey, typeRows, type CorpusTune } from './corpusContext';
import type { TuneOutcome } from './measures';
import type { Ask } from './prompts';

const split = (s: string) => s.split(' ');
const tune = (type: string | null, meter: string, splitName = 'train', tokens = ['M:' + meter]): CorpusTune => ({
  type,
  meter,
  split: splitName,
  tokens,
});
const ask = (text: string, type: Ask['type']): Ask => ({
  text,
  meters: null,
  meterFrom: null,
  tonic: null,
  mode: null,
  type,
});
const outcome = (typeMeterOk: boolean | null) => ({ typeMeterOk }) as TuneOutcome;

describe('typeRows', () => {
  const corpus = [tune('reel', '2/2'), tune('reel', '2/4'), tune('reel', '2/2'), tune('jig', '6/8'), tune(null, '3/4')];
  const rows = typeRows(
    [ask('a reel', 'reel'), ask('an air', 'air'), ask('a waltz', 'waltz'), ask('reel in D', 'reel'), ask('x', null)],
    [[outcome(true), outcome(false)], [outcome(true)], [outcome(false)], [outcome(true), outcome(true)], []],
    corpus,
  );

  it.each([
    ['reel', { prompts: 2, tunes: 4, fitsPct: 75, corpusTunes: 3, corpusMeters: '2/2 2, 2/4 1' }],
    ['air', { prompts: 1, tunes: 1, fitsPct: 100, corpusTunes: 0, corpusMeters: '' }],
    ['waltz', { prompts: 1, tunes: 1, fitsPct: 0, corpusTunes: 0, corpusMeters: '' }],
  ])('%s', (type, expected) => expect(rows.find((r) => r.type === type)).toEqual({ type, ...expected }));

  it('keeps the order of first appearance and skips prompts without a type', () =>
    expect(rows.map((r) => r.type)).toEqual(['reel', 'air', 'waltz']));
});

describe('corpusNotesInKey', () => {
  const inG = split('M:6/8 K:Gmaj G A B c B A | G B d g 2 d | e d c B A G | A B A G 3 |]');
  const saysD = ['M:6/8', 'K:Dmaj', ...inG.slice(2)];
  it.each<[string, CorpusTune[], { tunes: number; inKeyPct: number }]>([
    ['a tune in its own key', [tune(null, '6/8', 'valid', inG)], { tunes: 1, inKeyPct: 100 }],
    ['a header that names another key', [tune(null, '6/8', 'test', saysD)], { tunes: 1, inKeyPct: 0 }],
    ['training tunes are left out', [tune(null, '6/8', 'train', inG)], { tunes: 0, inKeyPct: NaN }],
    ['one of each', [tune(null, '6/8', 'valid', inG), tune(null, '6/8', 'valid', saysD)], { tunes: 2, inKeyPct: 50 }],
  ])('%s', (_, corpus, expected) => expect(corpusNotesInKey(corpus, tokensToSequence)).toEqual(expected));
});
