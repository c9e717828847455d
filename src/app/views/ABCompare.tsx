import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { describeWords } from '../../journal/journal';
import { changedBars, diffSummaries, summarizeTune } from '../../explain/tuneSummary';
import type { Tune } from '../../store/types';
import { tokensToAbc } from '../../tokenizer/musicTokens';
import { mapTune, notesInMeasure } from '../tuneMap';
import { ABAudio } from '../shared/ABAudio';
import { LinkedScore } from '../shared/LinkedScore';
import { generateOptions } from '../shared/readService';
import { regenerationInput, tuneFromResult } from './regenerate';
import { SummaryDiff } from './SummaryDiff';

const notesOf = (tokens: readonly string[], bars: readonly number[]) => {
  const map = mapTune(tokens);
  return bars.flatMap((b) => notesInMeasure(map, b));
};

interface Props {
  readonly a: Tune;
  readonly words: readonly string[];
  readonly modelSha256: string;
  /** Opened from the journal: B is shown if already written, and written again only through `onWrite`. */
  readonly held: boolean;
  readonly onWrite: () => void;
}

/** The tune (A) and its regeneration under a perturbed prompt (B): same seed and settings, changed bars marked. */
export function ABCompare({ a, words, modelSha256, held, onWrite }: Props) {
  const input = useMemo(() => regenerationInput(a, words), [a, words]);
  const result = useQuery({ ...generateOptions(modelSha256, input), enabled: !held });
  const what = describeWords(a.words, words) ?? 'same words';
  const b = useMemo(() => (result.data ? tuneFromResult(a, input, result.data) : null), [a, input, result.data]);
  const diff = useMemo(() => (b ? changedBars(a.tokens, b.tokens) : null), [a, b]);
  const changes = useMemo(() => (b ? diffSummaries(summarizeTune(a.tokens), summarizeTune(b.tokens)) : []), [a, b]);
  return (
    <section className="ab-compare" data-testid="ab-compare" aria-label="A/B comparison">
      <h3>
        A/B: {what} <span className="hint">(same seed {a.settings.seed} and settings)</span>
      </h3>
      {result.isPending && result.fetchStatus === 'fetching' && <p className="hint">Writing B with the same seed…</p>}
      {result.isPending && result.fetchStatus === 'idle' && (
        <p className="hint" data-testid="ab-held">
          Opening a node runs nothing, so B is not written yet.{' '}
          <button type="button" onClick={onWrite}>
            Write B again
          </button>
        </p>
      )}
      {result.isError && (
        <p className="error" role="alert">
          B could not be written: {result.error.message}
        </p>
      )}
      {b && diff && (
        <>
          <p data-testid="ab-changed-bars">
            {diff.changed.length === 0
              ? `No bar changed (${diff.barsA} bars in both).`
              : `Changed bars: ${diff.changed.map((k) => k + 1).join(', ')} (A has ${diff.barsA} bars, B has ${diff.barsB}), bar k of A against bar k of B.`}
          </p>
          <div className="ab-scores">
            <div>
              <h4>A: ‘{a.words.join(' ') || '<none>'}’</h4>
              <LinkedScore
                abc={tokensToAbc(a.tokens)}
                marks={{ 'ap-changed': notesOf(a.tokens, diff.changed) }}
                testId="ab-score-a"
                label="Score A"
              />
            </div>
            <div>
              <h4>B: ‘{words.join(' ') || '<none>'}’</h4>
              <LinkedScore
                abc={tokensToAbc(b.tokens)}
                marks={{ 'ap-changed': notesOf(b.tokens, diff.changed) }}
                testId="ab-score-b"
                label="Score B"
              />
            </div>
          </div>
          <ABAudio a={a} b={b} />
          <SummaryDiff changes={changes} testId="ab-summary" />
        </>
      )}
    </section>
  );
}
