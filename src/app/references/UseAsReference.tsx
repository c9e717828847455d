import { useId, useState } from 'react';
import type { BarRange } from '../../music/excerpt';
import { termsForTune } from '../../rights/terms';
import { entryTitle, type CatalogueEntry } from '../catalogue/catalogueData';
import { useRegistry } from '../rights/useRegistry';
import { refusalOf } from './choose';
import { addReference } from './referenceService';

interface Props {
  readonly entry: CatalogueEntry;
  /** Bars chosen on the score; null or absent takes the default range. */
  readonly range?: BarRange | null;
  /** A problem with the range as typed, shown instead of adding. */
  readonly rangeProblem?: string | null;
}

/**
 * "Use as reference" for a catalogue tune. A tune whose terms refuse it gets no working button: the button is
 * disabled and the reason stands next to it.
 */
export function UseAsReference({ entry, range = null, rangeProblem = null }: Props) {
  const { registry } = useRegistry();
  const [problem, setProblem] = useState<string | null>(null);
  const reasonId = useId();
  const title = entryTitle(entry);
  const refusal = registry ? refusalOf(termsForTune(registry, entry.id).terms) : null;
  const add = () => {
    if (rangeProblem) return setProblem(rangeProblem);
    const choice = addReference({ kind: 'catalogue', id: entry.id, title }, entry.tokens, range);
    setProblem(choice.ok ? null : choice.reason);
  };
  return (
    <span className="use-as-reference">
      <button
        type="button"
        disabled={!registry || refusal !== null}
        aria-describedby={refusal ? reasonId : undefined}
        onClick={add}
      >
        Use as reference
      </button>
      {refusal && (
        <span id={reasonId} className="reference-refusal" data-testid="reference-refusal">
          {refusal}
        </span>
      )}
      {problem && <span role="alert">{problem}</span>}
    </span>
  );
}
