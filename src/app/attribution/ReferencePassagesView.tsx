import { useMemo, useState } from 'react';
import type { ReferencePassages } from '../../explain/referencePassages';
import { referenceLabel } from '../../music/excerpt';
import type { Tune } from '../../store/types';
import { tokensToAbc } from '../../tokenizer/musicTokens';
import { spanBars, spanOrdinals } from '../neighbours/passageMarks';
import { LinkedScore } from '../shared/LinkedScore';

/** The passages the tune shares with one reference, marked in the tune's score and in the reference's. */
export function ReferencePassagesView({
  tune,
  passages,
}: {
  readonly tune: Tune;
  readonly passages: readonly ReferencePassages[];
}) {
  const references = tune.references ?? [];
  const [chosen, setChosen] = useState(0);
  const at = Math.min(chosen, references.length - 1);
  const ref = references[at];
  const shared = useMemo(() => passages[at]?.passages ?? [], [passages, at]);
  const marksTune = useMemo(
    () => ({
      'ap-shared': spanOrdinals(
        tune.tokens,
        shared.map((p) => p.query),
      ),
    }),
    [tune.tokens, shared],
  );
  const marksRef = useMemo(
    () => ({
      'ap-shared': spanOrdinals(
        ref.tokens,
        shared.map((p) => p.match),
      ),
    }),
    [ref.tokens, shared],
  );
  return (
    <div className="attribution-passages" data-testid="attribution-passages">
      <label>
        Shared passages with{' '}
        <select value={at} onChange={(e) => setChosen(Number(e.target.value))}>
          {references.map((r, i) => (
            <option key={i} value={i}>
              ref {i + 1}: {referenceLabel(r)}
            </option>
          ))}
        </select>
      </label>
      <p data-testid="attribution-passage-list">
        {shared.length === 0
          ? 'No melodic passage of 5 or more notes is shared with this reference (any key).'
          : 'Marked in both scores: ' +
            shared
              .map((p) => `tune ${spanBars(tune.tokens, p.query)} = reference ${spanBars(ref.tokens, p.match)}`)
              .join('; ')}
      </p>
      <div className="ab-scores">
        <div>
          <h4>The tune on show</h4>
          <LinkedScore
            abc={tokensToAbc(tune.tokens)}
            marks={marksTune}
            testId="attribution-score-tune"
            label="Tune score"
          />
        </div>
        <div>
          <h4>
            ref {at + 1}: {referenceLabel(ref)}
          </h4>
          <LinkedScore
            abc={tokensToAbc(ref.tokens)}
            marks={marksRef}
            testId="attribution-score-reference"
            label="Reference score"
          />
        </div>
      </div>
    </div>
  );
}
