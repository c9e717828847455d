import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { promptWords } from '../tokenizer/textTokens';
import { askOfPrompt, differencesFromAsk, type PromptAsk } from './promptAsk';

const ask = (text: string) => askOfPrompt(promptWords(text));
const none: PromptAsk = { meters: null, meterFrom: null, tonic: null, mode: null, type: null };

describe('askOfPrompt', () => {
  it.each<[string, Partial<PromptAsk>]>([
    [
      'a lively reel in D major',
      { meters: ['4/4', '2/2', '2/4'], meterFrom: 'type', tonic: 'D', mode: 'maj', type: 'reel' },
    ],
    ['a jig', { meters: ['6/8'], meterFrom: 'type', type: 'jig' }],
    ['slip jig in G', { meters: ['9/8'], meterFrom: 'type', tonic: 'G', mode: 'maj', type: 'slip jig' }],
    ['a waltz in f#m', { meters: ['3/4'], meterFrom: 'type', tonic: 'F#', mode: 'min', type: 'waltz' }],
    ['march in 6/8 in bb', { meters: ['6/8'], meterFrom: 'stated', tonic: 'Bb', mode: 'maj', type: 'march' }],
    [
      'a set of reels in Amix',
      { meters: ['4/4', '2/2', '2/4'], meterFrom: 'type', tonic: 'A', mode: 'mix', type: 'reel' },
    ],
    ['three-four tune', { meters: ['3/4'], meterFrom: 'stated' }],
    ['cut time', { meters: ['2/2'], meterFrom: 'stated' }],
    ['a barn dance', { meters: ['4/4', '2/2'], meterFrom: 'type', type: 'barndance' }],
    // "a" before a word that is not a mode is an article, not the key of A.
    ['a slow air', { type: 'air' }],
    ['air in A minor', { tonic: 'A', mode: 'min', type: 'air' }],
    ['rainy day', {}],
    ['', {}],
  ])('%j', (text, expected) => {
    expect(ask(text)).toEqual({ ...none, ...expected });
  });

  // The held-out prompts were labelled by hand for the evaluation; the reading must agree with every label.
  const heldOut = JSON.parse(readFileSync('cli/eval/heldOutPrompts.json', 'utf8')) as {
    prompts: (PromptAsk & { text: string })[];
  };
  it.each(heldOut.prompts.map((p) => [p.text, p] as const))('held-out %j', (text, { text: _t, ...label }) => {
    expect(ask(text)).toEqual(label);
  });
});

describe('differencesFromAsk', () => {
  it.each<[string, string[], { field: string; asked: string; written: string }[]]>([
    ['a jig in G', ['M:6/8', 'K:Gmaj', 'G'], []],
    ['a reel in D', ['M:2/2', 'K:Dmaj'], []],
    ['a jig in G', ['M:4/4', 'K:Gmaj'], [{ field: 'meter', asked: '6/8', written: '4/4' }]],
    ['a reel', ['M:6/8', 'K:Dmaj'], [{ field: 'meter', asked: '4/4, 2/2 or 2/4', written: '6/8' }]],
    ['in e minor', ['M:6/8', 'K:Edor'], [{ field: 'key', asked: 'E minor', written: 'E dorian' }]],
    [
      'waltz in f#m',
      ['M:6/8', 'K:Dmaj'],
      [
        { field: 'meter', asked: '3/4', written: '6/8' },
        { field: 'key', asked: 'F# minor', written: 'D major' },
      ],
    ],
    ['a slow air', ['M:3/4', 'K:Dmaj'], []],
    ['a jig in G', [], []],
  ])('%j wrote %j', (text, tokens, expected) => {
    expect(differencesFromAsk(ask(text), tokens)).toEqual(expected);
  });
});
