import { describe, expect, it } from 'vitest';
import { promptWords } from '../../src/tokenizer/textTokens';
import { readCatalogue } from '../catalogue';
import { loadPromptSet, parsePromptSet } from './prompts';

const ask = {
  text: 'jig in G',
  meters: ['6/8'],
  meterFrom: 'type',
  tonic: 'G',
  mode: 'maj',
  type: 'jig',
};
const set = (...prompts: unknown[]) => ({ about: 'test', prompts });

describe('parsePromptSet', () => {
  it('accepts a well-formed set', () => {
    expect(parsePromptSet(set(ask)).prompts[0]).toEqual(ask);
  });

  it.each<[string, unknown, string]>([
    ['missing prompts', { about: 'x' }, 'prompts: '],
    ['unknown field', set({ ...ask, key: 'G' }), 'prompts[0]: Unrecognized key: "key"'],
    ['not an object', 'prompts', '(top): '],
    ['bad tonic', set(ask, { ...ask, text: 'jig in H', tonic: 'H' }), 'prompts[1].tonic: a tonic like F, F# or Bb'],
    ['lower-case tonic', set({ ...ask, tonic: 'g' }), 'prompts[0].tonic: a tonic like'],
    [
      'bad meter',
      set({ ...ask, meters: ['six-eight'], meterFrom: 'stated' }),
      'prompts[0].meters[0]: a meter like 6/8',
    ],
    ['unknown mode', set({ ...ask, mode: 'major' }), 'prompts[0].mode: '],
    ['unknown type', set({ ...ask, type: 'jigg' }), 'prompts[0].type: '],
    ['tonic without mode', set({ ...ask, mode: null }), 'prompts[0].mode: tonic and mode are given together'],
    ['meters without meterFrom', set({ ...ask, meterFrom: null }), 'prompts[0].meterFrom: meterFrom is null exactly'],
    ['type meters wrong', set({ ...ask, meters: ['9/8'] }), 'prompts[0].meters: the type jig implies 6/8'],
    [
      'type meter from a type-less prompt',
      set({ ...ask, type: null }),
      'prompts[0].meterFrom: the type (none) implies',
    ],
    ['air implies no meter', set({ ...ask, type: 'air' }), 'prompts[0].meterFrom: the type air implies no meter'],
    ['two stated meters', set({ ...ask, meterFrom: 'stated', meters: ['6/8', '9/8'] }), 'prompts[0].meters: a stated'],
    ['empty text', set({ ...ask, text: '  ' }), 'prompts[0].text: an empty prompt'],
    ['duplicate text', set(ask, { ...ask, text: 'Jig in G' }), 'prompts[1].text: repeats prompts[0]'],
  ])('%s', (_, value, message) => {
    expect(() => parsePromptSet(value)).toThrow(message);
  });

  it('lists every problem, one per line', () => {
    const bad = set({ ...ask, tonic: 'H' }, { ...ask, text: 'reel', type: 'reeel' });
    const message = (() => {
      try {
        parsePromptSet(bad);
        return '';
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(message.split('\n').slice(1)).toEqual([
      expect.stringContaining('prompts[0].tonic'),
      expect.stringContaining('prompts[1].type'),
    ]);
  });
});

describe('the held-out prompt set', () => {
  const prompts = loadPromptSet().prompts;

  it('has at least 90 prompts, most with a key and a meter', () => {
    expect(prompts.length).toBeGreaterThanOrEqual(90);
    expect(prompts.filter((p) => p.tonic).length).toBeGreaterThanOrEqual(80);
    expect(prompts.filter((p) => p.meters).length).toBeGreaterThanOrEqual(80);
    expect(prompts.filter((p) => p.type).length).toBeGreaterThanOrEqual(70);
  });

  it('names the annotated tonic in each prompt', () => {
    // A loose check of the hand annotation: the tonic letter appears as a word or at the start of a key word.
    for (const p of prompts.filter((x) => x.tonic)) {
      const words = promptWords(p.text);
      expect(
        words.some((w) => w[0] === p.tonic![0].toLowerCase() && w.length <= 4),
        p.text,
      ).toBe(true);
    }
  });

  it('never equals a training caption (ignoring case, punctuation and articles)', () => {
    const normal = (s: string) =>
      promptWords(s)
        .filter((w) => !['a', 'an', 'the'].includes(w))
        .join(' ');
    const captions = new Set(readCatalogue().entries.flatMap((e) => e.captions.map(normal)));
    const used = prompts.filter((p) => captions.has(normal(p.text))).map((p) => p.text);
    expect(used).toEqual([]);
  });
});
