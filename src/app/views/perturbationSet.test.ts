import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEWS, type PerturbationView } from '../../journal/journalViews';
import { buildPerturbations, suggestionsAt, unknownIn } from './perturbationSet';

const KNOWN = new Set(['a', 'jig', 'reel', 'hornpipe', 'in', 'd', 'g', 'major', 'minor', 'dorian', 'mixolydian']);
const knows = (w: string) => KNOWN.has(w);
const view = (patch: Partial<PerturbationView>): PerturbationView => ({ ...DEFAULT_VIEWS.perturbation, ...patch });
const WORDS = ['a', 'jig', 'in', 'd', 'major'];
const descriptions = (words: string[], patch: Partial<PerturbationView>) =>
  buildPerturbations(words, view(patch), knows);

describe('perturbation choice', () => {
  it.each<[string, string[], Partial<PerturbationView>, string[] | null, string | null]>([
    [
      'leave-one-out',
      WORDS,
      { mode: 'leave-out' },
      ["without 'a'", "without 'jig'", "without 'in'", "without 'd'", "without 'major'"],
      null,
    ],
    ['one word', ['jig'], { mode: 'leave-out' }, ["without 'jig' (empty prompt)"], null],
    [
      'empty prompt',
      [],
      { mode: 'leave-out' },
      null,
      'The prompt has no words: there is nothing to leave out, replace or reorder.',
    ],
    ['replace', WORDS, { mode: 'replace', position: 1, replacement: 'Reel' }, ["'jig' -> 'reel'"], null],
    [
      'replace, nothing typed',
      WORDS,
      { mode: 'replace', position: 1, replacement: ' ' },
      null,
      'Choose a suggested word or type a replacement.',
    ],
    [
      'replace, two words',
      WORDS,
      { mode: 'replace', position: 1, replacement: 'slow reel' },
      null,
      'Type one word: a replacement takes the place of one word.',
    ],
    [
      'replace, punctuation',
      WORDS,
      { mode: 'replace', position: 1, replacement: '!!' },
      null,
      'The replacement has no letters or digits, so the model would read no word.',
    ],
    [
      'replace, same word',
      WORDS,
      { mode: 'replace', position: 1, replacement: 'jig' },
      null,
      "'jig' is the word already there.",
    ],
    [
      'adjacent swaps',
      ['a', 'jig', 'in'],
      { mode: 'reorder', reorder: 'adjacent' },
      ["'a' and 'jig' swapped", "'jig' and 'in' swapped"],
      null,
    ],
    ['reverse', ['a', 'jig'], { mode: 'reorder', reorder: 'reverse' }, ['words in reverse order'], null],
    [
      'swap two',
      WORDS,
      { mode: 'reorder', reorder: 'swap', position: 0, swapWith: 4 },
      ["'a' and 'major' swapped"],
      null,
    ],
    [
      'swap one with itself',
      WORDS,
      { mode: 'reorder', reorder: 'swap', position: 2, swapWith: 2 },
      null,
      'Choose two different words to swap.',
    ],
    ['reorder one word', ['jig'], { mode: 'reorder' }, null, 'Reordering needs at least two words.'],
  ])('%s', (_name, words, patch, expected, problem) => {
    const r = descriptions(words, patch);
    expect(r.problem).toBe(problem);
    expect(expected === null ? r.perturbations : r.perturbations.map((p) => p.description)).toEqual(expected ?? []);
  });

  it('notes one-word prompts and unknown replacements', () => {
    expect(descriptions(['jig'], { mode: 'leave-out' }).note).toContain('empty prompt (<none>)');
    expect(descriptions(WORDS, { mode: 'replace', position: 1, replacement: 'zorblax' }).note).toBe(
      "'zorblax' is not in the vocabulary: the model reads it as <unk>.",
    );
  });

  it('suggests known replacements for one word', () => {
    expect(suggestionsAt(WORDS, 4, knows)).toEqual(['minor', 'dorian', 'mixolydian']);
    expect(suggestionsAt(WORDS, 3, knows)).toEqual(['g', 'a']);
    expect(suggestionsAt(WORDS, 0, knows)).toEqual([]);
    expect(unknownIn(['a', 'zorblax', 'zorblax'], knows)).toEqual(['zorblax']);
  });
});
