import { MAX_PROMPT_WORDS } from '../tokenizer/textTokens';

interface Props {
  readonly words: readonly string[];
  /** Null when the vocabulary is not available, so no word can be marked. */
  readonly unknown: ReadonlySet<string> | null;
  readonly truncated: number;
  /** Why `unknown` is null: the vocabulary is still on its way, or it could not be fetched. */
  readonly vocabStatus: 'pending' | 'error' | 'success';
}

const LEGEND_ID = 'prompt-chips-legend';

/** One chip per word the model reads; words outside its vocabulary get a dashed border, and a legend says so. */
export function PromptChips({ words, unknown, truncated, vocabStatus }: Props) {
  if (words.length === 0) {
    return (
      <p className="chips-note" data-testid="prompt-unconditional">
        No words: the tune will be unconditional.
      </p>
    );
  }
  return (
    <div className="chips-wrap">
      <ul className="chips" aria-label="Prompt words">
        {words.map((w, i) => {
          const isUnknown = unknown?.has(w) ?? false;
          return (
            <li
              key={`${i}-${w}`}
              className={isUnknown ? 'chip chip-unknown' : 'chip'}
              title={isUnknown ? 'not in vocabulary' : 'in vocabulary'}
              data-unknown={isUnknown}
              aria-describedby={isUnknown ? LEGEND_ID : undefined}
            >
              {w}
            </li>
          );
        })}
      </ul>
      {unknown !== null && unknown.size > 0 && (
        <p className="chips-note" id={LEGEND_ID} data-testid="prompt-chips-legend">
          <span className="chip chip-sample" aria-hidden="true">
            word
          </span>{' '}
          A dashed word is not in the model&apos;s vocabulary: the model reads it as one &ldquo;unknown word&rdquo;
          input, the same for every such word.
        </p>
      )}
      {truncated > 0 && (
        <p className="chips-note" data-testid="prompt-truncated">
          truncated to {MAX_PROMPT_WORDS} words ({truncated} more ignored)
        </p>
      )}
      {unknown === null && (
        <p className="chips-note" data-testid="prompt-vocab-note">
          {vocabStatus === 'pending'
            ? 'Loading the vocabulary; unknown words will be marked when it arrives.'
            : 'The vocabulary is not available, so unknown words are not marked.'}
        </p>
      )}
    </div>
  );
}
