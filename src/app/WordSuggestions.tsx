import { useMemo } from 'react';
import { suggestWords } from '../tokenizer/suggest';
import type { Vocab } from '../tokenizer/vocab';

interface Props {
  readonly unknown: readonly string[];
  readonly vocab: Vocab;
  /** Replaces the word in the prompt with the chosen known word(s). */
  readonly onReplace: (word: string, replacement: string) => void;
}

/** For each unknown word, the known words nearest to it in spelling, as buttons that put one in its place. */
export function WordSuggestions({ unknown, vocab, onReplace }: Props) {
  const rows = useMemo(
    () =>
      unknown
        .map((word) => ({ word, near: suggestWords(word, vocab.json.text, (w) => vocab.knowsWord(w)) }))
        .filter((r) => r.near.length > 0),
    [unknown, vocab],
  );
  if (rows.length === 0) return null;
  return (
    <ul className="word-suggestions" aria-label="Known words near the unknown ones" data-testid="word-suggestions">
      {rows.map(({ word, near }) => (
        <li key={word}>
          Instead of <q>{word}</q>:{' '}
          {near.map((s) => (
            <button key={s} type="button" onClick={() => onReplace(word, s)}>
              {s}
            </button>
          ))}
        </li>
      ))}
    </ul>
  );
}
