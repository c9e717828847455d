import { useMemo } from 'react';
import type { Neighbour } from '../../explain/neighbours';
import { DEFAULT_NGRAM } from '../../explain/ngram';
import { tokensToAbc } from '../../tokenizer/musicTokens';
import type { CatalogueEntry } from '../catalogue/catalogueData';
import { useCatalogueStore } from '../catalogue/catalogueStore';
import { UseAsReference } from '../references/UseAsReference';
import { ABAudio } from '../shared/ABAudio';
import { LinkedScore } from '../shared/LinkedScore';
import { usePassages } from './neighbourData';
import { spanBars, spanOrdinals } from './passageMarks';

interface Props {
  readonly tokens: readonly string[];
  readonly neighbour: Neighbour;
  readonly entry: CatalogueEntry;
}

const semitones = (t: number) => (t === 0 ? 'same pitch' : `${t > 0 ? '+' : ''}${t} semitones`);

/**
 * The tune on show (A) against one neighbour (B): both scores with the melodic passages they share (up to
 * transposition) marked in each, and A/B listening. Passages are measured the same way whichever measure
 * listed the neighbour, so a text or gradient neighbour can share nothing.
 */
export function NeighbourAB({ tokens, neighbour, entry }: Props) {
  const open = useCatalogueStore((s) => s.open);
  const n = DEFAULT_NGRAM;
  const found = usePassages(tokens, neighbour.index, neighbour.passages === undefined);
  const passages = useMemo(() => neighbour.passages ?? found.data ?? [], [neighbour.passages, found.data]);
  const marksA = useMemo(
    () => ({
      'ap-shared': spanOrdinals(
        tokens,
        passages.map((p) => p.query),
      ),
    }),
    [tokens, passages],
  );
  const marksB = useMemo(
    () => ({
      'ap-shared': spanOrdinals(
        entry.tokens,
        passages.map((p) => p.match),
      ),
    }),
    [entry.tokens, passages],
  );
  return (
    <section className="ab-compare neighbour-ab" data-testid="neighbour-ab" aria-label="Tune against neighbour">
      <h3>
        A/B: this tune against #{neighbour.rank} {neighbour.title}{' '}
        <button type="button" className="link-button" onClick={() => open(neighbour.id)}>
          open in the catalogue
        </button>{' '}
        <UseAsReference entry={entry} />
      </h3>
      {found.error && <p role="alert">Shared passages could not be found: {found.error.message}</p>}
      <p data-testid="neighbour-passages">
        {neighbour.passages === undefined && found.isPending
          ? 'Looking for shared passages…'
          : passages.length === 0
            ? `No shared melodic passage of ${n + 1} or more notes (intervals and durations, any key).`
            : `Shared passages (${n + 1}+ notes with the same intervals and durations, any key), marked in both scores: ` +
              passages
                .map(
                  (p) =>
                    `A ${spanBars(tokens, p.query)} = B ${spanBars(entry.tokens, p.match)} (${semitones(p.transposition)})`,
                )
                .join('; ')}
      </p>
      <div className="ab-scores">
        <div>
          <h4>A: the tune on show</h4>
          <LinkedScore abc={tokensToAbc(tokens)} marks={marksA} testId="neighbour-score-a" label="Score A" />
        </div>
        <div>
          <h4>B: {neighbour.title}</h4>
          <LinkedScore abc={tokensToAbc(entry.tokens)} marks={marksB} testId="neighbour-score-b" label="Score B" />
        </div>
      </div>
      <ABAudio a={{ tokens }} b={entry} testId="neighbour-ab-audio" />
    </section>
  );
}
